package dev.captions.cli;

import dev.captions.PipelineStage;
import dev.captions.ProgressEvent;
import dev.captions.ProgressListener;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr, one per pipeline stage. Shown only on an interactive terminal and without --quiet:
 * redirected output and CI logs stay clean.
 */
class ConsoleProgress implements ProgressListener, AutoCloseable {
  private static final int SCALE = 1000;

  private ProgressBar bar;
  private PipelineStage stage;

  static ConsoleProgress create(boolean quiet) {
    return quiet || System.console() == null ? new Silent() : new ConsoleProgress();
  }

  @Override
  public synchronized void onProgress(ProgressEvent e) {
    if (e.stage() != stage) {
      finish();
      stage = e.stage();
      bar = new ProgressBarBuilder().setTaskName(String.format("%-14s", stage.id())).setInitialMax(SCALE)
          .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
          .hideEta().build();
    }
    if (!Double.isNaN(e.fraction())) bar.stepTo(Math.round(e.fraction() * SCALE));
  }

  /** Closes the current bar. */
  synchronized void finish() {
    if (bar != null) {
      bar.close();
      bar = null;
      stage = null;
    }
  }

  @Override
  public void close() {
    finish();
  }

  /** Shows nothing. */
  private static final class Silent extends ConsoleProgress {
    @Override
    public void onProgress(ProgressEvent e) {}

    @Override
    void finish() {}
  }
}
