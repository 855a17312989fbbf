package dev.captions.cli;

import dev.captions.CaptionFormatException;
import dev.captions.CaptionsException;
import dev.captions.ConfigurationException;
import dev.captions.InvalidMediaException;
import dev.captions.ProviderException;
import dev.captions.ProviderNotFoundException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code captions} command. */
@Command(name = "captions", mixinStandardHelpOptions = true, versionProvider = CaptionsCommand.Version.class,
    description = "Caption videos, and convert, validate and shape caption files.",
    subcommands = {CaptionCommand.class, SummarizeCommand.class, GcoreCommand.class, ConvertCommand.class,
        RetimeCommand.class, ValidateCommand.class, ShapeCommand.class, PreviewCommand.class,
        ProvidersCommand.class, CommandLine.HelpCommand.class},
    footerHeading = "%nExit codes:%n",
    footer = {"  0 success", "  2 usage error", "  3 invalid input (a caption file; unreadable or unsupported media)",
        "  4 provider failure", "  5 output not writable", "  6 configuration (no provider, bad setting)",
        "  7 file not found (media, caption or transcript file)", "  8 media file empty", "  9 not a media file (or corrupt)",
        " 10 media without an audio stream", "  1 unexpected error"})
public final class CaptionsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** What {@code "-"} reads; picocli carries stdout and stderr but not stdin. */
  private final InputStream stdin;

  private CaptionsCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  /**
   * The {@code captions} command's entry point: runs it and exits the JVM with its exit code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    // Caption files written to stdout ("convert in.vtt - --to srt") are UTF-8 whatever the platform's default.
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    System.exit(run(args, System.in, out, new PrintWriter(System.err, true)));
  }

  /**
   * Runs the command with the process's stdin and the given output streams; returns the exit code.
   *
   * @param args the command line, without the program name
   * @param out standard output
   * @param err standard error
   * @return the exit code: 0 on success
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, System.in, out, err);
  }

  /**
   * Runs the command with the given streams; returns the exit code. {@code "-"} as a file reads {@code in} or writes
   * {@code out}; {@code out} and {@code err} are flushed but not closed.
   *
   * @param args the command line, without the program name
   * @param in read for a file named {@code "-"}
   * @param out standard output; flushed, not closed
   * @param err standard error; flushed, not closed
   * @return the exit code: 0 on success
   */
  public static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
    CommandLine cli = commandLine(in);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("captions: " + oneLine(e));
      String hint = hint(e);
      if (hint != null) cmd.getErr().println("hint: " + hint);
      return exitCode(e);
    });
    return cli.execute(args);
  }

  /** The command tree, reading {@code in} for {@code "-"}; streams and error handling are set by {@link #run}. */
  static CommandLine commandLine(InputStream in) {
    return new CommandLine(new CaptionsCommand(in));
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The stdin of the {@link #run} call that is executing {@code spec}'s command. */
  static InputStream stdin(CommandLine.Model.CommandSpec spec) {
    return ((CaptionsCommand) spec.root().userObject()).stdin;
  }

  static int exitCode(Throwable e) {
    if (e instanceof InvalidMediaException) {
      switch (((InvalidMediaException) e).reason()) {
        case NOT_FOUND:
          return ExitCodes.MEDIA_NOT_FOUND;
        case EMPTY:
          return ExitCodes.MEDIA_EMPTY;
        case NOT_MEDIA:
          return ExitCodes.NOT_MEDIA;
        case NO_STREAM:
          return ExitCodes.NO_AUDIO;
        default:
          return ExitCodes.INVALID_INPUT;
      }
    }
    if (e instanceof InvalidInputException.FileNotFound) return ExitCodes.FILE_NOT_FOUND;
    if (e instanceof CaptionFormatException || e instanceof InvalidInputException) {
      return ExitCodes.INVALID_INPUT;
    }
    if (e instanceof ProviderException) return ExitCodes.PROVIDER;
    if (e instanceof dev.captions.OutputNotWritableException) return ExitCodes.OUTPUT;
    if (e instanceof ConfigurationException || e instanceof ProviderNotFoundException || e instanceof IllegalArgumentException) {
      return ExitCodes.CONFIGURATION;
    }
    if (e instanceof UncheckedIOException || e instanceof java.io.IOException) return ExitCodes.OUTPUT;
    if (e instanceof CaptionsException) return ExitCodes.INTERNAL;
    return ExitCodes.INTERNAL;
  }

  static String oneLine(Throwable e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) m = e.getClass().getSimpleName();
    return m.replace('\n', ' ');
  }

  static String hint(Throwable e) {
    if (e instanceof dev.captions.AuthenticationException) {
      return "check the provider's API key (GEMINI_API_KEY, OPENAI_API_KEY, GCORE_API_KEY or ITTYBIT_API_KEY).";
    }
    if (e instanceof dev.captions.RateLimitException || e instanceof dev.captions.ProviderTimeoutException) {
      return "the provider is busy; try again later.";
    }
    if (e instanceof ProviderNotFoundException) return "run 'captions providers' to see what is available.";
    if (e instanceof UncheckedIOException) return "choose a writable output directory with -o.";
    if (!(e instanceof CaptionsException) && !(e instanceof IllegalArgumentException)) {
      return "this looks like a bug; please report it with the command you ran.";
    }
    return null;
  }

  /** Reads the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = CaptionsCommand.class.getPackage().getImplementationVersion();
      return new String[] {"captions " + (v != null ? v : "(development build)")};
    }
  }
}
