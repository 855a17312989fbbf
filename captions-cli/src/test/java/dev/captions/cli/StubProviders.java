package dev.captions.cli;

import dev.captions.model.CaptionTrack;
import dev.captions.model.Chapter;
import dev.captions.model.Cue;
import dev.captions.model.MediaSource;
import dev.captions.model.TimedWord;
import dev.captions.model.Transcript;
import dev.captions.model.VideoSummary;
import dev.captions.spi.ProviderConfig;
import dev.captions.spi.Summarizer;
import dev.captions.spi.SummarizerFactory;
import dev.captions.spi.SummaryRequest;
import dev.captions.spi.Transcriber;
import dev.captions.spi.TranscriberFactory;
import dev.captions.spi.TranscriptionOptions;
import dev.captions.spi.TranslationOptions;
import dev.captions.spi.Translator;
import dev.captions.spi.TranslatorFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Test doubles, registered only on the test class path (src/test/resources/META-INF/services), so the CLI's
 * {@code --translate}/{@code --translator} and {@code --summary}/{@code --summarizer} options run end to end without a
 * network or a key. Deterministic: a translation is the source text tagged with the target language, a summary has
 * one chapter per cue, the transcriber's two speakers say two sentences. Never configured, so discovery never picks them on its own; only {@code --translator stub},
 * {@code --summarizer stub} and {@code --transcriber stub} do.
 */
public final class StubProviders {
  static final String NAME = "stub";

  private StubProviders() {}

  /** What both doubles say about themselves, as factory and as provider. */
  abstract static class Stub {
    public String name() {
      return NAME;
    }

    public String artifact() {
      return "dev.captions:captions-cli (tests)";
    }

    public boolean isConfigured(ProviderConfig config) {
      return false;
    }
  }

  /** Tags each cue's text with the target language: {@code "[es] Hello."}. */
  public static final class TranslatorStub extends Stub implements TranslatorFactory, Translator {
    @Override
    public Translator create(ProviderConfig config) {
      return this;
    }

    @Override
    public CaptionTrack translate(CaptionTrack track, TranslationOptions options) {
      List<Cue> cues = new ArrayList<>();
      for (Cue c : track.cues()) cues.add(c.toBuilder().text("[" + options.targetLanguage() + "] " + c.text()).build());
      return CaptionTrack.builder().language(options.targetLanguage()).kind(track.kind()).cues(cues).build();
    }
  }

  /**
   * Two speakers, A then B, whatever the audio: "We should go." and, 2.5 s later, "Not yet."; labelled only when
   * speakers are asked.
   */
  public static final class TranscriberStub extends Stub implements TranscriberFactory, Transcriber {
    @Override
    public Transcriber create(ProviderConfig config) {
      return this;
    }

    @Override
    public boolean supportsSpeakers() {
      return true;
    }

    @Override
    public Transcript transcribe(MediaSource audio, TranscriptionOptions options) {
      String a = options.speakers() ? "A" : null;
      String b = options.speakers() ? "B" : null;
      return Transcript.builder().language("en").words(List.of(
          TimedWord.of("We", 0, 300, 0.9, a), TimedWord.of("should", 300, 700, 0.9, a),
          TimedWord.of("go.", 700, 1_100, 0.9, a), TimedWord.of("Not", 2_500, 2_800, 0.9, b),
          TimedWord.of("yet.", 2_800, 3_300, 0.9, b))).build();
    }
  }

  /** Title from the first cue, one chapter per cue. */
  public static final class SummarizerStub extends Stub implements SummarizerFactory, Summarizer {
    @Override
    public Summarizer create(ProviderConfig config) {
      return this;
    }

    @Override
    public VideoSummary summarize(SummaryRequest request) {
      CaptionTrack t = request.transcript().orElseThrow(() -> new AssertionError("the pipeline sends the transcript"));
      List<Chapter> chapters = new ArrayList<>();
      for (Cue c : t.cues()) {
        if (chapters.size() < request.maxChapters()) chapters.add(Chapter.of(c.startMs(), c.text().replace('\n', ' '), ""));
      }
      String title = t.cues().isEmpty() ? "Silence" : t.cues().get(0).text().replace('\n', ' ');
      return VideoSummary.of(title, "", chapters, request.language());
    }
  }
}
