package dev.captions.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.captions.codec.CaptionCodecs;
import dev.captions.codec.CaptionFormat;
import dev.captions.internal.AtomicFiles;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.TrackKind;
import dev.captions.shaping.ComplianceChecker;
import dev.captions.shaping.StyleProfile;
import dev.captions.shaping.Violation;
import dev.captions.webvtt.CueText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The review page {@code captions preview} and {@code caption --preview} write: one HTML file with its CSS, script and
 * every caption track inlined (each track as WebVTT text that the page turns into a {@code blob:} URL for a
 * {@code <track>} element), the video referenced by a relative path (so the page stays small and the video is never
 * copied; keep the page next to the video's folder structure), a cue list that follows playback and flags the cues
 * the quality report names, track switching, and a timeline of cue bars, gaps, chapters and reading speed per cue
 * against the profile's limit.
 *
 * <p>Everything that comes from a caption file or a file name is untrusted: it reaches the page only as JSON inside
 * a {@code <script type="application/json">} element with {@code <}, {@code >}, {@code &}, U+2028 and U+2029
 * escaped, and the page's script puts it in the DOM with {@code textContent}, never as HTML. A Content Security
 * Policy allows only the page's own script (by its SHA-256) and no network access but the video. Immutable once
 * built; not thread-safe while being built.
 */
final class PreviewPage {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Z_]+)}}");
  /** A gap between two cues at least this long is drawn on the timeline. */
  static final long GAP_MS = 2_000;

  private final String title;
  private final String videoSrc;
  private final StyleProfile profile;
  private final long mediaDurationMs;
  private final List<ObjectNode> tracks = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private CaptionTrack chapters;

  /**
   * A page for one video.
   *
   * @param title the page's heading (usually the video's file name); untrusted
   * @param videoSrc the video's URL relative to the page (see {@link #videoSrc(Path, Path)}), or an http(s) URL
   * @param profile the profile reading speeds and limits are shown against
   * @param mediaDurationMs the media's length in milliseconds, or 0 when unknown (the page then asks the video)
   */
  PreviewPage(String title, String videoSrc, StyleProfile profile, long mediaDurationMs) {
    this.title = Objects.requireNonNull(title, "title == null");
    this.videoSrc = Objects.requireNonNull(videoSrc, "videoSrc == null");
    this.profile = Objects.requireNonNull(profile, "profile == null");
    this.mediaDurationMs = mediaDurationMs;
  }

  /**
   * Adds a caption or subtitle track, with the violations to flag (a run's quality report, or
   * {@link ComplianceChecker#check} for a file read back).
   *
   * @param label what the track selector shows, e.g. {@code "talk.es.vtt"}; untrusted
   * @param track the track
   * @param violations the violations of this track; cue indexes refer to {@code track.cues()}
   * @return this page
   */
  PreviewPage addTrack(String label, CaptionTrack track, List<Violation> violations) {
    ComplianceChecker checker = ComplianceChecker.of(profile);
    List<List<String>> flags = new ArrayList<>();
    for (int i = 0; i < track.cues().size(); i++) flags.add(new ArrayList<>());
    for (Violation v : violations) {
      if (v.cueIndex() >= 0 && v.cueIndex() < flags.size()) flags.get(v.cueIndex()).add(describe(v));
    }
    ObjectNode t = JSON.createObjectNode();
    t.put("label", label);
    t.put("language", track.language());
    t.put("kind", track.kind() == TrackKind.CAPTIONS ? "captions" : "subtitles");
    t.put("vtt", CaptionCodecs.forFormat(CaptionFormat.WEBVTT).writeToString(track));
    ArrayNode cues = t.putArray("cues");
    for (int i = 0; i < track.cues().size(); i++) {
      Cue c = track.cues().get(i);
      ObjectNode n = cues.addObject();
      n.put("start", c.startMs());
      n.put("end", c.endMs());
      n.put("text", CueText.plainText(c.text()));
      double speed = checker.readingSpeed(c);
      n.put("speed", Double.isInfinite(speed) ? 9999 : Math.round(speed * 10) / 10.0);
      ArrayNode f = n.putArray("flags");
      flags.get(i).forEach(f::add);
    }
    tracks.add(t);
    return this;
  }

  /**
   * Sets the chapters track (kind {@code chapters}), shown on the timeline and added to the video.
   *
   * @param chapters the chapters, or null for none
   * @return this page
   */
  PreviewPage chapters(CaptionTrack chapters) {
    this.chapters = chapters;
    return this;
  }

  /**
   * Adds a note shown under the heading (e.g. the quality report's "media length unknown").
   *
   * @param note one sentence; untrusted
   * @return this page
   */
  PreviewPage note(String note) {
    notes.add(note);
    return this;
  }

  /** {@return the number of tracks added} */
  int trackCount() {
    return tracks.size();
  }

  /** One flag, e.g. {@code "READING_SPEED: 23.4 > 20 chars/s (the cue could be shown longer)"}. */
  private String describe(Violation v) {
    String rule = v.rule().name();
    String unit;
    switch (v.rule()) {
      case READING_SPEED:
        unit = profile.maxCharsPerSecond() > 0 && v.limit() == profile.maxCharsPerSecond() ? " chars/s" : " words/min";
        break;
      case MIN_DURATION:
      case MAX_DURATION:
      case MIN_GAP:
      case BEYOND_MEDIA:
        unit = " ms";
        break;
      case MAX_CHARS_PER_LINE:
        unit = " chars";
        break;
      case MAX_LINES:
        unit = " lines";
        break;
      default:
        unit = "";
    }
    String op = v.rule() == Violation.Rule.MIN_DURATION || v.rule() == Violation.Rule.MIN_GAP ? " < " : " > ";
    return String.format(Locale.ROOT, "%s: %s%s%s%s (%s)", rule, number(v.measured()), op, number(v.limit()), unit,
        v.cause());
  }

  private static String number(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.1f", d);
  }

  /** The page's HTML. */
  String html() {
    ObjectNode data = JSON.createObjectNode();
    data.put("title", title);
    data.put("video", videoSrc);
    data.put("durationMs", mediaDurationMs);
    ObjectNode p = data.putObject("profile");
    ComplianceChecker checker = ComplianceChecker.of(profile);
    p.put("name", profile.name());
    p.put("speedLimit", checker.readingSpeedLimit());
    p.put("speedUnit", checker.readingSpeedUnit());
    p.put("minDurationMs", profile.minDurationMs());
    p.put("maxDurationMs", profile.maxDurationMs());
    p.put("gapMs", GAP_MS);
    data.putArray("tracks").addAll(tracks);
    ArrayNode n = data.putArray("notes");
    notes.forEach(n::add);
    if (chapters != null && !chapters.cues().isEmpty()) {
      ObjectNode ch = data.putObject("chapters");
      ch.put("language", chapters.language());
      ch.put("vtt", CaptionCodecs.forFormat(CaptionFormat.WEBVTT).writeToString(chapters));
      ArrayNode items = ch.putArray("items");
      for (Cue c : chapters.cues()) {
        items.addObject().put("start", c.startMs()).put("end", c.endMs()).put("title", CueText.plainText(c.text()));
      }
    }
    String js = resource("preview.js");
    Map<String, String> values = Map.of(
        "TITLE", escapeHtml(title),
        "CSS", resource("preview.css"),
        "SCRIPT_HASH", sha256(js),
        "DATA", scriptJson(data),
        "JS", js);
    Matcher m = PLACEHOLDER.matcher(resource("preview.html"));
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String v = values.get(m.group(1));
      if (v == null) throw new IllegalStateException("unknown placeholder in preview.html: " + m.group());
      m.appendReplacement(sb, Matcher.quoteReplacement(v));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /**
   * Writes the page atomically.
   *
   * @param file the HTML file
   * @throws UncheckedIOException when it cannot be written
   */
  void write(Path file) {
    try {
      AtomicFiles.write(file, w -> w.write(html()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The {@code src} of {@code video} for a page in {@code pageDirectory}: the relative path, each segment
   * percent-encoded; an absolute {@code file:} URL when no relative path exists (another drive).
   *
   * @param pageDirectory the directory the page is written to
   * @param video the video file
   * @return the URL
   */
  static String videoSrc(Path pageDirectory, Path video) {
    Path from = pageDirectory.toAbsolutePath().normalize();
    Path to = video.toAbsolutePath().normalize();
    Path rel;
    try {
      rel = from.relativize(to);
    } catch (IllegalArgumentException e) {
      return to.toUri().toASCIIString();
    }
    List<String> parts = new ArrayList<>();
    for (Path segment : rel) parts.add(URLEncoder.encode(segment.toString(), StandardCharsets.UTF_8).replace("+", "%20"));
    return String.join("/", parts);
  }

  /** JSON safe inside a {@code <script>} element: no {@code <}, {@code >} or {@code &} (so no {@code </script>}). */
  static String scriptJson(Object data) {
    try {
      return JSON.writeValueAsString(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
          .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String escapeHtml(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<': sb.append("&lt;"); break;
        case '>': sb.append("&gt;"); break;
        case '&': sb.append("&amp;"); break;
        case '"': sb.append("&quot;"); break;
        case '\'': sb.append("&#39;"); break;
        default: sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String sha256(String script) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every JVM has SHA-256
    }
  }

  private static String resource(String name) {
    try (InputStream in = PreviewPage.class.getResourceAsStream("preview/" + name)) {
      if (in == null) throw new IllegalStateException("missing resource dev/captions/cli/preview/" + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
