package dev.captions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.captions.codec.CaptionCodecs;
import dev.captions.codec.CaptionFormat;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.shaping.ComplianceChecker;
import dev.captions.shaping.StyleProfile;
import dev.captions.shaping.Violation;
import dev.captions.webvtt.CueText;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview page in a real browser: Debian's headless Chromium, driven over the DevTools protocol
 * ({@link HeadlessChromium}). Fails when Chromium is missing. Screenshots go to {@code target/preview-screenshots/}.
 */
class PreviewChromiumTest {
  static final Path SAMPLE = Path.of("..", "samples", "talk.mp4");
  static final Path SCREENSHOTS = Path.of("target", "preview-screenshots");

  @TempDir Path dir;

  /** Waits until every {@code <track>} has loaded (or failed) and the video knows its length; returns what it saw. */
  static final String LOADED = """
      (async () => {
        const wait = ms => new Promise(r => setTimeout(r, ms));
        const v = document.getElementById('video');
        const els = [...v.querySelectorAll('track')];
        for (let i = 0; i < 200 && (els.some(e => e.readyState < 2) || v.readyState < 1); i++) await wait(50);
        return {
          tracks: els.map(e => ({ kind: e.kind, label: e.label, lang: e.srclang, state: e.readyState,
            mode: e.track.mode, cues: e.track.cues ? e.track.cues.length : -1 })),
          duration: v.duration, videoError: v.error ? v.error.code : 0,
          bars: document.querySelectorAll('#cue-row .bar').length,
          items: document.querySelectorAll('#cue-list > li').length,
          chapters: document.querySelectorAll('#chapter-row .chapter').length,
          flagged: [...document.querySelectorAll('#cue-list > li.flagged')].map(li => +li.dataset.index),
          scripts: document.scripts.length, imgs: document.images.length, pwned: window.__pwned === undefined ? 0 : 1
        };
      })()""";

  /** Seeks to {@code ms} and reports the active cues of the showing track and what the page marked active. */
  static String seekTo(long ms) {
    return """
        (async () => {
          const v = document.getElementById('video');
          const seeked = new Promise(r => v.addEventListener('seeked', r, { once: true }));
          v.currentTime = %d / 1000;
          await seeked;
          await new Promise(r => setTimeout(r, 300));
          const showing = [...v.textTracks].find(t => t.mode === 'showing');
          return { time: v.currentTime, active: [...(showing.activeCues || [])].map(c => c.text),
            listActive: (document.querySelector('#cue-list li.active .cue-text') || {}).textContent || null,
            barActive: (document.querySelector('#cue-row .bar.active') || { dataset: {} }).dataset.index || null };
        })()""".formatted(ms);
  }

  static CaptionTrack read(Path vtt) throws IOException {
    try (Reader r = Files.newBufferedReader(vtt)) {
      return CaptionCodecs.forFormat(CaptionFormat.WEBVTT).read(r).track();
    }
  }

