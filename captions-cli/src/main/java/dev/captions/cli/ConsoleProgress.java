package dev.captions.cli;

import dev.captions.ProgressEvent;
import dev.captions.ProgressListener;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr, one per pipeline stage, counted in seconds of media ("126/300 s") once the run knows the
 * media's length (else in percent), with the estimated time left. Shown whenever stderr is a terminal and --quiet is
 * not given, whatever stdout is (a redirected stdout, e.g. {@code caption a.mp4 > files.txt}, keeps the bar); CI logs
 * and redirected stderr stay clean.
 */
class ConsoleProgress implements ProgressListener, AutoCloseable {
  private final java.io.PrintStream stream;
  private ProgressBar bar;
  private String stage;
  private long max;

  /** Bars drawn on {@code stream} (the process's stderr; a test's buffer). */
  ConsoleProgress(java.io.PrintStream stream) {
    this.stream = stream;
  }

  /** A bar when {@code quiet} is false and the process's stderr is a terminal, else nothing. */
  static ConsoleProgress create(boolean quiet) {
    return quiet || !Terminal.stderrIsTerminal() ? new Silent() : new ConsoleProgress(System.err);
  }

  @Override
  public synchronized void onProgress(ProgressEvent e) {
    long media = e.mediaDurationMs().orElse(-1);
    // In media seconds when the length is known, else in percent; a new bar when the stage or the unit changes.
    long newMax = media > 0 ? Math.max(1, (media + 999) / 1000) : 100;
    if (!e.stage().id().equals(stage) || newMax != max) {
      finish();
      stage = e.stage().id();
      max = newMax;
      bar = new ProgressBarBuilder().setTaskName(String.format(Locale.ROOT, "%-13s", stage)).setInitialMax(max)
          .setUnit(media > 0 ? " s" : "%", 1).setStyle(ProgressBarStyle.ASCII)
          .setConsumer(new ConsoleProgressBarConsumer(stream, 100)).build();
    }
    if (!Double.isNaN(e.fraction())) bar.stepTo(Math.round(e.fraction() * max));
  }

  /** Closes the current bar. */
  synchronized void finish() {
    if (bar != null) {
      bar.close();
      bar = null;
      stage = null;
      max = 0;
    }
  }

  @Override
  public void close() {
    finish();
  }

  /** Shows nothing. */
  private static final class Silent extends ConsoleProgress {
    Silent() {
      super(System.err);
    }

    @Override
    public void onProgress(ProgressEvent e) {}

    @Override
    void finish() {}
  }

  /** Whether the process's stderr is a terminal. */
  static final class Terminal {
    private static volatile Boolean stderr;

    private Terminal() {}

    static boolean stderrIsTerminal() {
      Boolean b = stderr;
      if (b == null) stderr = b = detect();
      return b;
    }

    /**
     * Java 17 cannot ask about stderr alone ({@code System.console()} needs stdin and stdout to be terminals), so on
     * Unix a child {@code test -t 2} that inherits our stderr answers; elsewhere, {@code System.console()}.
     */
    private static boolean detect() {
      if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
        return System.console() != null;
      }
      try {
        Process p = new ProcessBuilder("sh", "-c", "test -t 2").redirectInput(ProcessBuilder.Redirect.PIPE)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (!p.waitFor(2, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          return false;
        }
        return p.exitValue() == 0;
      } catch (java.io.IOException e) {
        return System.console() != null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }
}
