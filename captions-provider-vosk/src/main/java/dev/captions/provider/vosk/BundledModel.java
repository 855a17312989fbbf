package dev.captions.provider.vosk;

import dev.captions.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The small US English model shipped on Maven Central as {@code com.alphacephei:vosk-model-en:0.3.45} (an Android
 * AAR whose {@code assets/model-en-us/} is a plain Vosk model directory), extracted once to a per-user cache.
 *
 * <p>Maven does not put an AAR on the class path, so the AAR is looked for as class path resources first (a shaded
 * jar, Gradle, an unpacked AAR) and then in the local Maven repository, where {@code mvn} put it when it resolved
 * this module's dependencies.
 *
 * <p>Extraction is safe against concurrent JVMs: files go to a fresh temporary directory next to the target, a
 * completeness marker is written last, and the directory is renamed into place atomically. A JVM that loses the race
 * deletes its copy and uses the winner's. Every file's size is checked, so a damaged cache is noticed and replaced.
 */
final class BundledModel {
  static final String GROUP = "com.alphacephei";
  static final String ARTIFACT = "vosk-model-en";
  static final String VERSION = "0.3.45";
  static final String LANGUAGE = "en";
  static final String DIRECTORY_NAME = "model-en-us-" + VERSION;

  private static final String ASSET_PREFIX = "assets/model-en-us/";
  private static final String COMPLETE_MARKER = ".complete";
  private static final Logger LOG = LoggerFactory.getLogger(BundledModel.class);

  /** Every file of the model with its size in bytes; checked after extraction and on each use of the cache. */
  static final Map<String, Long> FILES = files();

  private BundledModel() {}

