package dev.captions.provider.vosk;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * How hard Kaldi's decoder searches and how much audio its acoustic network scores at once: the speed/accuracy knobs of
 * a Vosk model. A model reads them from its {@code conf/model.conf}; settings given here are written over that file in
 * a copy of the model's configuration (the model's own files are linked, never changed; see {@link
 * VoskTranscriber.Builder#decoderSettings}). A setting left unset keeps the model's value.
 *
 * <ul>
 *   <li>{@link Builder#framesPerChunk}: frames the network scores per call ({@code --frames-per-chunk}; Kaldi's
 *       default is 20). Larger batches cost less CPU per frame; the latency they add does not matter for files.
 *   <li>{@link Builder#beam}: how far below the best hypothesis a hypothesis may score and still be kept
 *       ({@code --beam}; 10 in the bundled model). Lower is faster and can lose words.
 *   <li>{@link Builder#maxActive}: the most hypotheses kept per frame ({@code --max-active}; 3000 in the bundled
 *       model).
 *   <li>{@link Builder#latticeBeam}: the lattice pruning beam ({@code --lattice-beam}; 2 in the bundled model).
 * </ul>
 *
 * <p>{@link #defaults()} is what the transcriber and the aligner use unless told otherwise: measured in
 * {@code captions-provider-vosk/README.md} ("Decoder settings"). Immutable and thread-safe.
 */
public final class DecoderSettings {
  private static final DecoderSettings MODEL = new Builder().build();
  private static final DecoderSettings DEFAULTS = new Builder().framesPerChunk(150).beam(9.0).build();

  private final OptionalInt framesPerChunk;
  private final OptionalDouble beam;
  private final OptionalInt maxActive;
  private final OptionalDouble latticeBeam;

  private DecoderSettings(Builder b) {
    this.framesPerChunk = b.framesPerChunk;
    this.beam = b.beam;
    this.maxActive = b.maxActive;
    this.latticeBeam = b.latticeBeam;
  }

  /**
   * {@return the settings used unless others are given: frames per chunk 150 and beam 9, the model's other settings}
   * On the bundled small English model this takes 35-50 % less CPU than the model's own settings (beam 10,
   * Kaldi's 20 frames per chunk), with the same word error rate on the speech benchmarks; grammar-limited decoding
   * (alignment) about a third less. Figures and commands: {@code captions-provider-vosk/README.md}.
   */
  public static DecoderSettings defaults() {
    return DEFAULTS;
  }

  /** {@return no settings of our own: the model's {@code conf/model.conf} as it is} */
  public static DecoderSettings model() {
    return MODEL;
  }

  /** {@return a builder with nothing set (the model's values)} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding these settings} */
  public Builder newBuilder() {
    Builder b = new Builder();
    b.framesPerChunk = framesPerChunk;
    b.beam = beam;
    b.maxActive = maxActive;
    b.latticeBeam = latticeBeam;
    return b;
  }

  /** {@return frames scored per network call, or empty for the model's value} */
  public OptionalInt framesPerChunk() {
    return framesPerChunk;
  }

  /** {@return the search beam, or empty for the model's value} */
  public OptionalDouble beam() {
    return beam;
  }

  /** {@return the most hypotheses per frame, or empty for the model's value} */
  public OptionalInt maxActive() {
    return maxActive;
  }

  /** {@return the lattice beam, or empty for the model's value} */
  public OptionalDouble latticeBeam() {
    return latticeBeam;
  }

  /** {@return whether nothing is set, so the model is used as it is} */
  public boolean isModelAsIs() {
    return kaldiOptions().isEmpty();
  }

  /** The set values as Kaldi options without the leading dashes, e.g. {@code frames-per-chunk -> 150}, in a fixed order. */
  Map<String, String> kaldiOptions() {
    Map<String, String> o = new LinkedHashMap<>();
    framesPerChunk.ifPresent(v -> o.put("frames-per-chunk", Integer.toString(v)));
    beam.ifPresent(v -> o.put("beam", number(v)));
    maxActive.ifPresent(v -> o.put("max-active", Integer.toString(v)));
    latticeBeam.ifPresent(v -> o.put("lattice-beam", number(v)));
    return o;
  }

  private static String number(double v) {
    return String.format(Locale.ROOT, "%s", v);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DecoderSettings && kaldiOptions().equals(((DecoderSettings) o).kaldiOptions());
  }

  @Override
  public int hashCode() {
    return Objects.hash(kaldiOptions());
  }

  @Override
  public String toString() {
    return isModelAsIs() ? "DecoderSettings{model}" : "DecoderSettings" + kaldiOptions();
  }

  /** Builds {@link DecoderSettings}. Not thread-safe. */
  public static final class Builder {
    private OptionalInt framesPerChunk = OptionalInt.empty();
    private OptionalDouble beam = OptionalDouble.empty();
    private OptionalInt maxActive = OptionalInt.empty();
    private OptionalDouble latticeBeam = OptionalDouble.empty();

    private Builder() {}

    /**
     * Frames (10 ms each, before the model's frame subsampling) the acoustic network scores per call.
     *
     * @param frames 1 to 10,000
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder framesPerChunk(int frames) {
      if (frames < 1 || frames > 10_000) {
        throw new IllegalArgumentException("framesPerChunk must be 1 to 10000, but is " + frames);
      }
      this.framesPerChunk = OptionalInt.of(frames);
      return this;
    }

    /**
     * The search beam (log-likelihood units).
     *
     * @param beam above 0 and at most 100
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder beam(double beam) {
      this.beam = OptionalDouble.of(positive("beam", beam));
      return this;
    }

    /**
     * The most hypotheses kept per frame.
     *
     * @param maxActive 1 to 1,000,000
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder maxActive(int maxActive) {
      if (maxActive < 1 || maxActive > 1_000_000) {
        throw new IllegalArgumentException("maxActive must be 1 to 1000000, but is " + maxActive);
      }
      this.maxActive = OptionalInt.of(maxActive);
      return this;
    }

    /**
     * The lattice pruning beam (log-likelihood units).
     *
     * @param latticeBeam above 0 and at most 100
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder latticeBeam(double latticeBeam) {
      this.latticeBeam = OptionalDouble.of(positive("latticeBeam", latticeBeam));
      return this;
    }

    private static double positive(String name, double v) {
      if (!(v > 0 && v <= 100)) throw new IllegalArgumentException(name + " must be above 0 and at most 100, but is " + v);
      return v;
    }

    /** {@return the settings} */
    public DecoderSettings build() {
      return new DecoderSettings(this);
    }
  }
}
