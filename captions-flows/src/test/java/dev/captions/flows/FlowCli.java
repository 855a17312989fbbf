package dev.captions.flows;

import dev.captions.cli.CaptionsCommand;
import dev.captions.http.JobPoller;
import dev.captions.http.RetryPolicy;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code captions} command run in-process, configured the way a user configures it: through the providers'
 * system properties ({@code captions.<provider>.apiKey}, {@code .baseUrl}, and short retries and polls for tests).
 * {@link #close()} clears every property it set, so no test sees another's configuration.
 */
final class FlowCli implements AutoCloseable {
  private final List<String> set = new ArrayList<>();

  /** Configures {@code provider} (e.g. "gcore") to talk to {@code baseUrl} with {@code apiKey}. */
  FlowCli configure(String provider, String apiKey, String baseUrl) {
    property("captions." + provider + ".apiKey", apiKey);
    property("captions." + provider + ".baseUrl", baseUrl);
    property("captions." + provider + "." + RetryPolicy.CONFIG_MAX_ATTEMPTS, "2");
    property("captions." + provider + "." + RetryPolicy.CONFIG_INITIAL_DELAY_MS, "1");
    property("captions." + provider + "." + RetryPolicy.CONFIG_MAX_DELAY_MS, "5");
    property("captions." + provider + "." + JobPoller.CONFIG_POLL_INTERVAL_MS, "5");
    property("captions." + provider + "." + JobPoller.CONFIG_POLL_MAX_INTERVAL_MS, "20");
    property("captions." + provider + "." + JobPoller.CONFIG_JOB_TIMEOUT_MS, "10000");
    return this;
  }

  private void property(String key, String value) {
    System.setProperty(key, value);
    set.add(key);
  }

  /** Runs {@code captions args…}; returns what it printed and its exit code. */
  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = CaptionsCommand.run(args, new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true),
        new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  @Override
  public void close() {
    for (String k : set) System.clearProperty(k);
  }

  /** One run's exit code and output. */
  static final class Result {
    final int exitCode;
    final String out;
    final String err;

    Result(int exitCode, String out, String err) {
      this.exitCode = exitCode;
      this.out = out;
      this.err = err;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
  }
}
