package dev.captions.provider.vosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.captions.InvalidMediaException;
import dev.captions.PipelineStage;
import dev.captions.ProgressEvent;
import dev.captions.align.AlignedTranscript;
import dev.captions.align.SpeechActivity;
import dev.captions.chunking.PcmWav;
import dev.captions.model.MediaSource;
import dev.captions.model.Segment;
import dev.captions.model.TimedWord;
import dev.captions.model.Timecodes;
import dev.captions.model.Transcript;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class VoskAlignerTest {
  @Test
  void grammarIsTheVocabularyPlusUnknown() throws Exception {
    String grammar = VoskAligner.grammar(new LinkedHashSet<>(List.of("hello", "twenty", "25", "world")));
    assertThat(new ObjectMapper().readValue(grammar, String[].class))
        .containsExactly("hello", "twenty", "world", "[unk]");
  }

  @Test
  void supportsTheModelsLanguageOnly() {
    VoskAligner english = VoskAligner.using(TestAudio.transcriber().build());
    assertThat(english.supportsLanguage("en")).isTrue();
    assertThat(english.supportsLanguage("en-GB")).isTrue();
    assertThat(english.supportsLanguage("es")).isFalse();
    assertThat(VoskAligner.using(VoskTranscriber.builder().modelDirectory(Path.of("vosk-model-small-fr-0.22")).build())
        .supportsLanguage("fr")).isTrue();
  }

  @Test
  void theTestSpeechHasPausesEnoughToBeDecodedSpeechOnly() {
    // So that the test above runs the speech-only path, not the whole-file fallback.
    try (SpeechOnlyAudio s = SpeechOnlyAudio.writeOrNull(TestAudio.speechWav(), SpeechActivity.detect(TestAudio.speechWav()))) {
      assertThat(s).isNotNull();
      assertThat(s.spanCount()).isGreaterThanOrEqualTo(4);
    }
  }

  @Test
  void refusesAUrl() {
    assertThatThrownBy(() -> VoskAligner.create().align(Transcript.empty("en"), MediaSource.ofUrl("https://x/a.wav")))
        .isInstanceOf(InvalidMediaException.class).hasMessageContaining("local 16 kHz mono PCM WAV");
  }

  /**
   * A text-only transcript (one segment over the whole file, as gpt-4o-transcribe answers) of the four-sentence test
   * speech: the words come back exactly, most anchored, and each sentence starts where the speech starts after a
   * pause. Only the speech is decoded (the pauses squeezed), and the ALIGN stage's progress is reported.
   */
  @Test
  void textOnlyTranscriptGetsWordTimesFromTheAudio() {
    Path wav = TestAudio.speechWav();
    String text = TestAudio.speechText();
    long duration = PcmWav.open(wav).durationMs();
    Transcript textOnly = Transcript.builder().language("en")
        .segments(List.of(Segment.of(0, duration, text.replace('\n', ' ')))).build();

    List<ProgressEvent> progress = new CopyOnWriteArrayList<>();
    AlignedTranscript out = VoskAligner.using(TestAudio.transcriber().build())
        .align(textOnly, MediaSource.of(wav), progress::add);

    // Progress: the ALIGN stage's, in the media's time, rising to the whole file.
    assertThat(progress).isNotEmpty().allMatch(e -> e.stage() == PipelineStage.ALIGN);
    for (int i = 1; i < progress.size(); i++) {
      assertThat(progress.get(i).fraction()).isGreaterThanOrEqualTo(progress.get(i - 1).fraction());
    }
    assertThat(progress.get(progress.size() - 1).fraction()).isEqualTo(1.0);
    assertThat(progress.get(progress.size() - 1).message()).isEqualTo(Timecodes.format(duration) + " of "
        + Timecodes.format(duration) + " aligned");
    assertThat(progress).extracting(ProgressEvent::fraction).anyMatch(f -> f > 0 && f < 1);

    List<TimedWord> words = out.transcript().words();
    assertThat(words.stream().map(TimedWord::text).collect(Collectors.toList()))
        .isEqualTo(Arrays.asList(text.strip().split("\\s+")));
    assertThat(out.report().aligner()).isEqualTo("vosk");
    assertThat(out.report().anchored()).isGreaterThanOrEqualTo(words.size() * 6 / 10);
    assertThat(out.report().words()).isEqualTo(words.size());
    SpeechActivity speech = SpeechActivity.detect(wav);
    int w = 0;
    for (String sentence : text.strip().split("\n")) {
      TimedWord first = words.get(w);
      // silence in the 250 ms before the sentence's first word, speech right after its start
      assertThat(speech.speechIn(first.startMs() - 250, first.startMs() - 10)).as("pause before %s", first).isEmpty();
      assertThat(speech.speechIn(first.startMs(), first.startMs() + 100)).as("speech at %s", first).isNotEmpty();
      w += sentence.strip().split("\\s+").length;
    }
    for (int i = 1; i < words.size(); i++) {
      assertThat(words.get(i).startMs()).isGreaterThanOrEqualTo(words.get(i - 1).startMs());
    }
  }
}
