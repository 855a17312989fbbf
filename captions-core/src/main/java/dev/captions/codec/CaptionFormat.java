package dev.captions.codec;

import java.util.Locale;

/** The caption file formats the SDK reads and writes. */
public enum CaptionFormat {
  /** WebVTT ({@code .vtt}). */
  WEBVTT("vtt", "text/vtt"),
  /** SubRip ({@code .srt}). */
  SRT("srt", "application/x-subrip"),
  /** A track as JSON with the HTML {@code VTTCue} property names, times in seconds. */
  JSON("json", "application/json"),
  /** TTML in the IMSC 1.1 Text profile ({@code .ttml}); codec in {@code captions-formats}. */
  TTML("ttml", "application/ttml+xml"),
  /** Advanced SubStation Alpha ({@code .ass}; {@code .ssa} files are read too); codec in {@code captions-formats}. */
  ASS("ass", "text/x-ssa");

  private final String extension;
  private final String mimeType;

  CaptionFormat(String extension, String mimeType) {
    this.extension = extension;
    this.mimeType = mimeType;
  }

  /** {@return the file extension without the dot} */
  public String extension() {
    return extension;
  }

  /**
   * The MIME type of the format.
   *
   * @return the MIME type, e.g. {@code "text/vtt"}
   */
  public String mimeType() {
    return mimeType;
  }

  /**
   * The format for a name or extension ({@code "vtt"}, {@code "webvtt"}, {@code "srt"}, {@code "json"},
   * {@code "ttml"}, {@code "dfxp"}, {@code "ass"}, {@code "ssa"}) or a file name ending in one, ignoring case.
   *
   * @param nameOrFile a format name, an extension or a file name
   * @throws IllegalArgumentException listing the known formats
   * @return the format
   */
  public static CaptionFormat from(String nameOrFile) {
    String s = nameOrFile.toLowerCase(Locale.ROOT);
    int dot = s.lastIndexOf('.');
    if (dot >= 0) s = s.substring(dot + 1);
    switch (s) {
      case "vtt":
      case "webvtt":
        return WEBVTT;
      case "srt":
      case "subrip":
        return SRT;
      case "json":
        return JSON;
      case "ttml":
      case "dfxp":
        return TTML;
      case "ass":
      case "ssa":
        return ASS;
      default:
        throw new IllegalArgumentException("unknown caption format '" + nameOrFile
            + "'; expected vtt, srt, json, ttml or ass");
    }
  }
}
