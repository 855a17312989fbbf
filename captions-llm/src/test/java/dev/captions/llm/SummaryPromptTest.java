package dev.captions.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.model.CaptionTrack;
import dev.captions.model.Chapter;
import dev.captions.model.Cue;
import dev.captions.model.Frame;
import dev.captions.model.MediaSource;
import dev.captions.model.TrackKind;
import dev.captions.model.VideoSummary;
import dev.captions.spi.SummaryRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryPromptTest {
  private final SummaryRequest request = SummaryRequest.builder()
      .frames(List.of(Frame.of(0, MediaSource.ofUrl("https://x.example/0.jpg")), Frame.of(90_000, MediaSource.ofUrl("https://x.example/1.jpg"))))
      .transcript(CaptionTrack.of("en", TrackKind.SUBTITLES, List.of(Cue.of(5_000, 7_000, "Two\nlines"))))
      .mediaDurationMs(120_000L).maxChapters(2).language("de").build();

  @Test
  void inputListsFrameTimesAndTheTimedTranscript() {
    assertThat(SummaryPrompt.input(request)).contains("00:00:00.000, 00:01:30.000").contains("[00:00:05.000] Two lines")
        .contains("lasts 00:02:00.000");
    assertThat(SummaryPrompt.instructions(request)).contains("written in de").contains("at most 2 chapters");
  }

  @Test
  void chaptersAreCappedSortedAndKeptInsideTheVideo() {
    VideoSummary s = SummaryPrompt.parse("p", "{\"title\":\"T\",\"summary\":\"S\",\"chapters\":["
        + "{\"start\":\"00:01:00\",\"title\":\"B\",\"description\":\"\"},"
        + "{\"start\":\"00:00:00\",\"title\":\"A\",\"description\":\"d\"},"
        + "{\"start\":\"00:05:00\",\"title\":\"Past\",\"description\":\"\"},"
        + "{\"start\":\"00:01:30\",\"title\":\"C\",\"description\":\"\"}]}", request);
    assertThat(s.chapters()).containsExactly(Chapter.of(0, "A", "d"), Chapter.of(60_000, "B", ""));
    assertThat(s.language()).isEqualTo("de");
  }
}