  @Test
  void captionPreviewShowsEveryTrackFlagsCuesAndSeeksInChromium() throws Exception {
    Path out = dir.resolve("out");
    // --max-cps 8 makes the speech too fast for the profile: the run's quality report flags cues for the page.
    Cli run = Cli.run("caption", SAMPLE.toString(), "-o", out.toString(), "-f", "vtt", "--translate", "es",
        "--translator", "stub", "--summary", "--summarizer", "stub", "--max-cps", "8", "--max-line-width", "30",
        "--preview", "-q");
    assertThat(run.exitCode).as(run.toString()).isZero();
    Path page = out.resolve("talk.preview.html");
    assertThat(run.out).contains(page.toString());
    CaptionTrack en = read(out.resolve("talk.en.vtt"));
    CaptionTrack es = read(out.resolve("talk.es.vtt"));
    CaptionTrack chapters = read(out.resolve("talk.chapters.vtt"));
    assertThat(en.cues()).hasSizeGreaterThan(2);
    // --max-line-width reached the shaping: no line is longer.
    assertThat(en.cues()).allSatisfy(c -> assertThat(c.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(30)));
    StyleProfile used = StyleProfile.NETFLIX_EN.toBuilder().maxCharsPerSecond(8).maxCharsPerLine(30).build();
    TreeSet<Integer> expectedFlags = ComplianceChecker.of(used).check(en, OptionalLong.empty()).stream()
        .filter(v -> v.rule() != Violation.Rule.BEYOND_MEDIA).map(Violation::cueIndex)
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(expectedFlags).as("cues over 8 chars/s").isNotEmpty();
    // The page references the video relatively and loads nothing from the network.
    String html = Files.readString(page);
    assertThat(PreviewPage.videoSrc(out, SAMPLE)).startsWith("../").endsWith("/samples/talk.mp4");
    assertThat(html).contains("\"video\":\"" + PreviewPage.videoSrc(out, SAMPLE) + "\"")
        .doesNotContain("http://", "https://");

    try (HeadlessChromium chromium = HeadlessChromium.start(dir.resolve("profile"), 1280, 900)) {
      chromium.navigate(page.toUri().toString());
      JsonNode loaded = chromium.evaluate(LOADED);
      assertThat(loaded.path("videoError").asInt()).as("video error; console: " + chromium.console()).isZero();
      assertThat(loaded.path("duration").asDouble()).as("the sample's length in s").isBetween(20.5, 21.5);
      JsonNode tracks = loaded.path("tracks");
      assertThat(tracks).hasSize(3);
      assertThat(tracks.get(0).path("kind").asText()).isIn("subtitles", "captions");
      assertThat(tracks.get(0).path("lang").asText()).isEqualTo("en");
      assertThat(tracks.get(0).path("mode").asText()).isEqualTo("showing");
      assertThat(tracks.get(0).path("cues").asInt()).as("en cues loaded by the browser").isEqualTo(en.cues().size());
      assertThat(tracks.get(1).path("lang").asText()).isEqualTo("es");
      assertThat(tracks.get(1).path("cues").asInt()).as("es cues loaded by the browser").isEqualTo(es.cues().size());
      assertThat(tracks.get(2).path("kind").asText()).isEqualTo("chapters");
      assertThat(tracks.get(2).path("cues").asInt()).as("chapters loaded").isEqualTo(chapters.cues().size());
      for (JsonNode t : tracks) assertThat(t.path("state").asInt()).as("readyState LOADED of " + t).isEqualTo(2);
      assertThat(loaded.path("bars").asInt()).as("one timeline bar per cue").isEqualTo(en.cues().size());
      assertThat(loaded.path("items").asInt()).as("one list item per cue").isEqualTo(en.cues().size());
      assertThat(loaded.path("chapters").asInt()).isEqualTo(chapters.cues().size());
      TreeSet<Integer> flagged = new TreeSet<>();
      loaded.path("flagged").forEach(n -> flagged.add(n.asInt()));
      assertThat(flagged).as("cues flagged on the page = cues the quality report names").isEqualTo(expectedFlags);

      // The first cue's text shows at its time.
      Cue first = en.cues().get(0);
      JsonNode at = chromium.evaluate(seekTo((first.startMs() + first.endMs()) / 2));
      assertThat(at.path("active")).extracting(JsonNode::asText).containsExactly(first.text());
      assertThat(at.path("listActive").asText()).isEqualTo(CueText.plainText(first.text()));
      assertThat(at.path("barActive").asText()).isEqualTo("0");

      // A click on the timeline seeks: to the middle of the third cue's bar.
      Cue third = en.cues().get(2);
      JsonNode box = chromium.evaluate("""
          (() => { const r = document.querySelector('#cue-row .bar[data-index="2"]').getBoundingClientRect();
            scrollTo(0, 0); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; })()""");
      chromium.click(box.path("x").asDouble(), box.path("y").asDouble());
      JsonNode after = chromium.evaluate("""
          (async () => { await new Promise(r => setTimeout(r, 500));
            return { time: document.getElementById('video').currentTime,
              listActive: +(document.querySelector('#cue-list li.active') || { dataset: { index: -1 } }).dataset.index }; })()""");
      assertThat(after.path("time").asDouble() * 1000).as("time after clicking the third bar")
          .isBetween((double) third.startMs(), (double) third.endMs());
      assertThat(after.path("listActive").asInt()).isEqualTo(2);

      Files.createDirectories(SCREENSHOTS);
      Path png = SCREENSHOTS.resolve("talk.preview.png");
      Files.write(png, chromium.screenshot());
      BufferedImage image = ImageIO.read(png.toFile());
      assertThat(image.getWidth()).isEqualTo(1280);

      // Track switching: the Spanish track shows, and the list and timeline follow it.
      JsonNode switched = chromium.evaluate("""
          (() => { const s = document.getElementById('track-select'); s.value = '1';
            s.dispatchEvent(new Event('change'));
            const v = document.getElementById('video');
            return { modes: [...v.textTracks].map(t => t.mode), items: document.querySelectorAll('#cue-list > li').length,
              bars: document.querySelectorAll('#cue-row .bar').length }; })()""");
      assertThat(switched.path("modes")).extracting(JsonNode::asText).containsExactly("hidden", "showing", "hidden");
      assertThat(switched.path("items").asInt()).isEqualTo(es.cues().size());
      assertThat(switched.path("bars").asInt()).isEqualTo(es.cues().size());
    }
  }

