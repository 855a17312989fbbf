package dev.captions.webvtt;

import dev.captions.codec.Diagnostic;
import dev.captions.codec.ParseResult;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.CueSettings;
import dev.captions.model.TrackKind;
import dev.captions.model.TrackMetadata;
import dev.captions.webvtt.internal.Losses;
import dev.captions.webvtt.internal.SrtTags;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * WebVTT ⇄ SRT conversion that keeps what the target can show (italic, bold, underline, numpad positions, optionally
 * the speakers as {@code "Name: "} prefixes) and reports what it dropped, one warning per kind of loss with a count.
 * Stateless and thread-safe.
 */
public final class Conversions {
  /** The label of the speaker-name loss, worded so the warning says how to avoid it. */
  static final String SPEAKER_NAMES = "speaker names (enable the speaker prefix to keep them)";

  /**
   * The label of the timestamp-tag loss, worded for the usual source of such tags: word highlighting
   * ({@link Cue#withWordTimestamps()}), which SRT has no form for.
   */
  static final String WORD_TIMESTAMPS = "timestamp tags (word highlighting needs WebVTT, TTML or ASS)";

  /** The label of the settings loss. */
  static final String UNPOSITIONED_SETTINGS = "cue settings with no {\\an} equivalent";

  private Conversions() {}

  /**
   * A track whose cues are SRT text: tags other than {@code i b u} removed, character references decoded, ids,
   * timed words, metadata and settings without a {@code {\anN}} form dropped. The returned track keeps its language
   * and kind (a caller may name the file after them), but an SRT file cannot hold them, so a language other than
   * {@code und} and a kind other than {@code captions} are reported as dropped.
   *
   * @param track the track, with WebVTT markup
   * @return the SRT track and one warning per kind of loss
   * @param speakerPrefix write {@link Cue#speaker()} and each voice span's name ({@code <v Name>}) as
   *     {@code "Name: "} where it starts, so {@code <v Ann>Bonjour</v>\n<v Bob>Salut} becomes
   *     {@code "Ann: Bonjour\nBob: Salut"}; when false, each name is counted as dropped
   */
  public static ParseResult toSrt(CaptionTrack track, boolean speakerPrefix) {
    CueConversion conversion = toSrt(speakerPrefix);
    List<Cue> out = new ArrayList<>(track.cues().size());
    for (Cue c : track.cues()) out.add(conversion.apply(c));
    conversion.track(track.language(), track.kind(), track.metadata());
    return ParseResult.of(CaptionTrack.builder().language(track.language()).kind(track.kind()).cues(out).build(),
        conversion.losses());
  }

  /**
   * The cue-by-cue form of {@link #toSrt(CaptionTrack, boolean)}, for streaming: each cue is converted as it comes,
   * and the losses are counted until {@link CueConversion#losses()} is asked.
   *
   * @param speakerPrefix as for {@link #toSrt(CaptionTrack, boolean)}
   * @return a new conversion; not thread-safe
   */
  public static CueConversion toSrt(boolean speakerPrefix) {
    Losses dropped = new Losses("SRT");
    return new CueConversion(dropped) {
      @Override
      public Cue apply(Cue c) {
        return cueToSrt(c, speakerPrefix, dropped);
      }

      @Override
      public void track(String language, TrackKind kind, TrackMetadata metadata) {
        trackLosses(language, kind, metadata, dropped);
      }
    };
  }

  /**
   * The cue-by-cue form of {@link #fromSrt(CaptionTrack, boolean)}, for streaming.
   *
   * @param speakerFromPrefix as for {@link #fromSrt(CaptionTrack, boolean)}
   * @return a new conversion; not thread-safe
   */
  public static CueConversion fromSrt(boolean speakerFromPrefix) {
    Losses dropped = new Losses("WebVTT");
    return new CueConversion(dropped) {
      @Override
      public Cue apply(Cue c) {
        String text = srtTextToVtt(c.text(), dropped);
        Cue cue = text == c.text() ? c : c.toBuilder().text(text).build();
        return speakerFromPrefix && c.speaker() == null ? voicesFromPrefixes(cue) : cue;
      }

      @Override
      public void track(String language, TrackKind kind, TrackMetadata metadata) {
        // WebVTT holds whatever an SRT track has.
      }
    };
  }

  /**
   * A conversion of cue text from one format's conventions to another's, one cue at a time, counting what the target
   * cannot hold. Not thread-safe.
   */
  public abstract static class CueConversion implements java.util.function.UnaryOperator<Cue> {
    private final Losses losses;

    CueConversion(Losses losses) {
      this.losses = losses;
    }

