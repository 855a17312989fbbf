package dev.captions.media.ffmpeg.internal;

import dev.captions.PipelineStage;
import dev.captions.ProgressEvent;
import dev.captions.ProgressListener;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one FFmpeg command: an argument list (never a shell), stdin closed, stderr drained on its own thread (keeping
 * the first and last lines for error messages and probing), {@code -progress pipe:1} key=value lines on stdout turned
 * into progress events. Interrupting the calling thread kills the process and throws {@link CancellationException}.
 */
public final class FfmpegRun {
  private static final Logger LOG = LoggerFactory.getLogger(FfmpegRun.class);
  private static final int HEAD_LINES = 400;
  private static final int TAIL_LINES = 60;

  /** What a finished process left behind. */
  public static final class Result {
    private final int exitCode;
    private final List<String> stderr;

    Result(int exitCode, List<String> stderr) {
      this.exitCode = exitCode;
      this.stderr = Collections.unmodifiableList(stderr);
    }

    public int exitCode() {
      return exitCode;
    }

    /** The first {@value #HEAD_LINES} and last {@value #TAIL_LINES} lines of stderr. */
    public List<String> stderr() {
      return stderr;
    }
  }

  private FfmpegRun() {}

  /**
   * Runs {@code command} to completion.
   *
   * @param durationMs the length of the media being processed, for progress fractions; 0 when unknown
   * @param stage the {@link ProgressEvent#stage()} to report under
   * @throws CancellationException when the calling thread is interrupted; the process is killed first and the
   *     interrupt flag stays set
   * @throws IOException when the process cannot be started
   */
  public static Result run(List<String> command, ProgressListener progress, PipelineStage stage, long durationMs)
      throws IOException {
    LOG.debug("Running {}", command);
    Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
    process.getOutputStream().close();
    StderrCollector stderr = new StderrCollector();
    Thread errThread = pump(process.getErrorStream(), stderr, "ffmpeg-stderr");
    Thread outThread = pump(process.getInputStream(), new ProgressParser(progress, stage, durationMs), "ffmpeg-progress");
    try {
      int exit = process.waitFor();
      errThread.join();
      outThread.join();
      return new Result(exit, stderr.lines());
    } catch (InterruptedException e) {
      kill(process);
      Thread.currentThread().interrupt();
      CancellationException c = new CancellationException("FFmpeg " + stage + " cancelled; the process was killed");
      c.initCause(e);
      throw c;
    }
  }

  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      // A short uninterruptible-ish wait so that the caller can delete the outputs the process had open.
      boolean ignored = Thread.interrupted();
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException ignored) {
      // we restore the flag in the caller
    }
  }

  private static Thread pump(InputStream in, Consumer<String> sink, String name) {
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) sink.accept(line);
      } catch (IOException e) {
        // the process went away (killed); nothing more to read
      }
    }, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Keeps the head (stream listing) and the tail (the error) of stderr, bounded whatever FFmpeg prints. */
  private static final class StderrCollector implements Consumer<String> {
    private final List<String> head = new ArrayList<>();
    private final Deque<String> tail = new ArrayDeque<>();

    @Override
    public synchronized void accept(String line) {
      if (head.size() < HEAD_LINES) {
        head.add(line);
        return;
      }
      if (tail.size() == TAIL_LINES) tail.removeFirst();
      tail.addLast(line);
    }

    synchronized List<String> lines() {
      List<String> all = new ArrayList<>(head);
      all.addAll(tail);
      return all;
    }
  }

  /** Turns {@code out_time_us=...} lines into fractions of {@code durationMs}. */
  static final class ProgressParser implements Consumer<String> {
    private final ProgressListener listener;
    private final PipelineStage stage;
    private final long durationMs;

    ProgressParser(ProgressListener listener, PipelineStage stage, long durationMs) {
      this.listener = listener;
      this.stage = stage;
      this.durationMs = durationMs;
    }

    @Override
    public void accept(String line) {
      if (line.startsWith("out_time_us=")) {
        long us;
        try {
          us = Long.parseLong(line.substring("out_time_us=".length()).trim());
        } catch (NumberFormatException e) {
          return; // "N/A" before the first frame
        }
        double fraction = durationMs > 0 ? Math.max(0, us / 1000.0) / durationMs : Double.NaN;
        emit(fraction, "");
      } else if (line.equals("progress=end")) {
        emit(1.0, "done");
      }
    }

    private void emit(double fraction, String message) {
      try {
        listener.onProgress(ProgressEvent.of(stage, fraction, message));
      } catch (RuntimeException e) {
        LOG.warn("Progress listener failed; ignoring", e);
      }
    }
  }
}
