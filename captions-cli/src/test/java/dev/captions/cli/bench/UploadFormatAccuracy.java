package dev.captions.cli.bench;

import dev.captions.media.ffmpeg.FfmpegMediaProcessor;
import dev.captions.model.MediaSource;
import dev.captions.model.TimedWord;
import dev.captions.model.Transcript;
import dev.captions.provider.vosk.VoskTranscriber;
import dev.captions.spi.AudioOptions;
import dev.captions.spi.TranscriptionOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Does a compressed upload format cost recognition accuracy? (A harness, not a unit test; run by
 * {@code captions-cli/bench/long-media.sh formats MINUTES}.) Encodes the first MINUTES of the long-media speech in each
 * cloud upload format, decodes it back to 16 kHz PCM, transcribes every version with Vosk (a stand-in recogniser: the
 * cloud ones cannot be called here) and prints each version's word error rate against the script, with the CPU time
 * FFmpeg took to encode it and the bytes per minute.
 */
public final class UploadFormatAccuracy {
  private UploadFormatAccuracy() {}

  public static void main(String[] args) throws Exception {
    int minutes = Integer.parseInt(args[0]);
    Path sentences = Paths.get(args[1]);
    Path work = Files.createDirectories(Paths.get(args[2]));
    Path script = Paths.get(args[3]);
    Path wav = work.resolve("speech-" + minutes + "min.wav");
    Path starts = work.resolve("speech-" + minutes + "min.starts");
    if (!Files.exists(wav) || !Files.exists(starts)) LongMediaBenchmark.writeSpeech(sentences, minutes * 60_000L, wav, starts);
    // The words said: the script's lines in turn, as many as the speech file holds (the last may be cut short).
    List<String> lines = Files.readAllLines(script).stream().filter(l -> !l.isBlank()).collect(Collectors.toList());
    int said = Files.readAllLines(starts).size();
    List<String> truth = new ArrayList<>();
    for (int i = 0; i < said - 1; i++) truth.addAll(words(lines.get(i % lines.size())));

    FfmpegMediaProcessor ffmpeg = FfmpegMediaProcessor.create();
    VoskTranscriber vosk = VoskTranscriber.builder().chunkDuration(java.time.Duration.ZERO).build();
    vosk.preload();
    System.out.printf(Locale.ROOT, "%d min of espeak-ng speech; recogniser: Vosk (small en model); WER over the first "
        + "%d script words%n", minutes, truth.size());
    System.out.printf(Locale.ROOT, "%-14s %10s %14s %8s%n", "format", "MB/min", "encode CPU s", "WER");
    for (AudioOptions.Format f : List.of(AudioOptions.Format.WAV_16K_MONO, AudioOptions.Format.MP3_16K_MONO,
        AudioOptions.Format.OGG_OPUS, AudioOptions.Format.FLAC)) {
      Path encoded = work.resolve("accuracy." + f.name().toLowerCase(Locale.ROOT) + "." + f.extension());
      double cpu = 0;
      Path heard = wav;
      if (f != AudioOptions.Format.WAV_16K_MONO) {
        long c0 = LongMediaBenchmark.childCpuNanos();
        ffmpeg.extractAudio(MediaSource.of(wav), AudioOptions.of(f).withOutput(encoded));
        cpu = (LongMediaBenchmark.childCpuNanos() - c0) / 1e9;
        heard = work.resolve("accuracy." + f.name().toLowerCase(Locale.ROOT) + ".decoded.wav");
        ffmpeg.extractAudio(MediaSource.of(encoded), AudioOptions.defaults().withOutput(heard));
      }
      long bytes = Files.size(f == AudioOptions.Format.WAV_16K_MONO ? wav : encoded);
      Transcript t = vosk.transcribe(MediaSource.of(heard), TranscriptionOptions.defaults());
      List<String> got = new ArrayList<>();
      for (TimedWord w : t.words()) got.addAll(words(w.text()));
      System.out.printf(Locale.ROOT, "%-14s %10.3f %14s %8.3f%n", f, bytes / 1e6 / minutes,
          f == AudioOptions.Format.WAV_16K_MONO ? "-" : String.format(Locale.ROOT, "%.2f", cpu), wer(truth, got));
    }
  }

  static List<String> words(String text) {
    return Arrays.stream(text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9' ]", " ").trim().split("\\s+"))
        .filter(w -> !w.isEmpty()).collect(Collectors.toList());
  }

  /** Word error rate: word-level Levenshtein distance over the reference's length. */
  static double wer(List<String> ref, List<String> hyp) {
    int[] prev = new int[hyp.size() + 1];
    int[] cur = new int[hyp.size() + 1];
    for (int j = 0; j <= hyp.size(); j++) prev[j] = j;
    for (int i = 1; i <= ref.size(); i++) {
      cur[0] = i;
      for (int j = 1; j <= hyp.size(); j++) {
        int sub = prev[j - 1] + (ref.get(i - 1).equals(hyp.get(j - 1)) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return (double) prev[hyp.size()] / Math.max(1, ref.size());
  }
}
