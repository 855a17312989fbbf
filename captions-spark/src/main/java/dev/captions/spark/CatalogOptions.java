package dev.captions.spark;

import dev.captions.ConfigurationException;
import dev.captions.codec.CaptionFormat;
import dev.captions.model.Language;
import dev.captions.shaping.StyleProfile;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link CaptionCatalog} captions a catalogue: where the outputs go, in which formats and languages, with which
 * providers, and how the work is spread. Immutable, serialisable (it travels to the executors inside the job's tasks)
 * and thread-safe; build one with {@link #builder(String)}.
 *
 * <p>It holds <b>no secret</b>, by design: API keys never enter the plan. Executors read them from their own
 * environment (e.g. {@code GEMINI_API_KEY}) or from the Spark configuration entries
 * {@code spark.captions.secret.<VARIABLE>} (see {@link CaptionCatalog}).
 *
 * <p>The options that change what is written (formats, languages, providers, profile) make up the
 * {@link #configurationHash()} recorded next to each video's outputs; a later run with the same hash skips the video.
 * The others (partitions, concurrency) only change how the work is spread, so they are not part of it.
 */
public final class CatalogOptions implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The spoken-language value that lets the transcriber detect the language: {@link Language#AUTO}. */
  public static final String AUTO = Language.AUTO;
  /** A {@link Builder#media(String) media} name that runs without a media processor: the transcriber gets the source. */
  public static final String NO_MEDIA = "none";

  /** The output directory, a Hadoop path or URI. */
  private final String outputDirectory;
  /** The caption formats, in order. */
  private final List<CaptionFormat> formats;
  /** BCP-47, or "auto". */
  private final String spokenLanguage;
  /** BCP-47 tags. */
  private final List<String> translateTo;
  /** A provider name, or null for discovery. */
  private final String transcriber;
  /** A provider name, "none", or null for discovery. */
  private final String media;
  /** A provider name, or null for discovery. */
  private final String translator;
  /** A style profile name. */
  private final String profile;
  /** 0 for automatic. */
  private final int partitions;
  /** At least 1. */
  private final int maxConcurrentPerExecutor;

  private CatalogOptions(Builder b) {
    this.outputDirectory = b.outputDirectory;
    this.formats = List.copyOf(b.formats);
    this.spokenLanguage = b.spokenLanguage;
    this.translateTo = List.copyOf(b.translateTo);
    this.transcriber = b.transcriber;
    this.media = b.media;
    this.translator = b.translator;
    this.profile = b.profile;
    this.partitions = b.partitions;
    this.maxConcurrentPerExecutor = b.maxConcurrentPerExecutor;
  }

  /**
   * A builder writing under {@code outputDirectory}.
   *
   * @param outputDirectory a Hadoop path or URI ({@code /data/out}, {@code file:/…}, {@code hdfs://…},
   *     {@code s3a://…}) that every executor can write to
   * @return a new builder with the defaults (WebVTT and SRT, spoken language detected, providers discovered)
   * @throws NullPointerException if {@code outputDirectory} is null
   * @throws ConfigurationException if it is blank
   */
  public static Builder builder(String outputDirectory) {
    return new Builder(outputDirectory);
  }

  /** {@return the output directory as given: a Hadoop path or URI; never null} */
  public String outputDirectory() {
    return outputDirectory;
  }

  /** {@return the caption formats written for every track, in the order asked (WebVTT and SRT by default)} */
  public List<CaptionFormat> formats() {
    return formats;
  }

  /** {@return the spoken language (BCP-47), or {@link #AUTO}} */
  public String spokenLanguage() {
    return spokenLanguage;
  }

  /** {@return the languages to translate into (BCP-47), possibly empty} */
  public List<String> translateTo() {
    return translateTo;
  }

  /** {@return the transcriber's name, or empty to let discovery pick it on each executor} */
  public Optional<String> transcriber() {
    return Optional.ofNullable(transcriber);
  }

  /** {@return the media processor's name ({@link #NO_MEDIA} for none), or empty to let discovery pick it} */
  public Optional<String> media() {
    return Optional.ofNullable(media);
  }

  /** {@return the translator's name, or empty to let discovery pick one when {@link #translateTo()} is not empty} */
  public Optional<String> translator() {
    return Optional.ofNullable(translator);
  }

  /** {@return the caption style profile's name, as {@link StyleProfile#byName} takes it} */
  public String profile() {
    return profile;
  }

  /** {@return the number of partitions (tasks) to spread the videos over; 0 lets {@link CaptionCatalog} choose} */
  public int partitions() {
    return partitions;
  }

  /** {@return the most videos captioned (so providers called) at once in one executor JVM; at least 1} */
  public int maxConcurrentPerExecutor() {
    return maxConcurrentPerExecutor;
  }

  /**
   * A hex SHA-256 of everything here that changes what is written for a video (formats, languages, providers named,
   * profile), in a canonical form. The partitioning and concurrency settings and the output directory are not part
   * of it. The providers that discovery picks on an executor are added to it there (see {@link CaptionCatalog}).
   *
   * @return 64 lower-case hex digits
   */
  public String configurationHash() {
    String canonical = "formats=" + String.join(",", formats.stream().map(CaptionFormat::extension).toList())
        + "|spoken=" + spokenLanguage.toLowerCase(Locale.ROOT)
        + "|translate=" + String.join(",", translateTo).toLowerCase(Locale.ROOT)
        + "|transcriber=" + (transcriber == null ? "" : transcriber)
        + "|media=" + (media == null ? "" : media)
        + "|translator=" + (translator == null ? "" : translator)
        + "|profile=" + profile;
    return sha256(canonical);
  }

  static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder(digest.length * 2);
      for (byte b : digest) hex.append(String.format(Locale.ROOT, "%02x", b));
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }

  /** Equal when every option is. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CatalogOptions)) return false;
    CatalogOptions that = (CatalogOptions) o;
    return partitions == that.partitions && maxConcurrentPerExecutor == that.maxConcurrentPerExecutor
        && outputDirectory.equals(that.outputDirectory) && formats.equals(that.formats)
        && spokenLanguage.equals(that.spokenLanguage) && translateTo.equals(that.translateTo)
        && Objects.equals(transcriber, that.transcriber) && Objects.equals(media, that.media)
        && Objects.equals(translator, that.translator) && profile.equals(that.profile);
  }

  /** A hash of every option. */
  @Override
  public int hashCode() {
    return Objects.hash(outputDirectory, formats, spokenLanguage, translateTo, transcriber, media, translator, profile,
        partitions, maxConcurrentPerExecutor);
  }

  /** Every option, for logs (there is no secret here to hide). */
  @Override
  public String toString() {
    return "CatalogOptions{output=" + outputDirectory + ", formats=" + formats + ", spoken=" + spokenLanguage
        + ", translateTo=" + translateTo + ", transcriber=" + (transcriber == null ? "auto" : transcriber)
        + ", media=" + (media == null ? "auto" : media) + ", translator=" + (translator == null ? "auto" : translator)
        + ", profile=" + profile + ", partitions=" + (partitions == 0 ? "auto" : partitions)
        + ", maxConcurrentPerExecutor=" + maxConcurrentPerExecutor + '}';
  }

  /** Builds {@link CatalogOptions}. Not thread-safe. */
  public static final class Builder {
    private final String outputDirectory;
    private final List<CaptionFormat> formats = new ArrayList<>(List.of(CaptionFormat.WEBVTT, CaptionFormat.SRT));
    private String spokenLanguage = AUTO;
    private final List<String> translateTo = new ArrayList<>();
    private String transcriber;
    private String media;
    private String translator;
    private String profile = "netflix";
    private int partitions;
    private int maxConcurrentPerExecutor = 2;

    private Builder(String outputDirectory) {
      this.outputDirectory = Objects.requireNonNull(outputDirectory, "outputDirectory == null");
      if (outputDirectory.isBlank()) throw new ConfigurationException("The output directory is blank; give a path or URI.");
    }

    /**
     * The caption formats to write (duplicates are dropped; order kept). Default: WebVTT and SRT.
     *
     * @param formats one or more formats
     * @return this builder
     * @throws ConfigurationException when none is given
     */
    public Builder formats(CaptionFormat... formats) {
      if (formats.length == 0) throw new ConfigurationException("Give at least one caption format (vtt, srt, json, ttml, ass).");
      this.formats.clear();
      for (CaptionFormat f : new LinkedHashSet<>(List.of(formats))) this.formats.add(Objects.requireNonNull(f, "format == null"));
      return this;
    }

    /**
     * The spoken language.
     *
     * @param language BCP-47, e.g. {@code "en"}, or {@link #AUTO} (the default) to detect it; checked by {@link #build()}
     * @return this builder
     */
    public Builder spokenLanguage(String language) {
      this.spokenLanguage = Objects.requireNonNull(language, "language == null").trim();
      return this;
    }

    /**
     * Also translate into these languages; replaces any set before.
     *
     * @param languages BCP-47 tags, checked by {@link #build()}
     * @return this builder
     */
    public Builder translateTo(String... languages) {
      this.translateTo.clear();
      for (String l : languages) this.translateTo.add(Objects.requireNonNull(l, "language == null").trim());
      return this;
    }

    /**
     * The transcriber by name.
     *
     * @param name ({@code vosk}, {@code gemini}, {@code openai}, {@code gcore}), or null (or blank) to let discovery pick it on each executor
     * @return this builder
     */
    public Builder transcriber(String name) {
      this.transcriber = blankToNull(name);
      return this;
    }

    /**
     * The media processor by name.
     *
     * @param name ({@code ffmpeg}, {@code ittybit}, {@link #NO_MEDIA}), or null (or blank) to let discovery pick it on each executor
     * @return this builder
     */
    public Builder media(String name) {
      this.media = blankToNull(name);
      return this;
    }

    /**
     * The translator by name.
     *
     * @param name ({@code gemini}, {@code openai}), or null (or blank) to let discovery pick it on each executor
     * @return this builder
     */
    public Builder translator(String name) {
      this.translator = blankToNull(name);
      return this;
    }

    /**
     * The caption style profile.
     *
     * @param name {@code netflix} (the default), {@code netflix-children}, {@code bbc} or {@code dcmp}
     * @return this builder
     * @throws ConfigurationException for an unknown name
     */
    public Builder profile(String name) {
      try {
        StyleProfile.byName(Objects.requireNonNull(name, "name == null"));
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException("Unknown caption profile '" + name + "'; use netflix, netflix-children, bbc or dcmp.");
      }
      this.profile = name;
      return this;
    }

    /**
     * The number of partitions (Spark tasks) to spread the videos over; 0 (the default) chooses from the catalogue's
     * size and the cluster's parallelism.
     *
     * @param partitions 0 or more
     * @return this builder
     * @throws ConfigurationException when negative
     */
    public Builder partitions(int partitions) {
      if (partitions < 0) throw new ConfigurationException("partitions must be 0 (automatic) or more, not " + partitions);
      this.partitions = partitions;
      return this;
    }

    /**
     * At most this many videos captioned at once in one executor JVM, whatever its number of cores (default 2): a
     * bound on concurrent provider calls, for rate limits and for the memory each run takes.
     *
     * @param max 1 or more
     * @return this builder
     * @throws ConfigurationException when less than 1
     */
    public Builder maxConcurrentPerExecutor(int max) {
      if (max < 1) throw new ConfigurationException("max concurrent videos per executor must be at least 1, not " + max);
      this.maxConcurrentPerExecutor = max;
      return this;
    }

    /**
     * The options.
     *
     * @return immutable options
     * @throws ConfigurationException when a language is not a BCP-47 tag
     */
    public CatalogOptions build() {
      if (!spokenLanguage.equalsIgnoreCase(AUTO) && !isLanguageTag(spokenLanguage)) {
        throw new ConfigurationException("'" + spokenLanguage + "' is not a BCP-47 language tag or \"auto\"");
      }
      for (String l : translateTo) {
        if (!isLanguageTag(l)) throw new ConfigurationException("'" + l + "' is not a BCP-47 language tag (e.g. \"es\", \"pt-BR\")");
      }
      return new CatalogOptions(this);
    }

    private static boolean isLanguageTag(String s) {
      return s.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");
    }

    private static String blankToNull(String s) {
      return s == null || s.isBlank() ? null : s.trim();
    }
  }
}
