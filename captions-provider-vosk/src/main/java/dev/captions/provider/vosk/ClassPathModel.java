package dev.captions.provider.vosk;

import dev.captions.ConfigurationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Vosk model packed as class path resources, the way {@code dev.captions:captions-vosk-model-en} packs the small US
 * English model: the model's files under {@code dev/captions/vosk/model/<name>/} and an index next to them,
 * {@code dev/captions/vosk/model/<name>.properties}, with {@code id} (names the cache directory), {@code language},
 * {@code source} (where the files came from) and {@code files} (comma-separated paths relative to {@code <name>/}).
 * Resources in a jar work the same from Maven, Gradle, a {@code lib/} folder or a shaded jar.
 *
 * <p>Vosk reads a model from a directory only, so the files are extracted once to {@code <cache root>/<id>/}. The
 * first cache root that works is used: the per-user cache ({@code $XDG_CACHE_HOME/captions/vosk}, else
 * {@code ~/.cache/captions/vosk}), then, when that cannot be written (a read-only or missing home in a container),
 * {@code <java.io.tmpdir>/captions-<user>/vosk}. A configured cache root is used alone.
 *
 * <p>Extraction is safe against concurrent threads and JVMs: files go to a fresh temporary directory next to the
 * target, a completeness marker listing every file's size is written last, and the directory is renamed into place
 * atomically. A JVM that loses the race deletes its copy and uses the winner's. Each use checks every file against
 * the marker, so a damaged cache (a full disk, a tmp cleaner) is noticed and replaced.
 */
final class ClassPathModel {
  /** Where packed models live on the class path. */
  static final String ROOT = "dev/captions/vosk/model/";
  /** The model used when none is configured, and the artifact that packs it. */
  static final String DEFAULT_NAME = "en-us";
  static final String DEFAULT_ARTIFACT = "dev.captions:captions-vosk-model-en";

  private static final String COMPLETE_MARKER = ".complete";
  private static final Logger LOG = LoggerFactory.getLogger(ClassPathModel.class);

  private final String name;
  private final String id;
  private final String source;
  private final List<String> files;
  private final ClassLoader loader;

  private ClassPathModel(String name, String id, String source, List<String> files, ClassLoader loader) {
    this.name = name;
    this.id = id;
    this.source = source;
    this.files = List.copyOf(files);
    this.loader = loader;
  }

  /**
   * The model packed as {@code name} on the class path of the thread's context class loader or of this class, or
   * empty when neither has its index.
   *
   * @throws ConfigurationException when the index is there but unusable (a damaged or hand-made jar)
   */
  static Optional<ClassPathModel> find(String name) {
    return find(name, Thread.currentThread().getContextClassLoader(), ClassPathModel.class.getClassLoader());
  }

  /** The model packed as {@code name} as the first of {@code loaders} (null ones skipped) sees it. */
  static Optional<ClassPathModel> find(String name, ClassLoader... loaders) {
    for (ClassLoader loader : loaders) {
      if (loader == null) continue;
      URL index = loader.getResource(ROOT + name + ".properties");
      if (index != null) return Optional.of(read(name, index, loader));
    }
    return Optional.empty();
  }

  /** The error for a default model that is not on the class path: what to add, or what to set instead. */
  static ConfigurationException missing(String name) {
    return new ConfigurationException("The default Vosk model (" + name + ") is not on the class path: no "
        + ROOT + name + ".properties was found. Add " + DEFAULT_ARTIFACT + " (a Maven or Gradle dependency, or its"
        + " jar in the lib/ folder next to captions-provider-vosk), or set captions.vosk.model (VOSK_MODEL) to an"
        + " unpacked model directory from https://alphacephei.com/vosk/models.");
  }