  private static Map<String, Long> files() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("README", 197L);
    m.put("uuid", 36L);
    m.put("am/final.mdl", 15_962_575L);
    m.put("conf/mfcc.conf", 131L);
    m.put("conf/model.conf", 290L);
    m.put("graph/Gr.fst", 24_013_795L);
    m.put("graph/HCLr.fst", 22_416_994L);
    m.put("graph/disambig_tid.int", 102L);
    m.put("graph/phones/word_boundary.int", 1_761L);
    m.put("ivector/final.dubm", 168_048L);
    m.put("ivector/final.ie", 8_288_887L);
    m.put("ivector/final.mat", 44_975L);
    m.put("ivector/global_cmvn.stats", 1_080L);
    m.put("ivector/online_cmvn.conf", 95L);
    m.put("ivector/splice.conf", 35L);
    return java.util.Collections.unmodifiableMap(m);
  }

  /** The default per-user cache root: {@code $XDG_CACHE_HOME/captions/vosk}, else {@code ~/.cache/captions/vosk}. */
  static Path defaultCacheRoot(Function<String, String> env) {
    String xdg = env.apply("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Paths.get(xdg) : Paths.get(System.getProperty("user.home"), ".cache");
    return base.resolve("captions").resolve("vosk");
  }

  /**
   * The model directory under {@code cacheRoot}, extracted first when it is missing or incomplete. Blocks for a few
   * seconds on first use (70 MB are copied).
   *
   * @throws ConfigurationException when the AAR cannot be found or the cache cannot be written
   */
  static Path resolve(Path cacheRoot) {
    Path target = cacheRoot.resolve(DIRECTORY_NAME);
    if (isComplete(target)) return target;
    try (Source source = findSource()) {
      Files.createDirectories(cacheRoot);
      Path tmp = Files.createTempDirectory(cacheRoot, "." + DIRECTORY_NAME + "-");
      try {
        LOG.info("Extracting the Vosk model {}:{}:{} from {} to {}", GROUP, ARTIFACT, VERSION, source, target);
        for (String file : FILES.keySet()) {
          Path out = tmp.resolve(file);
          Files.createDirectories(out.getParent());
          try (InputStream in = source.open(ASSET_PREFIX + file)) {
            Files.copy(in, out);
          }
        }
        Files.writeString(tmp.resolve(COMPLETE_MARKER), GROUP + ":" + ARTIFACT + ":" + VERSION + "\n");
        if (!isComplete(tmp)) {
          throw new ConfigurationException("The Vosk model in " + source + " is damaged (file sizes differ from "
              + ARTIFACT + " " + VERSION + "). Delete it so that Maven downloads it again.");
        }
        moveIntoPlace(tmp, target);
      } finally {
        deleteRecursively(tmp);
      }
    } catch (IOException | UncheckedIOException e) {
      throw new ConfigurationException("Cannot extract the Vosk model to " + target + ": " + e.getMessage()
          + ". Make the cache directory writable, choose another with captions.vosk.cacheDir, or point"
          + " captions.vosk.model (VOSK_MODEL) to an extracted model directory.");
    }
    return target;
  }

  private static void moveIntoPlace(Path tmp, Path target) throws IOException {
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        return;
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("the file system of " + target.getParent() + " cannot rename directories atomically", e);
      } catch (FileSystemException e) {
        // Linux reports an existing non-empty target as a plain FileSystemException ("Directory not empty").
        if (!Files.exists(target)) throw e;
        if (isComplete(target)) return; // another JVM extracted it first
        // A damaged or foreign directory: rename it away (atomic, so a reader never sees it half-deleted), then retry.
        Path stale = Files.createTempDirectory(target.getParent(), "." + DIRECTORY_NAME + "-stale-");
        Files.delete(stale);
        try {
          Files.move(target, stale, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.NoSuchFileException gone) {
          continue;
        }
        deleteRecursively(stale);
      }
    }
    if (!isComplete(target)) throw new IOException("could not replace " + target);
  }

  /** Whether {@code dir} holds a completely extracted copy (marker present, every file of the right size). */
  static boolean isComplete(Path dir) {
    if (!Files.isRegularFile(dir.resolve(COMPLETE_MARKER))) return false;
    try {
      for (Map.Entry<String, Long> f : FILES.entrySet()) {
        Path p = dir.resolve(f.getKey());
        if (!Files.isRegularFile(p) || Files.size(p) != f.getValue()) return false;
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  /** Where the AAR's assets are read from. */
  private interface Source extends AutoCloseable {
    InputStream open(String entry) throws IOException;

    @Override
    void close() throws IOException;
  }

  private static Source findSource() throws IOException {
    ClassLoader[] loaders = {Thread.currentThread().getContextClassLoader(), BundledModel.class.getClassLoader()};
    for (ClassLoader loader : loaders) {
      if (loader != null && loader.getResource(ASSET_PREFIX + "uuid") != null) {
        return new Source() {
          @Override
          public InputStream open(String entry) throws IOException {
            InputStream in = loader.getResourceAsStream(entry);
            if (in == null) throw new IOException("class path resource " + entry + " is missing");
            return in;
          }

          @Override
          public void close() {}

          @Override
          public String toString() {
            return "the class path";
          }
        };
      }
    }
    Path aar = localRepositoryAar();
    if (Files.isRegularFile(aar)) {
      ZipFile zip = new ZipFile(aar.toFile());
      return new Source() {
        @Override
        public InputStream open(String entry) throws IOException {
          ZipEntry e = zip.getEntry(entry);
          if (e == null) throw new IOException(aar + " has no entry " + entry);
          return zip.getInputStream(e);
        }

        @Override
        public void close() throws IOException {
          zip.close();
        }

        @Override
        public String toString() {
          return aar.toString();
        }
      };
    }
    throw new ConfigurationException("The default Vosk model " + GROUP + ":" + ARTIFACT + ":" + VERSION
        + " (aar) is neither on the class path nor in the local Maven repository (" + aar + "). Fetch it with"
        + " `mvn dependency:get -Dartifact=" + GROUP + ":" + ARTIFACT + ":" + VERSION + ":aar`, or download a model"
        + " from https://alphacephei.com/vosk/models and set captions.vosk.model (or VOSK_MODEL) to its directory.");
  }

  /** The AAR's path in the local Maven repository ({@code maven.repo.local}, else {@code ~/.m2/repository}). */
  static Path localRepositoryAar() {
    String repo = System.getProperty("maven.repo.local");
    Path root = repo != null && !repo.isBlank() ? Paths.get(repo)
        : Paths.get(System.getProperty("user.home"), ".m2", "repository");
    return root.resolve(GROUP.replace('.', '/')).resolve(ARTIFACT).resolve(VERSION)
        .resolve(ARTIFACT + "-" + VERSION + ".aar");
  }
}