    /**
     * The cue in the target's conventions.
     *
     * @param cue the cue, not null
     * @return the converted cue (the same object when nothing changed)
     */
    @Override
    public abstract Cue apply(Cue cue);

    /**
     * Counts what the target cannot hold of the track as a whole (metadata, a language, a kind).
     *
     * @param language the track's language
     * @param kind the track's kind
     * @param metadata the track's metadata
     */
    public abstract void track(String language, TrackKind kind, TrackMetadata metadata);

    /**
     * What was lost so far.
     *
     * @return one warning per kind of loss, with a count
     */
    public List<Diagnostic> losses() {
      return losses.report();
    }
  }

  private static Cue cueToSrt(Cue c, boolean speakerPrefix, Losses dropped) {
    String speaker = c.speaker();
    String text = c.text();
    // Without '<' or '&' the markup is plain text that SRT shows as is: no need to parse it.
    if (text.indexOf('<') >= 0 || text.indexOf('&') >= 0) {
      SrtText srt = new SrtText(speaker, speakerPrefix, dropped, text.length());
      CueText.scan(text, srt);
      text = srt.finish();
    } else if (speaker != null || text.indexOf("{\\") >= 0) {
      StringBuilder sb = new StringBuilder(text.length() + 16);
      if (speaker != null) speaker(speaker, speakerPrefix, sb, dropped);
      appendSrtText(text, sb);
      text = sb.toString();
    }
    if (c.id() != null) dropped.count("cue ids");
    if (!c.words().isEmpty()) dropped.count("timed words", c.words().size());
    CueSettings settings = c.settings();
    if (!settings.isDefault() && SrtPositions.toAn(settings) == 0) {
      dropped.count(UNPOSITIONED_SETTINGS);
      settings = CueSettings.DEFAULT;
    }
    boolean unchanged = text == c.text() && settings == c.settings() && c.id() == null && c.speaker() == null
        && c.words().isEmpty();
    return unchanged ? c : Cue.builder().startMs(c.startMs()).endMs(c.endMs()).text(text).settings(settings).build();
  }

  /** Counts what an SRT file cannot hold of {@code track} as a whole. */
  static void trackLosses(CaptionTrack track, Losses dropped) {
    trackLosses(track.language(), track.kind(), track.metadata(), dropped);
  }

  private static void trackLosses(String language, TrackKind kind, TrackMetadata m, Losses dropped) {
    dropped.set("STYLE blocks", m.styles().size());
    dropped.set("REGION definitions", m.regions().size());
    dropped.set("NOTE comments", m.notes().size());
    if (!m.header().isEmpty()) dropped.set("header text", 1);
    // What an SRT reader assumes (und, captions) is not lost; anything else is.
    if (!"und".equals(language)) dropped.set("track language (" + language + ")", 1);
    if (kind != TrackKind.CAPTIONS) dropped.set("track kind (" + kind.keyword() + ")", 1);
  }

  private static void speaker(String name, boolean prefix, StringBuilder sb, Losses dropped) {
    if (prefix) sb.append(name).append(": ");
    else dropped.count(SPEAKER_NAMES);
  }

  /**
   * WebVTT cue text as SRT text in one pass over {@link CueText#scan}'s events, no tree: {@code i b u} kept, voices as
   * {@code "Name: "} (or counted), ruby text left out, every other element and timestamp counted as dropped. Adjacent
   * runs of text are escaped as one ({@link #appendSrtText}), so a {@code <} from a reference and an {@code i>} after
   * a dropped tag cannot make a tag together. Counts are kept in fields and handed to {@link Losses} once per cue.
   */
  private static final class SrtText implements CueText.Visitor {
    private final StringBuilder out;
    private final StringBuilder run = new StringBuilder();
    private final boolean prefix;
    private final Losses dropped;
    /** The cue's speaker, written before the first node unless that node is a voice of the same name. */
    private String speaker;
    private boolean started;
    /** Depth inside a {@code <rt>}, whose content is not shown in SRT; 0 outside. */
    private int inRubyText;
    private int timestamps;
    private int rubyTexts;
    private int voiceClasses;
    private int speakerNames;
    private int classSpans;
    private int langSpans;
    private int rubySpans;

    SrtText(String speaker, boolean prefix, Losses dropped, int length) {
      this.speaker = speaker;
      this.prefix = prefix;
      this.dropped = dropped;
      this.out = new StringBuilder(length + 16);
    }

    /** Before the first node: the cue speaker, unless {@code voice} (the first node's, or null) repeats it. */
    private void first(String voice) {
      if (started) return;
      started = true;
      if (speaker != null && !speaker.equals(voice)) name(speaker);
      speaker = null;
    }

