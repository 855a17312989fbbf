package dev.captions.cli;

import dev.captions.model.CaptionTrack;
import dev.captions.model.Chapter;
import dev.captions.model.Cue;
import dev.captions.model.VideoSummary;
import dev.captions.spi.ProviderConfig;
import dev.captions.spi.Summarizer;
import dev.captions.spi.SummarizerFactory;
import dev.captions.spi.SummaryRequest;
import dev.captions.spi.TranslationOptions;
import dev.captions.spi.Translator;
import dev.captions.spi.TranslatorFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Test doubles, registered only on the test class path (src/test/resources/META-INF/services), so the CLI's
 * {@code --translate}/{@code --translator} and {@code --summary}/{@code --summarizer} options run end to end without a
 * network or a key. Deterministic: a translation is the source text tagged with the target language, a summary has
 * one chapter per cue. Never configured, so discovery never picks them on its own; only {@code --translator stub} and
 * {@code --summarizer stub} do.
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
