package dev.captions.cli;

/** The command's exit codes; scripts can tell a usage mistake from bad input from a provider outage. */
final class ExitCodes {
  /** Everything worked. */
  static final int OK = 0;
  /** An unexpected failure (a bug, or an I/O error not covered below). */
  static final int INTERNAL = 1;
  /** The command line was wrong (unknown option, missing argument). picocli's own code for usage errors. */
  static final int USAGE = 2;
  /** The input was unusable: missing or empty file, not media, no audio, an invalid caption file. */
  static final int INVALID_INPUT = 3;
  /** A provider failed: authentication, quota, rate limit, timeout, service error. */
  static final int PROVIDER = 4;
  /** Outputs could not be written (directory not writable, disk full). */
  static final int OUTPUT = 5;
  /** Configuration is missing or wrong (no provider found, bad option value). */
  static final int CONFIGURATION = 6;

  private ExitCodes() {}
}
