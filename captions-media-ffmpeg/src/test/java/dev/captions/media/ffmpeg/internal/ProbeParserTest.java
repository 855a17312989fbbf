package dev.captions.media.ffmpeg.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.model.MediaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeParserTest {
  @Test
  void ffmpeg4Listing() {
    List<String> stderr = List.of(
        "Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'v.mp4':",
        "  Duration: 00:01:03.45, start: 0.000000, bitrate: 104 kb/s",
        "  Stream #0:0(und): Video: h264 (High) (avc1 / 0x31637661), yuv420p, 160x120, 10 fps (default)",
        "  Stream #0:1(eng): Audio: aac (LC) (mp4a / 0x6134706D), 44100 Hz, mono, fltp, 75 kb/s (default)",
        "  Stream #0:2(fra): Subtitle: mov_text (tx3g / 0x67337874), 0 kb/s",
        "At least one output file must be specified");
    MediaInfo info = ProbeParser.parse(stderr);
    assertThat(ProbeParser.opened(stderr)).isTrue();
    assertThat(info.durationMs()).isEqualTo(63_450);
    assertThat(info.format()).isEqualTo("mov,mp4,m4a,3gp,3g2,mj2");
    assertThat(info.streams()).containsExactly(
        MediaInfo.Stream.of(0, MediaInfo.Stream.Type.VIDEO, "h264", null),
        MediaInfo.Stream.of(1, MediaInfo.Stream.Type.AUDIO, "aac", "eng"),
        MediaInfo.Stream.of(2, MediaInfo.Stream.Type.SUBTITLE, "mov_text", "fra"));
  }

  @Test
  void ffmpeg6ListingWithStreamIdsAndNoDuration() {
    List<String> stderr = List.of(
        "Input #0, matroska,webm, from 'x.mkv':",
        "  Duration: N/A, start: 0.000000, bitrate: N/A",
        "  Stream #0:0[0x1](deu): Subtitle: webvtt (default)",
        "  Stream #0:1: Data: bin_data",
        "Output #0, wav, to 'out.wav':",
        "  Stream #0:0: Audio: pcm_s16le");
    MediaInfo info = ProbeParser.parse(stderr);
    assertThat(info.durationMs()).isZero();
    assertThat(info.streams()).containsExactly(
        MediaInfo.Stream.of(0, MediaInfo.Stream.Type.SUBTITLE, "webvtt", "deu"),
        MediaInfo.Stream.of(1, MediaInfo.Stream.Type.OTHER, "bin_data", null));
  }

  @Test
  void notOpened() {
    assertThat(ProbeParser.opened(List.of("x.mp4: Invalid data found when processing input"))).isFalse();
  }
}
