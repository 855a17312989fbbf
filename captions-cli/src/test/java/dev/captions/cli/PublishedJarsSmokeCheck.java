package dev.captions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * What the build publishes, checked on the jars that {@code package} has just built: every published module has a
 * {@code -sources} and a {@code -javadoc} jar, every jar (main, sources, javadoc) carries {@code META-INF/LICENSE}
 * and {@code META-INF/NOTICE}, and the shaded {@code captions.jar} has our licence as {@code META-INF/LICENSE}, a
 * NOTICE that names the GPL FFmpeg it bundles, and the GPL's text. Runs in {@code verify} through failsafe, after
 * every module of the reactor is packaged (captions-cli depends on all the published modules, so {@code -pl
 * captions-cli -am verify} builds them first).
 */
class PublishedJarsSmokeCheck {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final List<String> PUBLISHED = List.of("captions-core", "captions-http", "captions-llm",
      "captions-testkit", "captions-webvtt", "captions-provider-gemini", "captions-provider-openai",
      "captions-provider-gcore", "captions-media-ittybit", "captions-media-ffmpeg", "captions-provider-vosk",
      "captions-cli");

  @Test
  void everyPublishedModuleHasSourcesJavadocLicenceAndNotice() throws IOException {
    for (String module : PUBLISHED) {
      Path target = ROOT.resolve(module).resolve("target");
      Path main = jar(target, module, "");
      assertThat(jar(target, module, "-sources")).as(module + " -sources jar").isNotNull();
      Path javadoc = jar(target, module, "-javadoc");
      assertThat(javadoc).as(module + " -javadoc jar").isNotNull();
      try (ZipFile zip = new ZipFile(javadoc.toFile())) {
        assertThat(zip.getEntry("index.html")).as(module + " javadoc index.html").isNotNull();
      }
      for (Path jar : List.of(main, jar(target, module, "-sources"), javadoc)) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
          assertThat(text(zip, "META-INF/LICENSE")).as(jar.getFileName() + " META-INF/LICENSE")
              .contains("Apache License", "Version 2.0, January 2004");
          assertThat(text(zip, "META-INF/NOTICE")).as(jar.getFileName() + " META-INF/NOTICE")
              .startsWith("captions\n").contains("Apache License, Version 2.0");
        }
      }
    }
  }

  @Test
  void shadedJarHasOurLicenceAndNoticeNamingWhatItBundles() throws IOException {
    Path shaded = ROOT.resolve("captions-cli/target/captions.jar");
    assertThat(shaded).as("the shaded jar, built by package").isRegularFile();
    try (ZipFile zip = new ZipFile(shaded.toFile())) {
      // Ours, not a bundled library's: this module's jar comes first in the shade and wins the path.
      assertThat(text(zip, "META-INF/LICENSE")).contains("Apache License", "Version 2.0, January 2004");
      String notice = text(zip, "META-INF/NOTICE");
      assertThat(notice).startsWith("captions\n")
          .contains("ws.schild:jave-nativebin", "GPL-3.0", "vosk-model-en", "BSD 2-Clause", "info.picocli:picocli");
      // The bundled libraries' NOTICE files are appended after ours (Apache-2.0 section 4(d)), e.g. Jackson's.
      assertThat(notice.length()).isGreaterThan(Files.readString(ROOT.resolve("NOTICE")).length());
      assertThat(notice).contains("Jackson");
      assertThat(text(zip, "META-INF/licenses/GPL-3.0.txt")).contains("GNU GENERAL PUBLIC LICENSE", "Version 3");
    }
  }

  /** The module's jar with {@code classifier} ("" for the main jar), or null when there is none. */
  private static Path jar(Path target, String module, String classifier) throws IOException {
    assertThat(target).as(target + ", built by package").isDirectory();
    try (Stream<Path> files = Files.list(target)) {
      return files.filter(p -> {
        String name = p.getFileName().toString();
        if (!name.startsWith(module + "-") || !name.endsWith(classifier + ".jar")) return false;
        String version = name.substring(module.length() + 1, name.length() - classifier.length() - ".jar".length());
        return !version.isEmpty() && Character.isDigit(version.charAt(0)) && !version.contains("-sources")
            && !version.contains("-javadoc") && !version.contains("-tests");
      }).findFirst().orElse(null);
    }
  }

  private static String text(ZipFile zip, String entry) throws IOException {
    ZipEntry e = zip.getEntry(entry);
    assertThat(e).as(zip.getName() + "!" + entry).isNotNull();
    try (InputStream in = zip.getInputStream(e)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
