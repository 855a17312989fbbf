package dev.captions.provider.vosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extraction of the bundled model from the AAR to the cache: complete, once, and safe when raced. */
class BundledModelTest {
  @TempDir Path cache;

  @Test
  void racingExtractionsLeaveOneCompleteCopyAndNoTemporaryDirectories() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<Path>> results = new ArrayList<>();
      Callable<Path> extract = () -> BundledModel.resolve(cache);
      for (int i = 0; i < 3; i++) results.add(pool.submit(extract));
      for (Future<Path> f : results) assertThat(f.get()).isEqualTo(cache.resolve(BundledModel.DIRECTORY_NAME));
    } finally {
      pool.shutdownNow();
    }
    Path model = cache.resolve(BundledModel.DIRECTORY_NAME);
    assertThat(BundledModel.isComplete(model)).isTrue();
    assertThat(model.resolve("am/final.mdl")).hasSize(15_962_575L);
    try (Stream<Path> entries = Files.list(cache)) {
      assertThat(entries).containsExactly(model);
    }
    long modified = Files.getLastModifiedTime(model.resolve("am/final.mdl")).toMillis();
    assertThat(BundledModel.resolve(cache)).isEqualTo(model); // cached: nothing copied again
    assertThat(Files.getLastModifiedTime(model.resolve("am/final.mdl")).toMillis()).isEqualTo(modified);
  }

  @Test
  void aDamagedCopyIsReplaced() throws Exception {
    Path model = BundledModel.resolve(cache);
    Files.write(model.resolve("graph/Gr.fst"), new byte[] {1, 2, 3}); // e.g. a disk that filled up
    assertThat(BundledModel.isComplete(model)).isFalse();

    assertThat(BundledModel.resolve(cache)).isEqualTo(model);
    assertThat(BundledModel.isComplete(model)).isTrue();
    try (Stream<Path> entries = Files.list(cache)) {
      assertThat(entries).containsExactly(model);
    }
  }

  @Test
  void defaultCacheFollowsXdg() {
    assertThat(BundledModel.defaultCacheRoot(k -> k.equals("XDG_CACHE_HOME") ? "/x/cache" : null))
        .isEqualTo(Path.of("/x/cache/captions/vosk"));
    assertThat(BundledModel.defaultCacheRoot(k -> null))
        .isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "captions", "vosk"));
  }
}
