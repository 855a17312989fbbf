package dev.captions.webvtt;

import dev.captions.codec.Diagnostic;
import dev.captions.codec.ParseResult;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.CueSettings;
import dev.captions.model.TrackMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * WebVTT ⇄ SRT conversion that keeps what the target can show (italic, bold, underline, numpad positions, optionally
 * the speaker as a {@code "Name: "} prefix) and reports what it dropped, one warning per kind of loss with a count.
 * Stateless and thread-safe.
 */
public final class Conversions {
  private Conversions() {}

  /**
   * A track whose cues are SRT text: tags other than {@code i b u} removed, character references decoded, ids,
   * metadata and settings without a {@code {\anN}} form dropped.
   *
   * @param speakerPrefix write {@link Cue#speaker()} (or a voice tag's name) as {@code "Name: "} before the text
   */
  public static ParseResult toSrt(CaptionTrack track, boolean speakerPrefix) {
    Map<String, Integer> dropped = new TreeMap<>();
    List<Cue> out = new ArrayList<>(track.cues().size());
    for (Cue c : track.cues()) {
      String speaker = c.speaker();
      String text = c.text();
      // Without '<' or '&' the markup is plain text that SRT shows as is: no need to parse it.
      if (text.indexOf('<') >= 0 || text.indexOf('&') >= 0) {
        StringBuilder sb = new StringBuilder(text.length());
        List<String> voices = new ArrayList<>(1);
        appendSrt(CueText.parse(text), sb, dropped, voices);
        if (speaker == null && !voices.isEmpty()) speaker = voices.get(0);
        text = sb.toString();
      }
      if (speakerPrefix && speaker != null) text = speaker + ": " + text;
      else if (speaker != null) count(dropped, "speaker names (enable the speaker prefix to keep them)");
      if (c.id() != null) count(dropped, "cue ids");
      CueSettings settings = c.settings();
      if (!settings.isDefault() && SrtPositions.toAn(settings) == 0) {
        count(dropped, "cue settings with no {\\an} equivalent");
        settings = CueSettings.DEFAULT;
      }
      boolean unchanged = text == c.text() && settings == c.settings() && c.id() == null && c.speaker() == null
          && c.words().isEmpty();
      out.add(unchanged ? c : Cue.builder().startMs(c.startMs()).endMs(c.endMs()).text(text).settings(settings).build());
    }
    TrackMetadata m = track.metadata();
    if (!m.styles().isEmpty()) dropped.put("STYLE blocks", m.styles().size());
    if (!m.regions().isEmpty()) dropped.put("REGION definitions", m.regions().size());
    if (!m.notes().isEmpty()) dropped.put("NOTE comments", m.notes().size());
    if (!m.header().isEmpty()) dropped.put("header text", 1);
    return ParseResult.of(CaptionTrack.builder().language(track.language()).kind(track.kind()).cues(out).build(),
        report(dropped, "SRT"));
  }

  private static void appendSrt(CueText.Node node, StringBuilder sb, Map<String, Integer> dropped, List<String> voices) {
    switch (node.type()) {
      case TEXT:
        sb.append(node.text());
        return;
      case TIMESTAMP:
        count(dropped, "timestamp tags");
        return;
      case RUBY_TEXT:
        count(dropped, "ruby text");
        return;
      case ITALIC:
      case BOLD:
      case UNDERLINE:
        sb.append('<').append(node.type().tag()).append('>');
        for (CueText.Node c : node.children()) appendSrt(c, sb, dropped, voices);
        sb.append("</").append(node.type().tag()).append('>');
        return;
      case VOICE:
        voices.add(node.annotation());
        break;
      case CLASS:
      case LANG:
      case RUBY:
        count(dropped, "<" + node.type().tag() + "> tags");
        break;
      default:
        break;
    }
    for (CueText.Node c : node.children()) appendSrt(c, sb, dropped, voices);
  }

  /**
   * A track whose cue text is valid WebVTT: {@code i b u} tags kept, other tags (e.g. {@code <font>}) dropped, literal
   * {@code & < >} escaped.
   */
  public static ParseResult fromSrt(CaptionTrack track) {
    Map<String, Integer> dropped = new TreeMap<>();
    List<Cue> out = new ArrayList<>(track.cues().size());
    for (Cue c : track.cues()) {
      String text = srtTextToVtt(c.text(), dropped);
      out.add(text == c.text() ? c : c.toBuilder().text(text).build());
    }
    return ParseResult.of(track.toBuilder().cues(out).build(), report(dropped, "WebVTT"));
  }

  /** {@code s} itself when it holds nothing to convert (no {@code & < >}), the common case. */
  static String srtTextToVtt(String s, Map<String, Integer> dropped) {
    if (s.indexOf('<') < 0 && s.indexOf('&') < 0 && s.indexOf('>') < 0) return s;
    StringBuilder sb = new StringBuilder(s.length() + 8);
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char ch = s.charAt(i);
      if (ch == '<') {
        int close = s.indexOf('>', i);
        int nextOpen = s.indexOf('<', i + 1);
        if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
          sb.append("&lt;");
          continue;
        }
        String body = s.substring(i + 1, close);
        boolean end = body.startsWith("/");
        String name = end ? body.substring(1) : body;
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
          // "a < b > c": not a tag, literal text
          sb.append("&lt;");
          continue;
        }
        int sp = 0;
        while (sp < name.length() && Character.isLetter(name.charAt(sp))) sp++;
        name = name.substring(0, sp).toLowerCase(Locale.ROOT);
        if (name.equals("i") || name.equals("b") || name.equals("u")) {
          sb.append(end ? "</" : "<").append(name).append('>');
        } else {
          count(dropped, "<" + (name.isEmpty() ? body : name) + "> tags");
        }
        i = close;
      } else if (ch == '&') {
        sb.append("&amp;");
      } else if (ch == '>') {
        sb.append("&gt;");
      } else {
        sb.append(ch);
      }
    }
    return sb.toString();
  }

  private static void count(Map<String, Integer> dropped, String what) {
    dropped.merge(what, 1, Integer::sum);
  }

  private static List<Diagnostic> report(Map<String, Integer> dropped, String target) {
    List<Diagnostic> out = new ArrayList<>(dropped.size());
    dropped.forEach((what, n) -> out.add(Diagnostic.warning(0, 0, "dropped " + n + " × " + what + ": " + target
        + " cannot represent them")));
    return out;
  }
}
