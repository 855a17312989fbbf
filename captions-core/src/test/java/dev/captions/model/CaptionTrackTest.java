package dev.captions.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CaptionTrackTest {
  @Test
  void languageMustBeBcp47() {
    assertThatThrownBy(() -> CaptionTrack.builder().language("english!").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("language 'english!' is not a BCP-47 tag (e.g. \"en\", \"pt-BR\", \"und\")");
    assertThat(CaptionTrack.builder().language("es-419").build().language()).isEqualTo("es-419");
    assertThat(CaptionTrack.builder().build().language()).isEqualTo("und");
  }

  @Test
  void cuesAreCopiedAndUnmodifiable() {
    List<Cue> cues = new ArrayList<>(List.of(Cue.of(0, 1000, "a")));
    CaptionTrack t = CaptionTrack.of("en", TrackKind.CAPTIONS, cues);
    cues.add(Cue.of(1000, 2000, "b"));
    assertThat(t.cues()).hasSize(1);
    assertThatThrownBy(() -> t.cues().add(Cue.of(0, 1, "c"))).isInstanceOf(UnsupportedOperationException.class);
    assertThat(t.endMs()).isEqualTo(1000);
    assertThat(t.toBuilder().build()).isEqualTo(t).hasSameHashCodeAs(t);
  }

  @Test
  void trackKindKeywords() {
    assertThat(TrackKind.fromKeyword("Chapters")).isEqualTo(TrackKind.CHAPTERS);
    assertThat(TrackKind.CAPTIONS.keyword()).isEqualTo("captions");
    assertThatThrownBy(() -> TrackKind.fromKeyword("lyrics"))
        .hasMessage("unknown track kind 'lyrics'; expected one of captions, subtitles, chapters, descriptions, metadata");
  }

  @Test
  void transcriptText() {
    Transcript words = Transcript.builder().words(List.of(TimedWord.of("Hello", 0, 100), TimedWord.of("there.", 100, 200)))
        .build();
    assertThat(words.text()).isEqualTo("Hello there.");
    Transcript segs = Transcript.builder().segments(List.of(Segment.of(0, 1, " One. "), Segment.of(1, 2, "Two."))).build();
    assertThat(segs.text()).isEqualTo("One. Two.");
    assertThat(Transcript.empty("en").isEmpty()).isTrue();
    assertThatThrownBy(() -> Transcript.builder().mediaDurationMs(-5L)).hasMessage("mediaDurationMs (-5) must be >= 0");
    assertThat(segs.toBuilder().providerMetadata(Map.of("model", "m")).build().providerMetadata()).containsEntry("model", "m");
  }

  @Test
  void summaryMakesAChaptersTrack() {
    VideoSummary s = VideoSummary.of("Talk", "A talk.", List.of(Chapter.of(60_000, "Second", ""),
        Chapter.of(0, "First", "intro")), "en");
    assertThat(s.chapters()).extracting(Chapter::title).containsExactly("First", "Second");
    CaptionTrack chapters = s.toChaptersTrack(90_000);
    assertThat(chapters.kind()).isEqualTo(TrackKind.CHAPTERS);
    assertThat(chapters.cues()).extracting(Cue::startMs, Cue::endMs, Cue::text)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(0L, 60_000L, "First"),
            org.assertj.core.groups.Tuple.tuple(60_000L, 90_000L, "Second"));
    assertThatThrownBy(() -> Chapter.of(0, " ", null)).hasMessage("title must not be blank");
  }

  @Test
  void withoutWordsKeepsEverythingButTheWords() {
    Cue worded = Cue.builder().id("a").startMs(0).endMs(900).plainText("Hello world").speaker("Ann")
        .words(List.of(TimedWord.of("Hello", 0, 400), TimedWord.of("world", 450, 900))).build();
    Cue plain = Cue.of(1000, 2000, "<i>no words</i>");
    CaptionTrack t = CaptionTrack.builder().language("en").kind(TrackKind.SUBTITLES)
        .metadata(TrackMetadata.of("hdr", List.of(), List.of(), List.of("note"))).cues(List.of(worded, plain)).build();
    CaptionTrack stripped = t.withoutWords();
    assertThat(stripped.cues()).allMatch(c -> c.words().isEmpty());
    assertThat(stripped.cues().get(0)).isEqualTo(worded.toBuilder().words(List.of()).build());
    assertThat(stripped.cues().get(1)).isSameAs(plain);
    assertThat(stripped.language()).isEqualTo("en");
    assertThat(stripped.kind()).isEqualTo(TrackKind.SUBTITLES);
    assertThat(stripped.metadata()).isEqualTo(t.metadata());
    assertThat(stripped.withoutWords()).isSameAs(stripped);
  }
}
