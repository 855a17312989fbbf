package dev.captions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.captions.fakes.FakeTranscriber;
import dev.captions.model.MediaSource;
import dev.captions.model.TimedWord;
import dev.captions.model.Transcript;
import dev.captions.spi.TranscriptionOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** {@code prompt(..)} and {@code vocabulary(..)}: they reach the transcriber, or a warning says they cannot. */
class PipelinePromptTest {
  @TempDir Path dir;
  final ListAppender<ILoggingEvent> log = new ListAppender<>();
  final Logger pipelineLog = (Logger) LoggerFactory.getLogger(CaptionPipeline.class);

  static final List<TimedWord> WORDS = List.of(TimedWord.of("Hello", 0, 400), TimedWord.of("world.", 450, 900));

  /** A fake that, like openai and gemini, sends the prompt to its model. */
  static final class PromptedTranscriber implements dev.captions.spi.Transcriber {
    final FakeTranscriber inner = new FakeTranscriber("prompted", WORDS, EnumSet.allOf(MediaSource.Kind.class));

    @Override public String name() { return "prompted"; }
    @Override public java.util.Set<MediaSource.Kind> acceptedSources() { return inner.acceptedSources(); }
    @Override public boolean usesPrompt() { return true; }
    @Override public Transcript transcribe(MediaSource audio, TranscriptionOptions options) {
      return inner.transcribe(audio, options);
    }
  }

  @BeforeEach
  void attach() {
    log.start();
    pipelineLog.addAppender(log);
  }

  @AfterEach
  void detach() {
    pipelineLog.detachAppender(log);
  }

  private List<String> warnings() {
    return log.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Test
  void promptAndVocabularyReachTheTranscriberWithNoWarning() throws Exception {
    Path audio = Files.writeString(dir.resolve("a.wav"), "x");
    PromptedTranscriber t = new PromptedTranscriber();

    Captions.pipeline().withoutMediaProcessor().transcriber(t).prompt(" A talk. ").vocabulary(List.of("WebVTT", "Ruiz"))
        .build().run(MediaSource.of(audio));

    TranscriptionOptions o = t.inner.lastOptions;
    assertThat(o.prompt()).hasValue("A talk.");
    assertThat(o.vocabulary()).containsExactly("WebVTT", "Ruiz");
    assertThat(o.promptText()).hasValue("A talk. Vocabulary: WebVTT, Ruiz.");
    assertThat(warnings()).noneMatch(w -> w.contains("prompt"));
  }

  @Test
  void aTranscriberThatTakesNoPromptIsWarnedAboutNotSilent() throws Exception {
    Path audio = Files.writeString(dir.resolve("a.wav"), "x");
    FakeTranscriber t = new FakeTranscriber("plain", WORDS, EnumSet.allOf(MediaSource.Kind.class));
    assertThat(t.usesPrompt()).isFalse();

    Captions.pipeline().withoutMediaProcessor().transcriber(t).vocabulary(List.of("WebVTT")).build()
        .run(MediaSource.of(audio));

    assertThat(warnings()).anySatisfy(w -> assertThat(w).contains("'plain' takes no prompt or vocabulary")
        .contains("the vocabulary given is ignored").contains("openai, gemini"));
  }

  @Test
  void theLongMediaEngineKeepsWhetherItsTranscriberTakesAPrompt() {
    dev.captions.chunking.ChunkedTranscriber prompted =
        dev.captions.chunking.ChunkedTranscriber.builder(new PromptedTranscriber()).build();
    dev.captions.chunking.ChunkedTranscriber plain =
        dev.captions.chunking.ChunkedTranscriber.builder(new FakeTranscriber("plain")).build();
    assertThat(prompted.usesPrompt()).isTrue();
    assertThat(plain.usesPrompt()).isFalse();
    Captions.pipeline().withoutMediaProcessor().transcriber(prompted).prompt("A talk.").build();
    assertThat(warnings()).noneMatch(w -> w.contains("prompt"));
  }

  @Test
  void noPromptNoWarning() {
    Captions.pipeline().withoutMediaProcessor().transcriber(new FakeTranscriber("plain")).prompt("  ").build();
    assertThat(warnings()).noneMatch(w -> w.contains("prompt"));
    assertThat(TranscriptionOptions.defaults().promptText()).isEmpty();
  }

  @Test
  void blankOrMultiLineTermsAreRefused() {
    assertThatThrownBy(() -> Captions.pipeline().vocabulary(List.of("ok", " ")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
    assertThatThrownBy(() -> Captions.pipeline().vocabulary(List.of("two\nterms")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line break");
  }
}
