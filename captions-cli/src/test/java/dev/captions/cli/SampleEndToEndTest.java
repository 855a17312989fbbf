package dev.captions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.captions.codec.CaptionCodecs;
import dev.captions.codec.CaptionFormat;
import dev.captions.model.CaptionTrack;
import dev.captions.media.ffmpeg.FfmpegMediaProcessor;
import dev.captions.model.Cue;
import dev.captions.model.MediaSource;
import dev.captions.shaping.ComplianceChecker;
import dev.captions.shaping.StyleProfile;
import dev.captions.shaping.Violation;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, on the shipped sample, with the embedded default (FFmpeg + Vosk): no key, no network.
 * Measures accuracy against the sample's script and known sentence times.
 */
class SampleEndToEndTest {
  static final Path SAMPLE = Path.of("..", "samples", "talk.mp4");
  static final Path SCRIPT = Path.of("..", "samples", "talk.script.json");

  @TempDir static Path out;
  static Cli run;
  static CaptionTrack track;
  /** The same cues from the JSON output, which also keeps each cue's timed words. */
  static CaptionTrack withWords;

  @BeforeAll
  static void captionTheSample() throws Exception {
    run = Cli.run("caption", SAMPLE.toString(), "-o", out.toString(), "-f", "vtt,srt,json", "--quiet");
    assertThat(run.exitCode).as(run.toString()).isZero();
    try (Reader r = Files.newBufferedReader(out.resolve("talk.en.vtt"))) {
      track = CaptionCodecs.forFormat(CaptionFormat.WEBVTT).read(r).track();
    }
    try (Reader r = Files.newBufferedReader(out.resolve("talk.en.json"))) {
      withWords = CaptionCodecs.forFormat(CaptionFormat.JSON).read(r).track();
    }
  }

  @Test
  void printsWhereTheFilesAre() {
    assertThat(run.out).contains(out.resolve("talk.en.vtt").toString(), out.resolve("talk.en.srt").toString());
    assertThat(out.resolve("talk.en.srt")).isNotEmptyFile();
  }

  @Test
  void wordErrorRateIsAtMostAQuarter() throws Exception {
    List<String> reference = new ArrayList<>();
    for (JsonNode s : script().path("sentences")) reference.addAll(words(s.path("text").asText()));
    List<String> hypothesis = new ArrayList<>();
    for (Cue c : track.cues()) hypothesis.addAll(words(c.text()));
    double wer = (double) editDistance(reference, hypothesis) / reference.size();
    System.out.printf(Locale.ROOT, "sample WER = %.3f (%d reference words)%n", wer, reference.size());
    assertThat(wer).isLessThanOrEqualTo(0.25);
  }

  @Test
  void cueStartsFollowTheKnownSentenceStarts() throws Exception {
    List<Long> errors = new ArrayList<>();
    for (JsonNode s : script().path("sentences")) {
      long known = s.path("startMs").asLong();
      long nearest = track.cues().stream().mapToLong(c -> Math.abs(c.startMs() - known)).min().orElseThrow();
      errors.add(nearest);
    }
    errors.sort(null);
    long median = errors.get(errors.size() / 2);
    System.out.println("sample cue-start errors (ms, sorted) = " + errors + ", median " + median);
    assertThat(median).isLessThanOrEqualTo(300);
  }

  /**
   * No violations at all, against the duration FFmpeg probes (not a constant: an old one, 21 832 ms, hid cues running
   * past the real 20 987 ms). This stays strict because Vosk's variance cannot reach it: measured over repeated runs,
   * the fastest cue reads at 16.7 chars/s against the limit of 20 and the shortest lasts 2 100 ms against 833, while
   * Vosk moves word times by at most ~30 ms (under 2 % of a cue) and its word substitutions ("the"/"that", "I"/"I'll")
   * change a cue by a few characters (~1–2 chars/s). Only a speech-faster-than-reading cause is outside the shaper's
   * control, and this sample has none. Checked on the cues with their timed words (the JSON output), so that a failure
   * message carries the checker's cause.
   */
  @Test
  void cuesMeetTheDefaultProfile() {
    long durationMs = FfmpegMediaProcessor.create().probe(MediaSource.of(SAMPLE)).durationMs();
    assertThat(durationMs).as("the sample's length, as samples/README.md records it").isBetween(20_900L, 21_100L);
    assertThat(withWords.cues()).hasSameSizeAs(track.cues());
    List<Violation> violations = ComplianceChecker.of(StyleProfile.NETFLIX_EN).check(withWords, java.util.OptionalLong.of(durationMs));
    double fastest = withWords.cues().stream()
        .mapToDouble(c -> c.lines().stream().mapToInt(String::length).sum() * 1000.0 / c.durationMs()).max().orElse(0);
    long shortest = withWords.cues().stream().mapToLong(Cue::durationMs).min().orElse(0);
    System.out.printf(Locale.ROOT, "sample violations of netflix-en: %s; fastest cue %.1f chars/s (limit %.0f), "
        + "shortest %d ms%n", violations, fastest, StyleProfile.NETFLIX_EN.maxCharsPerSecond(), shortest);
    assertThat(violations).isEmpty();
  }

  private static JsonNode script() throws Exception {
    return new ObjectMapper().readTree(SCRIPT.toFile());
  }

  static List<String> words(String text) {
    String clean = text.toLowerCase(Locale.ROOT).replaceAll("<[^>]*>", " ").replaceAll("[^a-z0-9' ]", " ").trim();
    return clean.isEmpty() ? List.of() : Arrays.asList(clean.split("\\s+"));
  }

  /** Word-level Levenshtein distance: substitutions + deletions + insertions. */
  static int editDistance(List<String> a, List<String> b) {
    int[] prev = new int[b.size() + 1];
    int[] cur = new int[b.size() + 1];
    for (int j = 0; j <= b.size(); j++) prev[j] = j;
    for (int i = 1; i <= a.size(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.size(); j++) {
        int sub = prev[j - 1] + (a.get(i - 1).equals(b.get(j - 1)) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.size()];
  }
}
