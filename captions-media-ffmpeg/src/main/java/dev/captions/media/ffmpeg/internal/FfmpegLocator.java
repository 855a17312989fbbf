package dev.captions.media.ffmpeg.internal;

import dev.captions.ConfigurationException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;

/**
 * Finds an FFmpeg binary, in this order: a configured path; the static build inside a
 * {@code ws.schild:jave-nativebin-<platform>} jar on the class path (extracted once to a per-user cache); {@code ffmpeg}
 * on {@code PATH}. Stateless; each call does the lookup again (callers memoise).
 */
public final class FfmpegLocator {
  /** Where jave keeps its binaries inside its jars. */
  static final String JAVE_DIR = "ws/schild/jave/nativebin/";

  private final Path configuredPath;
  private final Path cacheRoot;
  private final ClassLoader classLoader;
  private final Function<String, String> environment;
  private final String osName;
  private final String osArch;

  /**
   * @param configuredPath an explicit binary, or null
   * @param cacheRoot the directory under which {@code <jave-artifact>-<version>/} is made
   * @param environment looks up environment variables ({@code PATH})
   */
  public FfmpegLocator(Path configuredPath, Path cacheRoot, ClassLoader classLoader,
      Function<String, String> environment, String osName, String osArch) {
    this.configuredPath = configuredPath;
    this.cacheRoot = cacheRoot;
    this.classLoader = classLoader;
    this.environment = environment;
    this.osName = osName.toLowerCase(Locale.ROOT);
    this.osArch = osArch.toLowerCase(Locale.ROOT);
  }

  /** The default per-user cache: {@code $XDG_CACHE_HOME/captions/ffmpeg} or {@code ~/.cache/captions/ffmpeg}. */
  public static Path defaultCacheRoot(Function<String, String> environment) {
    String xdg = environment.apply("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Paths.get(xdg) : Paths.get(System.getProperty("user.home"), ".cache");
    return base.resolve("captions").resolve("ffmpeg");
  }

  /**
   * @throws ConfigurationException when the configured path is not an executable file, or when no binary is found,
   *     naming all three ways to provide one
   */
  public FfmpegBinary locate() {
    if (configuredPath != null) {
      if (!Files.isRegularFile(configuredPath) || !Files.isExecutable(configuredPath)) {
        throw new ConfigurationException("The configured FFmpeg binary " + configuredPath
            + " is not an executable file. Fix captions.ffmpeg.path / FFMPEG_PATH, or unset it to use the bundled"
            + " static build or ffmpeg on PATH.");
      }
      return new FfmpegBinary(configuredPath, "configured path");
    }
    FfmpegBinary bundled = fromClassPath();
    if (bundled != null) return bundled;
    Path onPath = onPath();
    if (onPath != null) return new FfmpegBinary(onPath, "PATH");
    throw new ConfigurationException("No FFmpeg binary found. Tried, in order: "
        + "(1) a configured path: none set (set the system property captions.ffmpeg.path, the environment variable"
        + " FFMPEG_PATH, or FfmpegMediaProcessor.builder().ffmpegPath(...)); "
        + "(2) the static build in a ws.schild:jave-nativebin-<platform> jar on the class path: none for "
        + osName + "/" + osArch + " (looked for " + resourceNames() + "; add e.g. ws.schild:" + suggestedArtifact()
        + ":3.5.0); "
        + "(3) ffmpeg on PATH: not found (install FFmpeg, e.g. apt-get install ffmpeg or brew install ffmpeg).");
  }

  /** The resource names jave uses for this platform, most likely first. */
  List<String> resourceNames() {
    boolean windows = osName.contains("win");
    boolean mac = osName.contains("mac") || osName.contains("darwin");
    String suffix = windows ? ".exe" : mac ? "-osx" : "";
    List<String> arches = new ArrayList<>();
    if (osArch.equals("amd64") || osArch.equals("x86_64")) {
      arches.add("amd64");
      arches.add("x86_64");
    } else if (osArch.equals("aarch64") || osArch.equals("arm64")) {
      arches.add("aarch64");
      arches.add("arm64");
    } else {
      arches.add(osArch);
    }
    List<String> names = new ArrayList<>();
    for (String a : arches) names.add(JAVE_DIR + "ffmpeg-" + a + suffix);
    return names;
  }

  private String suggestedArtifact() {
    boolean arm = osArch.contains("aarch64") || osArch.contains("arm");
    if (osName.contains("win")) return "jave-nativebin-win64";
    if (osName.contains("mac") || osName.contains("darwin")) return arm ? "jave-nativebin-osxm1" : "jave-nativebin-osx64";
    return arm ? "jave-nativebin-linux-arm64" : "jave-nativebin-linux64";
  }

  private FfmpegBinary fromClassPath() {
    for (String name : resourceNames()) {
      URL url = classLoader.getResource(name);
      if (url == null) continue;
      String version = jarName(url);
      if (!version.startsWith("jave-nativebin")) version = shadedVersion(version);
      String fileName = name.substring(JAVE_DIR.length());
      Path dir = cacheRoot.resolve(version);
      Path binary = CachedResource.extract(url, dir, fileName, knownSha256(version + "/" + fileName), true);
      return new FfmpegBinary(binary, "bundled " + version);
    }
    return null;
  }

  /** {@code jave-nativebin-linux64-3.5.0} for a resource inside that jar; a fixed name when not in a jar. */
  static String jarName(URL url) {
    String s = url.toString();
    int bang = s.indexOf("!/");
    if (!s.startsWith("jar:") || bang < 0) return "unpacked";
    String jar = s.substring(0, bang);
    jar = jar.substring(jar.lastIndexOf('/') + 1);
    return jar.endsWith(".jar") ? jar.substring(0, jar.length() - 4) : jar;
  }

  /**
   * Inside a fat jar (e.g. captions.jar) the binary's own jar name is gone; its pom.properties survive shading and
   * give the same {@code jave-nativebin-<platform>-<version>} key, so the cache and the known checksum still apply.
   */
  private String shadedVersion(String fallback) {
    String artifact = suggestedArtifact();
    try (InputStream in = classLoader.getResourceAsStream("META-INF/maven/ws.schild/" + artifact + "/pom.properties")) {
      if (in == null) return fallback;
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version");
      return v == null ? fallback : artifact + "-" + v;
    } catch (IOException e) {
      return fallback;
    }
  }

  private static String knownSha256(String key) {
    Properties p = new Properties();
    try (InputStream in = FfmpegLocator.class.getResourceAsStream("ffmpeg-sha256.properties")) {
      if (in == null) return null;
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty(key);
  }

  private Path onPath() {
    String path = environment.apply("PATH");
    if (path == null) return null;
    boolean windows = osName.contains("win");
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isBlank()) continue;
      for (String exe : windows ? List.of("ffmpeg.exe", "ffmpeg") : List.of("ffmpeg")) {
        Path candidate = Paths.get(dir, exe);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return candidate;
      }
    }
    return null;
  }
}