    private void name(String name) {
      if (prefix) out.append(name).append(": ");
      else speakerNames++;
    }

    private void flushRun() {
      if (run.length() == 0) return;
      appendSrtText(run, out);
      run.setLength(0);
    }

    @Override
    public void text(CharSequence decoded) {
      if (inRubyText > 0) return;
      first(null);
      run.append(decoded);
    }

    @Override
    public void timestamp(long ms) {
      if (inRubyText > 0) return;
      first(null);
      timestamps++;
    }

    @Override
    public void start(CueText.Type type, List<String> classes, String annotation) {
      if (inRubyText > 0) {
        inRubyText++;
        return;
      }
      first(type == CueText.Type.VOICE ? annotation : null);
      switch (type) {
        case RUBY_TEXT:
          rubyTexts++;
          inRubyText = 1;
          break;
        case ITALIC:
        case BOLD:
        case UNDERLINE:
          flushRun();
          out.append('<').append(type.tag()).append('>');
          break;
        case VOICE:
          if (!annotation.isEmpty()) {
            flushRun();
            name(annotation);
          }
          if (!classes.isEmpty()) voiceClasses++;
          break;
        case CLASS:
          classSpans++;
          break;
        case LANG:
          langSpans++;
          break;
        case RUBY:
          rubySpans++;
          break;
        default:
          break;
      }
    }

    @Override
    public void end(CueText.Type type) {
      if (inRubyText > 0) {
        inRubyText--;
        return;
      }
      if (type == CueText.Type.ITALIC || type == CueText.Type.BOLD || type == CueText.Type.UNDERLINE) {
        flushRun();
        out.append("</").append(type.tag()).append('>');
      }
    }

    String finish() {
      first(null);
      flushRun();
      dropped.count(WORD_TIMESTAMPS, timestamps);
      dropped.count("ruby text", rubyTexts);
      dropped.count("<v> classes", voiceClasses);
      dropped.count(SPEAKER_NAMES, speakerNames);
      dropped.count("<c> tags", classSpans);
      dropped.count("<lang> tags", langSpans);
      dropped.count("<ruby> tags", rubySpans);
      return out.toString();
    }
  }

