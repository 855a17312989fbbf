package dev.captions.media.ffmpeg.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.InvalidMediaException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FfmpegErrorsTest {
  @Test
  void keepsFfmpegsReasonWithoutTheAddressAndAddsAHint() {
    var e = FfmpegErrors.failure("read 'x.mp4'", 1, List.of(
        "[mov,mp4,m4a,3gp,3g2,mj2 @ 0x386d9c00] Format mov detected only with low score of 1",
        "[mov,mp4,m4a,3gp,3g2,mj2 @ 0x386d9c00] moov atom not found",
        "x.mp4: Invalid data found when processing input"));
    assertThat(e.getMessage()).isEqualTo("FFmpeg could not read 'x.mp4' (exit 1): moov atom not found. "
        + "It is not a complete media file (truncated, still being written, or not media at all).");
    assertThat(e.reason()).isEqualTo(InvalidMediaException.Reason.NOT_MEDIA);
  }

  @Test
  void eachKnownFailureSaysWhatWasWrongWithTheInput() {
    assertThat(FfmpegErrors.failure("read", 1, List.of("x.mp4: No such file or directory")).reason())
        .isEqualTo(InvalidMediaException.Reason.NOT_FOUND);
    assertThat(FfmpegErrors.failure("read", 1, List.of("x.mp4: Permission denied")).reason())
        .isEqualTo(InvalidMediaException.Reason.UNREADABLE);
    assertThat(FfmpegErrors.failure("extract audio", 1, List.of("Stream map '0:a:0' matches no streams.")).reason())
        .isEqualTo(InvalidMediaException.Reason.NO_STREAM);
    assertThat(FfmpegErrors.failure("mux", 1, List.of("Unable to find a suitable output format for 'x.abc'")).reason())
        .isEqualTo(InvalidMediaException.Reason.OTHER);
  }

  @Test
  void unknownErrorsUseTheLastLine() {
    var e = FfmpegErrors.failure("mux", 69, List.of("something", "Strange failure 42", ""));
    assertThat(e.getMessage()).isEqualTo("FFmpeg could not mux (exit 69): Strange failure 42");
    assertThat(e.reason()).isEqualTo(InvalidMediaException.Reason.OTHER);
  }
}
