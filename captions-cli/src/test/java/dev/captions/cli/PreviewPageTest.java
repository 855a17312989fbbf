package dev.captions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.TrackKind;
import dev.captions.shaping.ComplianceChecker;
import dev.captions.shaping.StyleProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The page generator without a browser: the data it embeds, its escaping, the video's relative URL. */
class PreviewPageTest {
  static JsonNode data(String html) throws Exception {
    int start = html.indexOf("<script type=\"application/json\" id=\"preview-data\">");
    int end = html.indexOf("</script>", start);
    return new ObjectMapper().readTree(html.substring(html.indexOf('>', start) + 1, end));
  }

  @Test
  void embedsEachCueWithItsReadingSpeedAndTheViolationsOfItsTrack() throws Exception {
    CaptionTrack track = CaptionTrack.of("en", TrackKind.SUBTITLES, List.of(
        Cue.ofPlainText(0, 2000, "Ten chars."),                                     // 5 chars/s
        Cue.ofPlainText(2100, 2600, "Far too many characters for half a second.")));  // 42 chars: 84 chars/s
    StyleProfile p = StyleProfile.NETFLIX_EN;
    String html = new PreviewPage("t.mp4", "t.mp4", p, 3000)
        .addTrack("t.en", track, ComplianceChecker.of(p).check(track, OptionalLong.of(3000)))
        .chapters(CaptionTrack.of("en", TrackKind.CHAPTERS, List.of(Cue.ofPlainText(0, 3000, "All"))))
        .note("media length unknown").html();
    JsonNode d = data(html);
    assertThat(d.path("profile").path("speedLimit").asDouble()).isEqualTo(20.0);
    assertThat(d.path("profile").path("speedUnit").asText()).isEqualTo("chars/s");
    JsonNode cues = d.path("tracks").get(0).path("cues");
    assertThat(cues.get(0).path("speed").asDouble()).isEqualTo(5.0);
    assertThat(cues.get(0).path("flags")).isEmpty();
    assertThat(cues.get(1).path("speed").asDouble()).isEqualTo(84.0);
    assertThat(cues.get(1).path("flags")).extracting(JsonNode::asText)
        .anySatisfy(f -> assertThat(f).startsWith("READING_SPEED: 84 > 20 chars/s ("))
        .anySatisfy(f -> assertThat(f).startsWith("MIN_DURATION: 500 < 833 ms ("));
    assertThat(d.path("tracks").get(0).path("vtt").asText()).startsWith("WEBVTT").contains("00:00:02.100 --> 00:00:02.600");
    assertThat(d.path("chapters").path("items").get(0).path("title").asText()).isEqualTo("All");
    assertThat(d.path("notes").get(0).asText()).isEqualTo("media length unknown");
    // A words-per-minute profile measures in words per minute.
    JsonNode bbc = data(new PreviewPage("t", "t.mp4", StyleProfile.BBC, 0).addTrack("t", track, List.of()).html());
    assertThat(bbc.path("profile").path("speedUnit").asText()).isEqualTo("words/min");
    assertThat(bbc.path("tracks").get(0).path("cues").get(0).path("speed").asDouble()).isEqualTo(60.0);
  }

  @Test
  void onlyThePagesOwnCodeAndNoNetwork() throws Exception {
    String html = new PreviewPage("</title><script>x()</script>", "v.mp4", StyleProfile.NETFLIX_EN, 0)
        .addTrack("a\u2028b</script>", CaptionTrack.of("en", TrackKind.SUBTITLES,
            List.of(Cue.ofPlainText(0, 1000, "<!-- </script> & \u2029"))), List.of()).html();
    assertThat(html.split("<script", -1)).hasSize(3);
    assertThat(html).doesNotContain("<script>x()", "</script> &", "\u2028", "\u2029", "<!--")
        .contains("&lt;/title&gt;&lt;script&gt;x()&lt;/script&gt;")
        .containsPattern("script-src 'sha256-[A-Za-z0-9+/=]{44}'")
        .doesNotContain("http://", "https://", "src=\"//");
    assertThat(data(html).path("tracks").get(0).path("label").asText()).isEqualTo("a\u2028b</script>");
  }

  @Test
  void theVideoIsReferencedRelativelyWithEverySegmentEncoded() {
    Map<String, String> cases = Map.of(
        "/w/out/talk.mp4", "talk.mp4",
        "/w/media/my talk #1?.mp4", "../media/my%20talk%20%231%3F.mp4",
        "/w/Zoë/été.mp4", "../Zo%C3%AB/%C3%A9t%C3%A9.mp4",
        "/elsewhere/a.mp4", "../../elsewhere/a.mp4");
    cases.forEach((video, src) -> assertThat(PreviewPage.videoSrc(Path.of("/w/out"), Path.of(video)))
        .as(video).isEqualTo(src));
  }
}
