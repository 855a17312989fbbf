package dev.captions.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.model.CaptionTrack;
import dev.captions.model.Chapter;
import dev.captions.model.Cue;
import dev.captions.model.TrackKind;
import dev.captions.model.VideoSummary;
import dev.captions.spi.Summarizer;
import dev.captions.spi.SummaryRequest;
import java.util.List;

/**
 * The contract of a {@link Summarizer}; see {@link ProviderContract} for the checks and hooks. Invariants of every
 * summary: a non-blank title and summary, at most {@code maxChapters} chapters with non-blank titles, starting in
 * strictly increasing order within the media's duration.
 */
public abstract class SummarizerContract extends ProviderContract<Summarizer, VideoSummary> {
  /** The media duration the sample request declares. */
  protected static final long SAMPLE_DURATION_MS = 60_000;

  /**
   * The request: an English transcript of a one-minute talk, up to 5 chapters. Override for video or frames.
   *
   * @return the request: an English transcript of a one-minute talk, up to 5 chapters
   */
  protected SummaryRequest request() {
    CaptionTrack transcript = CaptionTrack.of("en", TrackKind.CAPTIONS, List.of(
        Cue.of(0, 10_000, "Welcome to this short talk about captions."),
        Cue.of(10_000, 30_000, "First, why captions matter for accessibility."),
        Cue.of(30_000, 55_000, "Second, how to keep lines short and readable.")));
    return SummaryRequest.builder().transcript(transcript).mediaDurationMs(SAMPLE_DURATION_MS).language("en")
        .maxChapters(5).build();
  }

  @Override
  protected VideoSummary invoke(Summarizer provider) {
    return provider.summarize(request());
  }

  @Override
  protected void verifyInvariants(VideoSummary s) {
    SummaryRequest request = request();
    assertThat(s.title()).isNotBlank();
    assertThat(s.summary()).isNotBlank();
    assertThat(s.chapters()).hasSizeLessThanOrEqualTo(request.maxChapters());
    long previous = -1;
    for (Chapter c : s.chapters()) {
      assertThat(c.title()).isNotBlank();
      assertThat(c.startMs()).as("chapter starts increase").isGreaterThan(previous);
      request.mediaDurationMs().ifPresent(d -> assertThat(c.startMs()).as("chapter within the media").isLessThan(d));
      previous = c.startMs();
    }
  }
}
