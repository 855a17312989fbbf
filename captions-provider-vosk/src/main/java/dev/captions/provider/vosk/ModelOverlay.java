package dev.captions.provider.vosk;

import dev.captions.ConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A model directory that is another model with some lines of its {@code conf/model.conf} replaced. Vosk reads a
 * model's decoder settings from that file only (its API has no per-recogniser beam), so {@link DecoderSettings} are
 * applied by loading the model from such an overlay: {@code <cache root>/overlays/<model name>-<hash>/}, whose
 * {@code conf/} holds copies of the model's configuration files (model.conf rewritten) and whose other entries are
 * symbolic links to the model's own (copies where the file system has no links). The model's files are never changed.
 *
 * <p>Made once per model and settings (the hash covers both), in a temporary directory renamed into place, with a
 * marker written last; a JVM that loses a race uses the winner's. Stateless; thread-safe.
 */
final class ModelOverlay {
  private static final Logger LOG = LoggerFactory.getLogger(ModelOverlay.class);
  private static final String MARKER = ".overlay";

  private ModelOverlay() {}

  /**
   * The overlay of {@code model} with {@code options} (Kaldi option names without dashes) under the first of
   * {@code cacheRoots} that has it or can be written; {@code model} itself when there are no options.
   *
   * @throws ConfigurationException when the model has no {@code conf/model.conf} or no cache root can be written
   */
  static Path of(Path model, Map<String, String> options, List<Path> cacheRoots) {
    if (options.isEmpty()) return model;
    Path source = model.toAbsolutePath().normalize();
    Path conf = source.resolve("conf").resolve("model.conf");
    String rewritten;
    try {
      rewritten = rewrite(Files.readString(conf, StandardCharsets.UTF_8), options);
    } catch (IOException e) {
      throw new ConfigurationException("Cannot read " + conf + " to apply the Vosk decoder settings " + options + " ("
          + e.getMessage() + "). Use DecoderSettings.model() to load the model as it is.");
    }
    String marker = source + "\n" + rewritten;
    String name = source.getFileName() + "-" + hash(marker);
    List<String> failures = new ArrayList<>();
    for (Path root : cacheRoots) {
      Path target = root.resolve("overlays").resolve(name);
      try {
        if (!isComplete(target, marker)) create(source, target, rewritten, marker);
        return target;
      } catch (IOException | UncheckedIOException e) {
        LOG.debug("Cannot make the Vosk model overlay {}", target, e);
        failures.add(target + ": " + e.getMessage());
      }
    }
    throw new ConfigurationException("Cannot write the Vosk decoder settings " + options + " next to a copy of the"
        + " model's configuration (" + String.join("; ", failures) + "). Make the cache directory writable (or choose"
        + " another with captions.vosk.cacheDir), or use DecoderSettings.model().");
  }

  /**
   * {@code modelConf} with each option in {@code options} set: an existing {@code --name=value} line is replaced in
   * place, a missing one is added at the end.
   */
  static String rewrite(String modelConf, Map<String, String> options) {
    Map<String, String> left = new LinkedHashMap<>(options);
    StringBuilder out = new StringBuilder();
    for (String line : modelConf.split("\r?\n", -1)) {
      String trimmed = line.strip();
      int eq = trimmed.indexOf('=');
      String key = trimmed.startsWith("--") && eq > 2 ? trimmed.substring(2, eq) : null;
      if (key != null && left.containsKey(key)) {
        out.append("--").append(key).append('=').append(left.remove(key)).append('\n');
      } else if (!trimmed.isEmpty()) {
        out.append(line).append('\n');
      }
    }
    left.forEach((k, v) -> out.append("--").append(k).append('=').append(v).append('\n'));
    return out.toString();
  }

  private static boolean isComplete(Path dir, String marker) {
    try {
      return Files.readString(dir.resolve(MARKER), StandardCharsets.UTF_8).equals(marker);
    } catch (IOException e) {
      return false;
    }
  }

  private static void create(Path source, Path target, String modelConf, String marker) throws IOException {
    Files.createDirectories(target.getParent());
    Path tmp = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + "-");
    try {
      try (Stream<Path> entries = Files.list(source)) {
        for (Path entry : (Iterable<Path>) entries::iterator) {
          String name = entry.getFileName().toString();
          if (name.equals("conf") || name.startsWith(".")) continue;
          link(entry, tmp.resolve(name));
        }
      }
      Path conf = Files.createDirectory(tmp.resolve("conf"));
      try (Stream<Path> files = Files.list(source.resolve("conf"))) {
        for (Path f : (Iterable<Path>) files::iterator) {
          if (Files.isRegularFile(f)) Files.copy(f, conf.resolve(f.getFileName().toString()));
        }
      }
      Files.writeString(conf.resolve("model.conf"), modelConf, StandardCharsets.UTF_8);
      Files.writeString(tmp.resolve(MARKER), marker, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileSystemException e) {
        if (isComplete(target, marker)) return; // another thread or JVM made it first
        throw e;
      }
      LOG.debug("Made the Vosk model overlay {} of {}", target, source);
    } finally {
      ClassPathModel.deleteRecursively(tmp);
    }
  }

  /** A symbolic link to {@code entry}, or a copy where links cannot be made (Windows without the privilege). */
  private static void link(Path entry, Path at) throws IOException {
    try {
      Files.createSymbolicLink(at, entry);
    } catch (UnsupportedOperationException | FileSystemException e) {
      try (Stream<Path> walk = Files.walk(entry)) {
        for (Path p : (Iterable<Path>) walk::iterator) {
          Path copy = at.resolve(entry.relativize(p).toString());
          if (Files.isDirectory(p)) Files.createDirectories(copy);
          else Files.copy(p, copy);
        }
      }
    }
  }

  private static String hash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
