package dev.captions.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MediaSourceTest {
  @Test
  void fileSource() {
    MediaSource s = MediaSource.of(Path.of("videos", "talk.MP4"));
    assertThat(s.kind()).isEqualTo(MediaSource.Kind.FILE);
    assertThat(s.name()).isEqualTo("talk.MP4");
    assertThat(s.mimeType()).contains("video/mp4");
    assertThatThrownBy(s::uri).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void urlSourceMustBeHttp() {
    MediaSource s = MediaSource.ofUrl("https://cdn.example.com/a/talk.mp4?token=secret");
    assertThat(s.isUrl()).isTrue();
    assertThat(s.name()).isEqualTo("talk.mp4");
    assertThat(s.toString()).isEqualTo("MediaSource{url=https://cdn.example.com/a/talk.mp4?…}").doesNotContain("secret");
    assertThatThrownBy(() -> MediaSource.ofUrl("/tmp/talk.mp4"))
        .hasMessage("expected an absolute http(s) URL but got: /tmp/talk.mp4 (for a local file use MediaSource.of(Path))");
    assertThatThrownBy(() -> MediaSource.ofUrl("ftp://x/y.mp4")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void streamSource() {
    MediaSource s = MediaSource.of(new ByteArrayInputStream(new byte[0]), "a.wav", null);
    assertThat(s.mimeType()).contains("audio/wav");
    assertThat(s.withMimeType("audio/x-wav").mimeType()).contains("audio/x-wav");
    assertThat(MediaSource.guessMimeType("noext")).isNull();
  }
}