  /**
   * Literal text into SRT, which has no escapes: a {@code <} that an SRT reader would take for the start of a tag
   * ({@code <i>}, {@code </b>}, {@code <font …>}, {@code {\an8}}) gets U+2060 WORD JOINER after it (invisible, and
   * {@link #srtTextToVtt} removes it again), so the text shows as written.
   */
  static void appendSrtText(CharSequence text, StringBuilder sb) {
    int n = text.length();
    int from = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if ((c == '<' && SrtTags.tagLength(text, i) > 0) || (c == '{' && i + 1 < n && text.charAt(i + 1) == '\\')) {
        sb.append(text, from, i + 1).append(WORD_JOINER);
        from = i + 1;
      }
    }
    sb.append(text, from, n);
  }

  /** U+2060, SRT's escape for a literal {@code <} or <code>{</code> (see {@link #appendSrtText}). */
  static final char WORD_JOINER = '\u2060';

  /**
   * A track whose cue text is valid WebVTT: {@code i b u} tags kept, other tags (e.g. {@code <font>}) dropped, literal
   * {@code & < >} escaped. Same as {@link #fromSrt(CaptionTrack, boolean) fromSrt(track, false)}.
   *
   * @param track the SRT track to convert; not changed
   * @return the converted track and a diagnostic for each tag dropped
   */
  public static ParseResult fromSrt(CaptionTrack track) {
    return fromSrt(track, false);
  }

  /**
   * As {@link #fromSrt(CaptionTrack)}, and with {@code speakerFromPrefix} a line that starts with a name prefix
   * ({@code "Name: "}: a letter, then up to 31 letters, digits, spaces or {@code . ' -}) names its speaker: when the
   * first line has the only name in the cue it becomes {@link Cue#speaker()} and the prefix is removed (as
   * {@link WebVttReader} reads {@code <v Name>}); when several lines do, each becomes a voice span, so
   * {@code "Ann: Bonjour\nBob: Salut"} becomes {@code <v Ann>Bonjour</v>\n<v Bob>Salut</v>}. Off by default because
   * ordinary text such as {@code "Note: …"} looks the same. A cue that already has a speaker is left as it is.
   *
   * @param track the SRT track to convert; not changed
   * @param speakerFromPrefix whether a {@code "Name: "} prefix names the speaker
   * @return the converted track and a diagnostic for each tag dropped
   */
  public static ParseResult fromSrt(CaptionTrack track, boolean speakerFromPrefix) {
    CueConversion conversion = fromSrt(speakerFromPrefix);
    List<Cue> out = new ArrayList<>(track.cues().size());
    for (Cue c : track.cues()) out.add(conversion.apply(c));
    return ParseResult.of(track.toBuilder().cues(out).build(), conversion.losses());
  }

  private static final int MAX_NAME_LENGTH = 32;

  /** The length of the {@code "Name: "} prefix at the start of {@code line}, or 0. */
  static int namePrefixLength(String line) {
    if (line.isEmpty() || !Character.isLetter(line.charAt(0))) return 0;
    int n = Math.min(line.length(), MAX_NAME_LENGTH + 2);
    for (int i = 1; i < n; i++) {
      char ch = line.charAt(i);
      if (ch == ':') {
        // "Ann: Hi", not "Ann:" alone nor "Ann :" (the name would end in a space)
        boolean ok = i + 2 < line.length() && line.charAt(i + 1) == ' ' && line.charAt(i - 1) != ' '
            && line.charAt(i + 2) != ' ';
        return ok ? i + 2 : 0;
      }
      if (i == MAX_NAME_LENGTH) return 0;
      if (!Character.isLetterOrDigit(ch) && ch != ' ' && ch != '.' && ch != '\'' && ch != '-') return 0;
    }
    return 0;
  }

  private static Cue voicesFromPrefixes(Cue cue) {
    String[] lines = cue.text().split("\n", -1);
    int[] prefix = new int[lines.length];
    String firstName = null;
    int named = 0;
    for (int i = 0; i < lines.length; i++) {
      prefix[i] = namePrefixLength(lines[i]);
      if (prefix[i] == 0) continue;
      String name = lines[i].substring(0, prefix[i] - 2);
      if (firstName == null) firstName = name;
      named++;
    }
    if (named == 0) return cue;
    if (prefix[0] > 0 && named == 1) {
      return cue.toBuilder().speaker(firstName).text(cue.text().substring(prefix[0])).build();
    }
    StringBuilder sb = new StringBuilder(cue.text().length() + 16 * named);
    boolean open = false;
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        if (prefix[i] > 0 && open) {
          sb.append("</v>");
          open = false;
        }
        sb.append('\n');
      }
      if (prefix[i] > 0) {
        sb.append("<v ").append(lines[i], 0, prefix[i] - 2).append('>').append(lines[i], prefix[i], lines[i].length());
        open = true;
      } else {
        sb.append(lines[i]);
      }
    }
    if (open) sb.append("</v>");
    return cue.toBuilder().text(sb.toString()).build();
  }

  /**
   * SRT text as WebVTT markup: {@code i b u} tags kept (also sloppy ones such as {@code < i>} or {@code <I >}), other
   * SRT tags ({@code <font …>}, {@code <s>}) dropped and counted, everything else literal ({@code & < >} escaped). A
   * U+2060 right after {@code <} or <code>{</code> is the writer's escape and is removed. Linear time.
   *
   * @return {@code s} itself when it holds nothing to convert (no {@code & < >}), the common case
   */
  static String srtTextToVtt(String s, Losses dropped) {
    if (s.indexOf('<') < 0 && s.indexOf('&') < 0 && s.indexOf('>') < 0 && s.indexOf(WORD_JOINER) < 0) return s;
    StringBuilder sb = new StringBuilder(s.length() + 8);
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char ch = s.charAt(i);
      if (ch == '<') {
        int len = SrtTags.tagLength(s, i);
        if (len == 0) {
          sb.append("&lt;");
          if (i + 1 < n && s.charAt(i + 1) == WORD_JOINER) i++;
          continue;
        }
        String name = SrtTags.name(s, i);
        boolean end = SrtTags.isEndTag(s, i);
        if (name.equals("i") || name.equals("b") || name.equals("u")) {
          sb.append(end ? "</" : "<").append(name).append('>');
        } else {
          dropped.count("<" + name + "> tags");
        }
        i += len - 1;
      } else if (ch == WORD_JOINER && (i == 0 || s.charAt(i - 1) == '\n')) {
        continue; // SrtWriter's mark on a text line that would read as a timing line
      } else if (ch == '{' && i + 1 < n && s.charAt(i + 1) == WORD_JOINER) {
        sb.append('{');
        i++;
      } else if (ch == WORD_JOINER && i >= 2 && s.charAt(i - 1) == '-' && s.charAt(i - 2) == '-' && i + 1 < n
          && s.charAt(i + 1) == '>') {
        continue; // the writer's "--\u2060>" for a literal "-->"
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

}
