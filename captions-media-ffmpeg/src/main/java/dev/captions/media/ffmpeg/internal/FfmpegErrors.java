package dev.captions.media.ffmpeg.internal;

import dev.captions.InvalidMediaException;
import java.util.List;
import java.util.Locale;

/**
 * Turns a failed FFmpeg run into an {@link InvalidMediaException} carrying FFmpeg's own reason (the most telling
 * stderr line) and a hint on what to do about it. The one place that knows FFmpeg's error wording.
 */
public final class FfmpegErrors {
  /**
   * Phrases FFmpeg prints for a failure, each with a hint and what it says about the input; the first found in stderr
   * wins.
   */
  private static final String[][] KNOWN = {
    {"no such file or directory", "Check the path; the file does not exist.", "NOT_FOUND"},
    {"permission denied", "Check the file and directory permissions.", "UNREADABLE"},
    {"moov atom not found", "It is not a complete media file (truncated, still being written, or not media at all).", "NOT_MEDIA"},
    {"invalid data found when processing input", "It is not a media file FFmpeg can read, or it is corrupt.", "NOT_MEDIA"},
    {"does not contain any stream", "The input has no stream of the kind needed (e.g. a video without audio).", "NO_STREAM"},
    {"matches no streams", "The input has no stream of the kind needed (e.g. a video without audio).", "NO_STREAM"},
    {"unable to find a suitable output format", "Use an output file extension FFmpeg knows (mp4, mkv, webm, wav).", "OTHER"},
    {"only vp8 or vp9", "WebM takes only VP8/VP9/AV1 video and Opus/Vorbis audio; use .mkv or .mp4 instead.", "OTHER"},
    {"could not find tag for codec", "The container cannot hold this codec; use .mkv, which takes any codec.", "OTHER"},
    {"could not write header", "The container cannot hold these streams; try .mkv.", "OTHER"},
    {"unknown encoder", "This FFmpeg build lacks the encoder; use the bundled static build or a full FFmpeg.", "OTHER"},
    {"no such filter", "This FFmpeg build lacks the filter (libass for burn-in); use the bundled static build.", "OTHER"},
    {"error while decoding", "The input is corrupt.", "NOT_MEDIA"},
    {"output file is empty, nothing was encoded", "Nothing was encoded: the time asked is past the end of the media.", "OTHER"},
  };

  private FfmpegErrors() {}

  /**
   * @param what what was being done, e.g. {@code "extract audio from '/x/talk.mp4'"}
   */
  public static InvalidMediaException failure(String what, int exitCode, List<String> stderr) {
    String reason = null;
    String hint = null;
    InvalidMediaException.Reason kind = InvalidMediaException.Reason.OTHER;
    outer:
    for (String[] known : KNOWN) {
      for (String line : stderr) {
        if (line.toLowerCase(Locale.ROOT).contains(known[0])) {
          reason = clean(line);
          hint = known[1];
          kind = InvalidMediaException.Reason.valueOf(known[2]);
          break outer;
        }
      }
    }
    if (reason == null) reason = lastMeaningfulLine(stderr);
    return new InvalidMediaException(kind, "FFmpeg could not " + what + " (exit " + exitCode + "): " + reason
        + (hint != null ? ". " + hint : ""));
  }

  /** Drops the "[mov,mp4 @ 0x55d...] " prefix, whose address changes on every run. */
  static String clean(String line) {
    return line.replaceFirst("^\\[[^\\]]*@ 0x[0-9a-fA-F]+\\]\\s*", "").strip();
  }

  private static String lastMeaningfulLine(List<String> stderr) {
    for (int i = stderr.size() - 1; i >= 0; i--) {
      String l = stderr.get(i).strip();
      if (!l.isEmpty() && !l.startsWith("frame=") && !l.startsWith("size=") && !l.contains("Conversion failed")) {
        return clean(l);
      }
    }
    return "no message";
  }
}
