package dev.captions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.codec.CaptionCodec;
import dev.captions.codec.CaptionFormat;
import dev.captions.codec.ParseResult;
import dev.captions.codec.WriteResult;
import dev.captions.fakes.FakeMediaProcessor;
import dev.captions.fakes.FakeTranscriber;
import dev.captions.fakes.ServiceFixture;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.MediaSource;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the pipeline hands each format's codec, which decides what that codec reports as lost: a caption file is asked
 * for the cue text (with timestamp tags when words are highlighted), not for the timed words themselves, which JSON
 * keeps; and an SRT file, which has no language field, is named after the language instead. The real codecs' reports
 * for these tracks are checked in captions-formats ({@code PipelineOutputLossTest}).
 */
class PipelineWrittenTrackTest {
  @TempDir Path dir;

  /** What each recording codec was given, by format. */
  static final Map<CaptionFormat, CaptionTrack> RECEIVED = new EnumMap<>(CaptionFormat.class);

  private Map<CaptionFormat, CaptionTrack> run(boolean highlight) throws Exception {
    RECEIVED.clear();
    Path video = dir.resolve("talk.mp4");
    Files.write(video, new byte[] {0, 0, 0, 24});
    Path services = Files.createDirectories(dir.resolve("services"));
    FakeTranscriber transcriber = new FakeTranscriber("fake", PipelineTest.WORDS, EnumSet.allOf(MediaSource.Kind.class));
    List<String> codecs = List.of(Vtt.class.getName(), Srt.class.getName(), Json.class.getName(),
        Ttml.class.getName(), Ass.class.getName());
    Path out = dir.resolve(highlight ? "on" : "off");
    PipelineResult r = ServiceFixture.with(services, Map.of(CaptionCodec.class, codecs),
        () -> Captions.pipeline().mediaProcessor(new FakeMediaProcessor()).transcriber(transcriber)
            .spokenLanguage("en").outputs(out, CaptionFormat.values()).highlightWords(highlight).build()
            .run(MediaSource.of(video)));
    assertThat(r.captions().cues()).as("the result keeps the words").allMatch(c -> !c.words().isEmpty());
    for (CaptionFormat f : CaptionFormat.values()) assertThat(out.resolve("talk.en." + f.extension())).exists();
    return new EnumMap<>(RECEIVED);
  }

  @Test
  void captionFormatsGetTheTextWithoutTheWordsAndJsonGetsTheWords() throws Exception {
    Map<CaptionFormat, CaptionTrack> got = run(false);
    assertThat(got).containsOnlyKeys(CaptionFormat.values());
    assertThat(got.get(CaptionFormat.JSON).cues()).allMatch(c -> !c.words().isEmpty());
    for (CaptionFormat f : List.of(CaptionFormat.WEBVTT, CaptionFormat.SRT, CaptionFormat.TTML, CaptionFormat.ASS)) {
      assertThat(got.get(f).cues()).as(f.name()).isNotEmpty().allMatch(c -> c.words().isEmpty());
    }
    for (CaptionFormat f : CaptionFormat.values()) {
      assertThat(texts(got.get(f))).as(f.name()).isEqualTo(texts(got.get(CaptionFormat.JSON)))
          .noneMatch(t -> t.contains("<00:"));
    }
  }

  @Test
  void highlightedWordsReachEveryFormatAsTimestampTags() throws Exception {
    Map<CaptionFormat, CaptionTrack> got = run(true);
    assertThat(got.get(CaptionFormat.JSON).cues()).allMatch(c -> !c.words().isEmpty());
    for (CaptionFormat f : CaptionFormat.values()) {
      assertThat(texts(got.get(f))).as(f.name()).contains("Hello <00:00:00.450>world.");
      if (f != CaptionFormat.JSON) assertThat(got.get(f).cues()).as(f.name()).allMatch(c -> c.words().isEmpty());
    }
  }

  @Test
  void srtIsNamedAfterTheLanguageItCannotHold() throws Exception {
    Map<CaptionFormat, CaptionTrack> got = run(false);
    assertThat(got.get(CaptionFormat.SRT).language()).isEqualTo("und");
    for (CaptionFormat f : List.of(CaptionFormat.WEBVTT, CaptionFormat.JSON, CaptionFormat.TTML, CaptionFormat.ASS)) {
      assertThat(got.get(f).language()).as(f.name()).isEqualTo("en");
    }
  }

  private static List<String> texts(CaptionTrack t) {
    return t.cues().stream().map(Cue::text).collect(java.util.stream.Collectors.toList());
  }

  /** Records the track it is asked to write; writes one line per cue. One subclass per format, for ServiceLoader. */
  public abstract static class Recording implements CaptionCodec {
    private final CaptionFormat format;

    Recording(CaptionFormat format) {
      this.format = format;
    }

    @Override
    public CaptionFormat format() {
      return format;
    }

    @Override
    public ParseResult read(Reader in) {
      throw new UnsupportedOperationException();
    }

    @Override
    public WriteResult write(CaptionTrack track, Writer out) throws java.io.IOException {
      synchronized (RECEIVED) {
        RECEIVED.put(format, track);
      }
      for (Cue c : track.cues()) out.write(c.startMs() + " " + c.endMs() + " " + c.text() + "\n");
      return WriteResult.lossless();
    }
  }

  public static final class Vtt extends Recording {
    public Vtt() {
      super(CaptionFormat.WEBVTT);
    }
  }

  public static final class Srt extends Recording {
    public Srt() {
      super(CaptionFormat.SRT);
    }
  }

  public static final class Json extends Recording {
    public Json() {
      super(CaptionFormat.JSON);
    }
  }

  public static final class Ttml extends Recording {
    public Ttml() {
      super(CaptionFormat.TTML);
    }
  }

  public static final class Ass extends Recording {
    public Ass() {
      super(CaptionFormat.ASS);
    }
  }
}
