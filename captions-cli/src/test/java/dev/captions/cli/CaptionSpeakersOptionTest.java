package dev.captions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --speakers}, {@code --speaker-names} and {@code --speaker-style} end to end, with the test-scope diarising
 * {@link StubProviders.TranscriberStub} (speakers A and B, no network) and the real codecs.
 */
class CaptionSpeakersOptionTest {
  @TempDir Path out;

  private Cli caption(String... extra) {
    List<String> args = new ArrayList<>(List.of("caption", SampleEndToEndTest.SAMPLE.toString(), "-o", out.toString(),
        "-f", "vtt,srt,json", "--transcriber", "stub", "--media", "none", "-q"));
    args.addAll(List.of(extra));
    Cli r = Cli.run(args.toArray(new String[0]));
    assertThat(r.exitCode).as(r.toString()).isZero();
    return r;
  }

  @Test
  void namedProfilesWriteVoicesAndNamePrefixes() throws Exception {
    caption("--speaker-names", "A=Ana,B=Ben", "--profile", "bbc");
    assertThat(Files.readString(out.resolve("talk.en.vtt"))).contains("<v Ana>We should go.", "<v Ben>Not yet.");
    assertThat(Files.readString(out.resolve("talk.en.srt"))).contains("Ana: We should go.", "Ben: Not yet.");
    JsonNode cues = new ObjectMapper().readTree(out.resolve("talk.en.json").toFile()).path("cues");
    assertThat(cues.get(0).path("speaker").asText()).isEqualTo("Ana");
    assertThat(cues.get(1).path("words").get(0).path("speaker").asText()).isEqualTo("Ben");
  }

  @Test
  void netflixShowsNoNamesButJsonKeepsTheSpeakers() throws Exception {
    caption("--speakers", "--speaker-names", "A=Ana");
    assertThat(Files.readString(out.resolve("talk.en.vtt"))).doesNotContain("<v").contains("We should go.");
    assertThat(Files.readString(out.resolve("talk.en.srt"))).doesNotContain("Ana:").contains("Not yet.");
    JsonNode cues = new ObjectMapper().readTree(out.resolve("talk.en.json").toFile()).path("cues");
    assertThat(cues.get(0).has("speaker")).isFalse();
    assertThat(cues.get(0).path("words").get(0).path("speaker").asText()).isEqualTo("Ana");
    assertThat(cues.get(1).path("words").get(0).path("speaker").asText()).as("an unnamed label stays").isEqualTo("B");
  }

  @Test
  void speakerStyleOverridesTheProfile() throws Exception {
    caption("--speakers", "--speaker-style", "names");
    assertThat(Files.readString(out.resolve("talk.en.vtt"))).contains("<v A>We should go.", "<v B>Not yet.");
  }

  @Test
  void voskCannotDiariseAndSaysSo() {
    Cli r = Cli.run("caption", SampleEndToEndTest.SAMPLE.toString(), "-o", out.toString(), "--transcriber", "vosk",
        "--speakers", "-q");
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCodes.CONFIGURATION);
    assertThat(r.err).contains("'vosk' cannot", "openai");
    assertThat(out).isEmptyDirectory();
  }

  @Test
  void unknownSpeakerStyleIsAUsageError() {
    Cli r = Cli.run("caption", SampleEndToEndTest.SAMPLE.toString(), "--speaker-style", "colours");
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err).contains("unknown speaker style 'colours'");
  }
}
