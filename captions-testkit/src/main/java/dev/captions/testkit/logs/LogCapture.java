package dev.captions.testkit.logs;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import org.slf4j.LoggerFactory;

/**
 * Captures everything logged (SLF4J/Logback at TRACE, and java.util.logging, which some SDKs use) while open, as
 * text lines with stack traces, so that tests can check a full run's log for secrets. For provider modules' tests
 * (published in the core test-jar).
 */
public final class LogCapture implements AutoCloseable {
  private final List<String> lines = new ArrayList<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Level oldLevel = root.getLevel();
  private final java.util.logging.Logger julRoot = LogManager.getLogManager().getLogger("");
  private final java.util.logging.Level oldJulLevel = julRoot.getLevel();
  private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
    @Override
    protected void append(ILoggingEvent e) {
      add(e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage()
          + (e.getThrowableProxy() != null ? "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy()) : ""));
    }
  };
  private final Handler julHandler = new Handler() {
    @Override
    public void publish(LogRecord r) {
      add(r.getLevel() + " " + r.getLoggerName() + " " + new java.util.logging.SimpleFormatter().formatMessage(r)
          + (r.getThrown() != null ? "\n" + r.getThrown() : ""));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  /** Starts capturing every log line of the root logger (Logback) until {@link #close()}. */
  public LogCapture() {
    appender.setContext(root.getLoggerContext());
    appender.start();
    root.addAppender(appender);
    root.setLevel(Level.TRACE);
    julRoot.setLevel(java.util.logging.Level.ALL);
    julRoot.addHandler(julHandler);
  }

  private synchronized void add(String line) {
    lines.add(line);
  }

  /**
   * Adds text that is not a log line but could leak too (exception messages, toString).
   *
   * @param text the text to check along with the log lines
   */
  public synchronized void record(String text) {
    lines.add(text);
  }

  /**
   * Runs a call that is expected to fail and records the {@link dev.captions.CaptionsException} it throws with every
   * cause, since messages and causes can leak a key just as log lines can.
   *
   * @param call the call expected to throw
   */
  public void recordFailure(Runnable call) {
    try {
      call.run();
    } catch (dev.captions.CaptionsException e) {
      for (Throwable c = e; c != null; c = c.getCause()) record(c.toString());
    }
  }

  /**
   * Everything captured so far, one entry per line.
   *
   * @return the captured text
   */
  public synchronized String text() {
    return String.join("\n", lines);
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    root.setLevel(oldLevel);
    julRoot.removeHandler(julHandler);
    julRoot.setLevel(oldJulLevel);
  }
}
