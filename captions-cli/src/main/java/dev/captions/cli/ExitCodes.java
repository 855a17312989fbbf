package dev.captions.cli;

/** The command's exit codes; scripts can tell a usage mistake from bad input from a provider outage. */
final class ExitCodes {
  /** Everything worked. */
  static final int OK = 0;
  /** An unexpected failure (a bug, or an I/O error not covered below). */
  static final int INTERNAL = 1;
  /** The command line was wrong (unknown option, missing argument). picocli's own code for usage errors. */
  static final int USAGE = 2;
  /**
   * The input was unusable: an invalid caption file, or media that is unreadable or of a kind the provider cannot take.
   * The commonest media mistakes have codes of their own (7–10), so a script can tell them apart.
   */
  static final int INVALID_INPUT = 3;
  /** A provider failed: authentication, quota, rate limit, timeout, service error. */
  static final int PROVIDER = 4;
  /** Outputs could not be written (directory not writable, disk full). */
  static final int OUTPUT = 5;
  /** Configuration is missing or wrong (no provider found, bad option value). */
  static final int CONFIGURATION = 6;
  /** A file named on the command line (media, caption or transcript file) does not exist, or is a directory. */
  static final int FILE_NOT_FOUND = 7;
  /** The media file does not exist (or is a directory): {@link #FILE_NOT_FOUND}. */
  static final int MEDIA_NOT_FOUND = FILE_NOT_FOUND;
  /** The media file is empty (0 bytes). */
  static final int MEDIA_EMPTY = 8;
  /** The file is not media FFmpeg can read, or it is corrupt or truncated. */
  static final int NOT_MEDIA = 9;
  /** The media has no audio stream, so there is nothing to caption. */
  static final int NO_AUDIO = 10;

  private ExitCodes() {}
}
