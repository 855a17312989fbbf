package dev.captions.media.ffmpeg.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.captions.ConfigurationException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegLocatorTest {
  static final ClassLoader NOTHING = new URLClassLoader(new URL[0], null);
  static final ClassLoader JAVE = FfmpegLocatorTest.class.getClassLoader();

  @Test
  void noBinaryAnywhereNamesAllThreeOptions(@TempDir Path cache) {
    FfmpegLocator l = new FfmpegLocator(null, cache, NOTHING, Map.of("PATH", cache.toString())::get, "Linux", "amd64");
    assertThatThrownBy(l::locate).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("captions.ffmpeg.path").hasMessageContaining("FFMPEG_PATH")
        .hasMessageContaining("jave-nativebin-linux64").hasMessageContaining("ffmpeg on PATH");
  }

  @Test
  void configuredPathMustBeExecutable(@TempDir Path dir) {
    FfmpegLocator l = new FfmpegLocator(dir.resolve("nope"), dir, JAVE, k -> null, "Linux", "amd64");
    assertThatThrownBy(l::locate).isInstanceOf(ConfigurationException.class).hasMessageContaining("not an executable");
  }

  @Test
  void fallsBackToPath(@TempDir Path dir) throws Exception {
    Path fake = Files.writeString(dir.resolve("ffmpeg"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    FfmpegLocator l = new FfmpegLocator(null, dir, NOTHING, Map.of("PATH", "/nonexistent:" + dir)::get, "Linux", "amd64");
    assertThat(l.locate().path()).isEqualTo(fake);
    assertThat(l.locate().origin()).isEqualTo("PATH");
  }

  @Test
  void platformResourceNamesFollowJave() {
    assertThat(new FfmpegLocator(null, null, NOTHING, k -> null, "Mac OS X", "aarch64").resourceNames())
        .first().isEqualTo("ws/schild/jave/nativebin/ffmpeg-aarch64-osx");
    assertThat(new FfmpegLocator(null, null, NOTHING, k -> null, "Windows 11", "amd64").resourceNames())
        .first().isEqualTo("ws/schild/jave/nativebin/ffmpeg-amd64.exe");
  }

  @Test
  void extractsTheBundledBuildOnceVerifiedEvenWhenRacingAndRepairsACorruptCache(@TempDir Path cache) throws Exception {
    FfmpegLocator l = new FfmpegLocator(null, cache, JAVE, k -> null, "Linux", "amd64");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<FfmpegBinary>> racing = new ArrayList<>();
    for (int i = 0; i < 2; i++) racing.add(pool.submit(l::locate));
    Path binary = racing.get(0).get().path();
    assertThat(racing.get(1).get().path()).isEqualTo(binary);
    pool.shutdown();
    assertThat(binary).isEqualTo(cache.resolve("jave-nativebin-linux64-3.5.0").resolve("ffmpeg-amd64"));
    assertThat(Files.isExecutable(binary)).isTrue();
    assertThat(CachedResource.sha256(binary))
        .isEqualTo("3ea58083710f63bf920b16c7d5d24ae081e7d731f57a656fed11af0410d4eb48");
    try (var files = Files.list(binary.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
    }
    Files.writeString(binary, "truncated");
    assertThat(CachedResource.sha256(l.locate().path()))
        .isEqualTo("3ea58083710f63bf920b16c7d5d24ae081e7d731f57a656fed11af0410d4eb48");
  }
}