  private static ClassPathModel read(String name, URL index, ClassLoader loader) {
    Properties p = new Properties();
    try (InputStream in = index.openStream()) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigurationException("Cannot read the Vosk model index " + index + ": " + e.getMessage()
          + ". The jar that holds it is damaged; download it again.");
    }
    String id = p.getProperty("id", "").trim();
    List<String> files = new ArrayList<>();
    for (String f : p.getProperty("files", "").split(",")) {
      if (!f.isBlank()) files.add(f.trim());
    }
    boolean safe = files.stream().noneMatch(f -> f.startsWith("/") || f.contains("..") || f.contains("\\"));
    if (!id.matches("[A-Za-z0-9._-]+") || id.startsWith(".") || files.isEmpty() || !safe) {
      throw new ConfigurationException("The Vosk model index " + index + " is not valid (it needs a plain id and a"
          + " list of relative files). Use a jar made by " + DEFAULT_ARTIFACT + "'s build.");
    }
    return new ClassPathModel(name, id, p.getProperty("source", index.toString()), files, loader);
  }

  /** The cache directory name, e.g. {@code vosk-model-en-us-0.3.45}. */
  String id() {
    return id;
  }

  /** Where the files came from, e.g. {@code com.alphacephei:vosk-model-en:0.3.45}. */
  String source() {
    return source;
  }

  /** Every file of the model, relative to its directory. */
  List<String> files() {
    return files;
  }

  /** The default per-user cache root: {@code $XDG_CACHE_HOME/captions/vosk}, else {@code ~/.cache/captions/vosk}. */
  static Path defaultCacheRoot(Function<String, String> env) {
    String xdg = env.apply("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Paths.get(xdg) : Paths.get(System.getProperty("user.home"), ".cache");
    return base.resolve("captions").resolve("vosk");
  }

  /** The cache root used when the per-user one cannot be written: {@code <java.io.tmpdir>/captions-<user>/vosk}. */
  static Path temporaryCacheRoot() {
    String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
    return Paths.get(System.getProperty("java.io.tmpdir"), "captions-" + user, "vosk");
  }

  /**
   * The model's directory under the first of {@code cacheRoots} that holds a complete copy or can be written,
   * extracted first when needed. Blocks for a few seconds on first use (70 MB for the English model).
   *
   * @throws ConfigurationException when no cache root can be written, naming each and the setting that picks another
   */
  Path extract(List<Path> cacheRoots) {
    for (Path root : cacheRoots) {
      if (isComplete(root.resolve(id))) return root.resolve(id);
    }
    Map<Path, String> failures = new LinkedHashMap<>();
    for (Path root : cacheRoots) {
      try {
        return extract(root);
      } catch (IOException | UncheckedIOException e) {
        LOG.debug("Cannot extract the Vosk model to {}", root, e);
        failures.put(root, e.getMessage());
      }
    }
    throw new ConfigurationException("Cannot extract the Vosk model " + source + " to a cache directory (tried "
        + failures + "). Make one of them writable, choose another with captions.vosk.cacheDir"
        + " (CAPTIONS_VOSK_CACHE), or set captions.vosk.model (VOSK_MODEL) to an unpacked model directory.");
  }

  /** Extracts to {@code cacheRoot/<id>} unless a complete copy is there. */
  Path extract(Path cacheRoot) throws IOException {
    Path target = cacheRoot.resolve(id);
    if (isComplete(target)) return target;
    createCacheRoot(cacheRoot);
    Path tmp = Files.createTempDirectory(cacheRoot, "." + id + "-");
    try {
      long started = System.nanoTime();
      StringBuilder marker = new StringBuilder();
      for (String file : files) {
        Path out = tmp.resolve(file);
        Files.createDirectories(out.getParent());
        String resource = ROOT + name + "/" + file;
        try (InputStream in = loader.getResourceAsStream(resource)) {
          if (in == null) {
            throw new ConfigurationException("The Vosk model " + source + " lists " + file + " but the class path has"
                + " no " + resource + ". The jar is damaged or incomplete; download " + DEFAULT_ARTIFACT + " again.");
          }
          marker.append(Files.copy(in, out)).append(' ').append(file).append('\n');
        }
      }
      Files.writeString(tmp.resolve(COMPLETE_MARKER), marker.toString(), StandardCharsets.UTF_8);
      moveIntoPlace(tmp, target);
      LOG.info("Extracted the Vosk model {} to {} in {} ms", source, target, (System.nanoTime() - started) / 1_000_000);
    } finally {
      deleteRecursively(tmp);
    }
    return target;
  }

  /**
   * Creates {@code cacheRoot}. Under the shared temporary directory its {@code captions-<user>} parent is made
   * owner-only and must belong to this user, so that nobody else can plant a model there.
   */
  private static void createCacheRoot(Path cacheRoot) throws IOException {
    if (cacheRoot.equals(temporaryCacheRoot())) {
      Path mine = cacheRoot.getParent();
      try {
        Files.createDirectory(mine, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } catch (java.nio.file.FileAlreadyExistsException e) {
        String owner = Files.getOwner(mine).getName();
        if (!owner.equals(System.getProperty("user.name"))) throw new IOException(mine + " belongs to " + owner);
      } catch (UnsupportedOperationException e) {
        Files.createDirectories(mine); // not POSIX (Windows): the temporary directory is per user there
      }
    }
    Files.createDirectories(cacheRoot);
    if (!Files.isWritable(cacheRoot)) throw new IOException(cacheRoot + " is not writable");
  }

  private void moveIntoPlace(Path tmp, Path target) throws IOException {
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
        Path stale = Files.createTempDirectory(target.getParent(), "." + id + "-stale-");
        Files.delete(stale);
        try {
          Files.move(target, stale, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException gone) {
          continue;
        }
        deleteRecursively(stale);
      }
    }
    if (!isComplete(target)) throw new IOException("could not replace " + target);
  }

  /** Whether {@code dir} holds a complete copy: a marker naming every listed file, each of the size it records. */
  boolean isComplete(Path dir) {
    Path marker = dir.resolve(COMPLETE_MARKER);
    if (!Files.isRegularFile(marker)) return false;
    Map<String, Long> sizes = new LinkedHashMap<>();
    try (BufferedReader r = Files.newBufferedReader(marker, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        int space = line.indexOf(' ');
        if (space > 0) sizes.put(line.substring(space + 1), Long.parseLong(line.substring(0, space)));
      }
      if (!sizes.keySet().equals(new HashSet<>(files))) return false;
      for (Map.Entry<String, Long> f : sizes.entrySet()) {
        Path p = dir.resolve(f.getKey());
        if (!Files.isRegularFile(p) || Files.size(p) != f.getValue()) return false;
      }
      return true;
    } catch (IOException | NumberFormatException e) {
      return false;
    }
  }

  /** Deletes {@code dir} and everything in it; links are deleted, never followed ({@code Files.walk} does not). */
  static void deleteRecursively(Path dir) throws IOException {
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

  @Override
  public String toString() {
    return "ClassPathModel{" + name + ", " + source + '}';
  }
}
