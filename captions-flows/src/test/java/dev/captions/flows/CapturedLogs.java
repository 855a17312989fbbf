package dev.captions.flows;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * Captures, at DEBUG, everything our code, the SDKs and OkHttp log while open, so a flow can check that no API key
 * shows up in a full run's log. Restores the previous levels on close.
 */
final class CapturedLogs implements AutoCloseable {
  private static final List<String> LOGGERS = List.of("dev.captions", "com.google.genai", "com.openai", "okhttp3");

  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Map<Logger, Level> previous = new LinkedHashMap<>();

  /** Captured events go to this capture only (not to the console), to keep test output quiet. */
  CapturedLogs() {
    appender.start();
    for (String name : LOGGERS) {
      Logger l = (Logger) LoggerFactory.getLogger(name);
      previous.put(l, l.getLevel());
      l.setLevel(Level.DEBUG);
      l.addAppender(appender);
      l.setAdditive(false);
    }
  }

  /** Every line captured: the formatted message and any stack trace. */
  List<String> lines() {
    List<String> out = new ArrayList<>();
    for (ILoggingEvent e : new ArrayList<>(appender.list)) {
      out.add(e.getLoggerName() + " " + e.getFormattedMessage()
          + (e.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy())));
    }
    return out;
  }

  String text() {
    return lines().stream().collect(Collectors.joining("\n"));
  }

  @Override
  public void close() {
    previous.forEach((l, level) -> {
      l.detachAppender(appender);
      l.setAdditive(true);
      l.setLevel(level);
    });
    appender.stop();
  }
}
