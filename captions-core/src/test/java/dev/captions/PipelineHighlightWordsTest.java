package dev.captions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.codec.CaptionCodec;
import dev.captions.codec.CaptionFormat;
import dev.captions.fakes.FakeMediaProcessor;
import dev.captions.fakes.FakeTextCodec;
import dev.captions.fakes.FakeTranscriber;
import dev.captions.fakes.ServiceFixture;
import dev.captions.model.MediaSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CaptionPipeline.Builder#highlightWords(boolean)}: the written tracks get a timestamp tag per timed word. */
class PipelineHighlightWordsTest {
  @TempDir Path dir;

  private String run(boolean highlight) throws Exception {
    Path video = dir.resolve("talk.mp4");
    Files.write(video, new byte[] {0, 0, 0, 24});
    Path services = Files.createDirectories(dir.resolve("services"));
    Path out = dir.resolve(highlight ? "on" : "off");
    FakeTranscriber transcriber = new FakeTranscriber("fake", PipelineTest.WORDS, EnumSet.allOf(MediaSource.Kind.class));
    PipelineResult r = ServiceFixture.with(services, Map.of(CaptionCodec.class, List.of(FakeTextCodec.class.getName())),
        () -> Captions.pipeline().mediaProcessor(new FakeMediaProcessor()).transcriber(transcriber)
            .spokenLanguage("en").outputs(out, CaptionFormat.WEBVTT).highlightWords(highlight).build()
            .run(MediaSource.of(video)));
    // The result's track stays as shaped; only the files carry the tags.
    assertThat(r.captions().cues()).noneMatch(c -> c.text().contains("<00:"));
    return Files.readString(out.resolve("talk.en.vtt"));
  }

  @Test
  void writtenCuesGetATimestampTagBeforeEachWordButTheFirst() throws Exception {
    // FakeTextCodec writes "start end text" per cue.
    assertThat(run(true)).contains("0 900 Hello <00:00:00.450>world.",
        "Second <00:00:02.450>sentence <00:00:02.950>here.");
    assertThat(run(false)).doesNotContain("<00:");
  }
}