  @Test
  void untrustedCueTextAndFileNamesStayText() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Path video = Files.copy(SAMPLE, in.resolve("clip <b>1<b> & 'x'.mp4"));
    String evil = "</script><script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">";
    Path vtt = in.resolve("x<img src=y onerror=alert(1)>.vtt");
    Files.writeString(vtt, "WEBVTT\n\n00:00.500 --> 00:03.000\n" + dev.captions.model.CueMarkup.escape(evil)
        + "\n\n00:03.500 --> 00:06.000\n&amp; \"quotes\" 'and' \u2028 <i>markup</i>\n");
    Path page = in.resolve("page.html");

    Cli run = Cli.run("preview", in.toString(), "-o", page.toString());
    assertThat(run.exitCode).as(run.toString()).isZero();
    String html = Files.readString(page);
    assertThat(html).doesNotContain("<script>window", "<img", "<b>1", "\u2028");
    assertThat(html.split("<script", -1)).as("only the page's data and code").hasSize(3);

    try (HeadlessChromium chromium = HeadlessChromium.start(in.resolve("profile"), 1024, 768)) {
      chromium.navigate(page.toUri().toString());
      JsonNode loaded = chromium.evaluate(LOADED);
      assertThat(loaded.path("pwned").asInt()).as("no injected script ran").isZero();
      assertThat(loaded.path("scripts").asInt()).isEqualTo(2);
      assertThat(loaded.path("imgs").asInt()).isZero();
      assertThat(loaded.path("tracks").get(0).path("cues").asInt()).isEqualTo(2);
      assertThat(loaded.path("videoError").asInt()).as("the video path with spaces and <> loads").isZero();
      JsonNode texts = chromium.evaluate("""
          ({ list: [...document.querySelectorAll('#cue-list .cue-text')].map(e => e.textContent),
             title: document.querySelector('h1').textContent,
             label: document.getElementById('track-select').options[0].textContent })""");
      assertThat(texts.path("list").get(0).asText()).isEqualTo(evil);
      assertThat(texts.path("list").get(1).asText()).isEqualTo("& \"quotes\" 'and' \u2028 markup");
      assertThat(texts.path("title").asText()).isEqualTo("clip <b>1<b> & 'x'.mp4");
      assertThat(texts.path("label").asText()).startsWith("x<img src=y onerror=alert(1)>.vtt");
      Files.createDirectories(SCREENSHOTS);
      Files.write(SCREENSHOTS.resolve("untrusted.preview.png"), chromium.screenshot());
    }
  }
}
