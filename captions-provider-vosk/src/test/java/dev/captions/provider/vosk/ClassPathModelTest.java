package dev.captions.provider.vosk;

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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default model as captions-vosk-model-en packs it (the real module, a test dependency through the provider's
 * runtime scope): found on the class path, extracted completely, once, safely when raced, repaired when damaged.
 */
class ClassPathModelTest {
  @TempDir Path cache;

  static ClassPathModel english() {
    return ClassPathModel.find(ClassPathModel.DEFAULT_NAME).orElseThrow();
  }

  @Test
  void theEnglishModelJarIsIndexed() {
    ClassPathModel model = english();
    assertThat(model.id()).isEqualTo("vosk-model-en-us-0.3.45");
    assertThat(model.source()).isEqualTo("com.alphacephei:vosk-model-en:0.3.45");
    assertThat(model.files()).hasSize(15).contains("am/final.mdl", "conf/model.conf", "graph/HCLr.fst",
        "ivector/final.ie");
  }

  @Test
  void racingExtractionsLeaveOneCompleteCopyAndNoTemporaryDirectories() throws Exception {
    ClassPathModel model = english();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<Path>> results = new ArrayList<>();
      Callable<Path> extract = () -> model.extract(cache);
      for (int i = 0; i < 3; i++) results.add(pool.submit(extract));
      for (Future<Path> f : results) assertThat(f.get()).isEqualTo(cache.resolve(model.id()));
    } finally {
      pool.shutdownNow();
    }
    Path dir = cache.resolve(model.id());
    assertThat(model.isComplete(dir)).isTrue();
    assertThat(dir.resolve("am/final.mdl")).hasSize(15_962_575L); // the size in the AAR
    try (Stream<Path> entries = Files.list(cache)) {
      assertThat(entries).containsExactly(dir);
    }
    long modified = Files.getLastModifiedTime(dir.resolve("am/final.mdl")).toMillis();
    assertThat(model.extract(cache)).isEqualTo(dir); // cached: nothing copied again
    assertThat(Files.getLastModifiedTime(dir.resolve("am/final.mdl")).toMillis()).isEqualTo(modified);
  }

  @Test
  void aDamagedCopyIsReplaced() throws Exception {
    ClassPathModel model = english();
    Path dir = model.extract(cache);
    Files.write(dir.resolve("graph/Gr.fst"), new byte[] {1, 2, 3}); // e.g. a disk that filled up
    assertThat(model.isComplete(dir)).isFalse();

    assertThat(model.extract(cache)).isEqualTo(dir);
    assertThat(model.isComplete(dir)).isTrue();
    try (Stream<Path> entries = Files.list(cache)) {
      assertThat(entries).containsExactly(dir);
    }
  }

  @Test
  void anUnwritableCacheFallsBackToTheNextRootAndNamesEveryRootWhenNoneWorks() throws Exception {
    ClassPathModel model = english();
    Path notADirectory = Files.writeString(cache.resolve("home-is-a-file"), "x"); // unwritable even for root
    Path fallback = cache.resolve("tmp");

    assertThat(model.extract(List.of(notADirectory.resolve("vosk"), fallback))).isEqualTo(fallback.resolve(model.id()));
    assertThat(model.isComplete(fallback.resolve(model.id()))).isTrue();
    // A complete copy under any root is used as it is.
    assertThat(model.extract(List.of(notADirectory.resolve("vosk"), fallback))).isEqualTo(fallback.resolve(model.id()));

    assertThatThrownBy(() -> model.extract(List.of(notADirectory.resolve("vosk"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(notADirectory.resolve("vosk").toString())
        .hasMessageContaining("captions.vosk.cacheDir");
  }

  @Test
  void theTemporaryFallbackIsOwnerOnly() throws Exception {
    ClassPathModel model = english();
    String saved = System.getProperty("java.io.tmpdir");
    System.setProperty("java.io.tmpdir", cache.toString());
    try {
      Path root = ClassPathModel.temporaryCacheRoot();
      assertThat(root.getParent().getParent()).isEqualTo(cache);
      Path notADirectory = Files.writeString(cache.resolve("home-is-a-file"), "x");

      assertThat(model.extract(List.of(notADirectory.resolve("vosk"), root))).isEqualTo(root.resolve(model.id()));
      if (Files.getFileStore(cache).supportsFileAttributeView("posix")) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.getParent())))
            .isEqualTo("rwx------");
      }
      assertThat(model.isComplete(root.resolve(model.id()))).isTrue();
    } finally {
      System.setProperty("java.io.tmpdir", saved);
    }
  }

  @Test
  void withoutTheModelJarTheErrorNamesTheArtifactAndTheSetting() throws Exception {
    // A class loader that sees nothing of the test class path: the model jar "removed".
    try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
      assertThat(ClassPathModel.find(ClassPathModel.DEFAULT_NAME, empty)).isEmpty();
      assertThat(ClassPathModel.find(ClassPathModel.DEFAULT_NAME, empty, ClassPathModelTest.class.getClassLoader()))
          .isPresent();
    }
    assertThat(ClassPathModel.missing("en-us").getMessage())
        .contains("dev.captions:captions-vosk-model-en", "captions.vosk.model", "VOSK_MODEL");
  }

  @Test
  void defaultCacheFollowsXdgAndTheFallbackIsPerUser() {
    assertThat(ClassPathModel.defaultCacheRoot(k -> k.equals("XDG_CACHE_HOME") ? "/x/cache" : null))
        .isEqualTo(Path.of("/x/cache/captions/vosk"));
    assertThat(ClassPathModel.defaultCacheRoot(k -> null))
        .isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "captions", "vosk"));
    Path temporary = ClassPathModel.temporaryCacheRoot();
    assertThat(temporary.getParent().getParent()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir")));
    assertThat(temporary.getParent().getFileName().toString())
        .isEqualTo("captions-" + System.getProperty("user.name").replaceAll("[^A-Za-z0-9._-]", "_"));
    assertThat(temporary.getFileName().toString()).isEqualTo("vosk");
  }
}
