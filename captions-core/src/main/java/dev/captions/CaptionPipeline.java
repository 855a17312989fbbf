package dev.captions;

import dev.captions.InvalidMediaException.Reason;
import dev.captions.chunking.ChunkLimits;
import dev.captions.align.AlignedTranscript;
import dev.captions.align.AlignmentMode;
import dev.captions.align.TimingAligner;
import dev.captions.chunking.ChunkedTranscriber;
import dev.captions.codec.CaptionCodec;
import dev.captions.codec.CaptionCodecs;
import dev.captions.codec.CaptionFormat;
import dev.captions.codec.Diagnostic;
import dev.captions.internal.AtomicFiles;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Language;
import dev.captions.model.Cue;
import dev.captions.model.Frame;
import dev.captions.model.MediaInfo;
import dev.captions.model.MediaRef;
import dev.captions.model.MediaSource;
import dev.captions.model.Timecodes;
import dev.captions.model.TrackKind;
import dev.captions.model.Transcript;
import dev.captions.model.VideoSummary;
import dev.captions.shaping.CaptionQualityReport;
import dev.captions.shaping.CaptionShaper;
import dev.captions.shaping.ShapingResult;
import dev.captions.shaping.StyleProfile;
import dev.captions.spi.Async;
import dev.captions.spi.AudioOptions;
import dev.captions.spi.BurnInOptions;
import dev.captions.spi.FrameOptions;
import dev.captions.spi.MediaOperation;
import dev.captions.spi.MediaProcessor;
import dev.captions.spi.MuxOptions;
import dev.captions.spi.Provider;
import dev.captions.spi.Summarizer;
import dev.captions.spi.SummaryRequest;
import dev.captions.spi.TimingSource;
import dev.captions.spi.Transcriber;
import dev.captions.spi.TranscriptionOptions;
import dev.captions.spi.TranslationOptions;
import dev.captions.spi.Translator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Video in, captions out: probe → extract audio → transcribe → repair and shape → write → translate → summarize →
 * burn in. Built once with {@link Captions#pipeline()}, run any number of times:
 *
 * <pre>{@code
 * CaptionPipeline pipeline = Captions.pipeline()
 *     .spokenLanguage("en")
 *     .translateTo("es", "fr")
 *     .outputs(Path.of("out"), CaptionFormat.WEBVTT, CaptionFormat.SRT)
 *     .build();
 * PipelineResult result = pipeline.run(MediaSource.of(Path.of("talk.mp4")));
 * }</pre>
 *
 * <p><b>Threading:</b> an instance is immutable and thread-safe; concurrent runs share the providers, which are
 * thread-safe by contract. <b>Blocking:</b> {@link #run} blocks for the whole run and honours interruption;
 * {@link #runAsync}'s future interrupts the run when cancelled.
 *
 * <p>Output files are written atomically; a failed run leaves no half-written file behind (files of stages that
 * finished before the failure stay, complete).
 */
public final class CaptionPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(CaptionPipeline.class);

  private final MediaProcessor media;
  private final Transcriber transcriber;
  private final Translator translator;
  private final Summarizer summarizer;
  private final String sourceLanguage;
  private final List<String> targetLanguages;
  private final Path outputDirectory;
  private final List<CaptionFormat> formats;
  private final String baseName;
  private final boolean summarize;
  private final boolean burnIn;
  private final BurnInOptions burnInOptions;
  private final String burnInLanguage;
  private final boolean mux;
  private final boolean highlightWords;
  private final CaptionShaper shaper;
  private final ProgressListener progress;
  /** The prompt and vocabulary every transcription gets (the run adds language, duration and progress). */
  private final TranscriptionOptions transcriptionHints;
  private final boolean speakers;
  private final Map<String, String> speakerNames;
  /** The transcriber behind the long-media engine: chunks at pauses, concurrent calls, stitching. */
  private final Transcriber chunked;
  /** Translations into several languages run at most this many at once per run. */
  private final int maxConcurrentTranslations;
  private final AlignmentMode alignTiming;
  /** The aligners to try, best first (the first that supports the spoken language is used). */
  private final List<Supplier<TimingAligner>> aligners;

  private CaptionPipeline(Builder b, MediaProcessor media, Transcriber transcriber, Translator translator,
      Summarizer summarizer) {
    this.media = media;
    this.transcriber = transcriber;
    this.translator = translator;
    this.summarizer = summarizer;
    this.sourceLanguage = b.sourceLanguage;
    this.targetLanguages = List.copyOf(b.targetLanguages);
    this.outputDirectory = b.outputDirectory;
    this.formats = List.copyOf(b.formats); // in the order asked: files are written and listed in that order
    this.baseName = b.baseName;
    this.summarize = b.summarize;
    this.burnIn = b.burnIn;
    this.burnInOptions = b.burnInOptions;
    this.burnInLanguage = b.burnInLanguage;
    this.mux = b.mux;
    this.highlightWords = b.highlightWords;
    this.shaper = CaptionShaper.of(b.profile);
    this.progress = b.progress;
    this.transcriptionHints = TranscriptionOptions.builder().prompt(b.prompt).vocabulary(b.vocabulary).build();
    this.speakers = b.speakers;
    this.speakerNames = Map.copyOf(b.speakerNames);
    this.maxConcurrentTranslations = b.maxConcurrentTranslations;
    this.alignTiming = b.alignTiming;
    this.aligners = b.aligner != null ? List.of(() -> b.aligner) : Captions.aligners();
    this.chunked = transcriber instanceof ChunkedTranscriber ? transcriber
        : ChunkedTranscriber.builder(transcriber).mediaProcessor(media).build();
  }

  /** A new builder; applications start with {@link Captions#pipeline()}. */
  static Builder builder() {
    return new Builder();
  }

  /** {@return the transcriber this pipeline uses (set on the builder or found by discovery); never null} */
  public Transcriber transcriber() {
    return transcriber;
  }

  /**
   * The media processor this pipeline uses, or empty when it runs without one ({@link Builder#withoutMediaProcessor()},
   * or none was found and the transcriber takes the source as it is).
   *
   * @return the media processor, or empty
   */
  public Optional<MediaProcessor> mediaProcessor() {
    return Optional.ofNullable(media);
  }

  /**
   * Runs the pipeline on the SDK's shared pool of daemon threads; see {@link #runAsync(MediaSource, Executor)}.
   *
   * @param source the video or audio to caption; not null
   * @return a future of the result; {@code cancel(true)} interrupts the run
   */
  public CompletableFuture<PipelineResult> runAsync(MediaSource source) {
    return Async.supply(() -> run(source));
  }

  /**
   * Runs the pipeline on {@code executor}. The future completes with the result, or exceptionally with the
   * exception {@link #run} would throw; {@code cancel(true)} interrupts the worker, which stops polling, kills
   * subprocesses and cancels provider jobs it created.
   *
   * @param source the video or audio to caption; not null
   * @param executor where the run's blocking work happens; not null
   * @return a future of the result
   */
  public CompletableFuture<PipelineResult> runAsync(MediaSource source, Executor executor) {
    Objects.requireNonNull(executor, "executor == null");
    return Async.supply(() -> run(source), executor);
  }

  /**
   * Runs every configured stage on {@code source}.
   *
   * @param source the video or audio to caption; not null
   * @return the tracks, files, quality report, summary and timings of the run
   * @throws InvalidMediaException when the source is missing, empty, has no audio, or is of a kind the providers
   *     cannot take (checked before any provider is called)
   * @throws ProviderException when a provider fails
   * @throws java.util.concurrent.CancellationException when interrupted
   */
  public PipelineResult run(MediaSource source) {
    Objects.requireNonNull(source, "source == null");
    checkSource(source);
    Run run = new Run();
    java.util.concurrent.Semaphore translationSlots = new java.util.concurrent.Semaphore(maxConcurrentTranslations);
    String base = baseName != null ? baseName : stripExtension(source.name());

    MediaInfo info = null;
    if (media != null && media.supports(MediaOperation.PROBE) && accepts(media, source)) {
      info = run.stage(PipelineStage.PROBE, () -> media.probe(source));
      if (!info.hasAudio()) {
        throw new InvalidMediaException(Reason.NO_STREAM, source.name() + " has no audio stream, so there is nothing to caption. "
            + "Give a video or audio file with sound.");
      }
    }
    // The media's length, from the first that knows it: the probe, the audio job's output, the transcriber's reply.
    OptionalLong durationMs = info != null && info.durationMs() > 0 ? OptionalLong.of(info.durationMs())
        : OptionalLong.empty();
    durationMs.ifPresent(d -> run.mediaDurationMs = d);
    checkLength(source, durationMs);

    MediaSource audio = source;
    Path tempAudio = null;
    try {
      if (extractsAudio(media, transcriber) && accepts(media, source)) {
        MediaRef ref = run.stage(PipelineStage.EXTRACT_AUDIO,
            () -> media.extractAudio(source, AudioOptions.defaults().withProgress(run.forward(PipelineStage.EXTRACT_AUDIO))));
        audio = ref.source();
        if (audio.isFile()) tempAudio = audio.path();
        if (durationMs.isEmpty() && ref.durationMs().isPresent() && ref.durationMs().getAsLong() > 0) {
          durationMs = ref.durationMs();
          run.mediaDurationMs = durationMs.getAsLong();
        }
      }
      transcriber.checkInput(audio);
      if (!accepts(transcriber, audio)) {
        throw new InvalidMediaException(Reason.UNSUPPORTED_SOURCE, "Transcriber '" + transcriber.name() + "' needs " + transcriber.acceptedSources()
            + " input but got a " + audio.kind().name().toLowerCase(Locale.ROOT) + " (" + audio.name() + "). "
            + (audio.isFile() ? "Upload the file and pass MediaSource.ofUrl(\"https://…\"), or use a transcriber that "
                + "takes local files (vosk, openai, gemini)." : "Use a transcriber that accepts this input."));
      }
      MediaSource audioIn = audio;
      TranscriptionOptions.Builder tb = transcriptionHints.toBuilder().language(sourceLanguage)
          .progress(run.forward(PipelineStage.TRANSCRIBE)).speakers(speakers);
      durationMs.ifPresent(tb::mediaDurationMs);
      TranscriptionOptions topts = tb.build();
      Transcript transcript = run.stage(PipelineStage.TRANSCRIBE, () -> chunked.transcribe(audioIn, topts));
      // The probe's (or the audio job's) length wins over the transcriber's: extracted audio can run a few
      // milliseconds past the container's end (encoder priming), and cues must not.
      if (durationMs.isPresent() && transcript.mediaDurationMs().orElse(-1) != durationMs.getAsLong()) {
        transcript = transcript.toBuilder().mediaDurationMs(durationMs.getAsLong()).build();
      }
      transcript.mediaDurationMs().ifPresent(d -> run.mediaDurationMs = d);
      if (transcript.language().equals(Language.UNDETERMINED) && !sourceLanguage.equals(Language.AUTO)) {
        transcript = transcript.toBuilder().language(sourceLanguage).build();
      }
      if (transcript.isEmpty()) LOG.warn("No speech found in {}; the caption track is empty.", source.name());

      List<String> alignNotes = new ArrayList<>();
      AlignedTranscript aligned = align(run, transcript, audio, tempAudio != null, alignNotes);
      if (aligned != null) transcript = aligned.transcript();
      if (speakers) transcript = named(transcript);
      Transcript shapedFrom = transcript;
      ShapingResult shaped = run.stage(PipelineStage.SHAPE, () -> shaper.shape(shapedFrom));
      CaptionTrack captions = shaped.track();
      CaptionQualityReport quality = shaped.report();
      if (aligned != null) quality = quality.withAlignment(aligned.report());
      for (String note : alignNotes) quality = quality.withNote(note);
      if (transcript.mediaDurationMs().isEmpty()) {
        quality = quality.withNote("media length unknown (no probe, no duration from the media processor or the "
            + "transcriber): cues past the end of the media could not be dropped");
        LOG.warn("The length of {} is unknown; cues past its end could not be dropped.", source.name());
      }
      LOG.info("Captions for {}: {} cues; {}", source.name(), captions.cues().size(), quality.summary());

      Map<String, CaptionTrack> tracks = new LinkedHashMap<>();
      tracks.put(captions.language(), captions);
      run.stage(PipelineStage.WRITE, () -> write(run, base, captions));

      // From here on the stages need only the captions: translations (bounded), the summary and burn-in overlap,
      // and each translated track is written as soon as it is ready.
      List<String> languages = new ArrayList<>();
      for (String lang : targetLanguages) {
        if (!lang.equalsIgnoreCase(captions.language()) && !languages.contains(lang)) languages.add(lang);
      }
      // Checked before any translation is paid for: burn-in of a language no track will have.
      if (burnIn && burnInLanguage != null && !burnInLanguage.equalsIgnoreCase(captions.language())
          && languages.stream().noneMatch(burnInLanguage::equalsIgnoreCase)) {
        List<String> all = new ArrayList<>();
        all.add(captions.language());
        all.addAll(languages);
        throw new ConfigurationException("burnInLanguage(\"" + burnInLanguage + "\") names no written track; the "
            + "tracks are " + all + ". Translate into it, or burn in one of those.");
      }
      long known = transcript.mediaDurationMs().orElse(captions.endMs());
      boolean exact = transcript.mediaDurationMs().isPresent();
      Map<String, CompletableFuture<CaptionTrack>> translations = new LinkedHashMap<>();
      CompletableFuture<VideoSummary> summaryFuture = null;
      CompletableFuture<MediaRef> burnFuture = null;
      try {
        for (String lang : languages) {
          translations.put(lang, run.async(translationSlots, () -> {
            CaptionTrack translated = run.stage(PipelineStage.TRANSLATE, () -> translate(run, captions, lang));
            run.stage(PipelineStage.WRITE, () -> write(run, base, translated));
            return translated;
          }));
        }
        if (summarize) {
          summaryFuture = run.async(null, () -> {
            VideoSummary s = run.stage(PipelineStage.SUMMARIZE, () -> summarizeVideo(run, source, captions, known, exact));
            CaptionTrack chapters = s.toChaptersTrack(Math.max(known, captions.endMs()));
            if (!chapters.cues().isEmpty()) {
              run.stage(PipelineStage.WRITE, () -> writeOne(run, base + ".chapters", chapters, CaptionFormat.WEBVTT));
            }
            return s;
          });
        }
        if (burnIn) {
          BurnInOptions opts = burnInOptions;
          if (opts.output().isEmpty() && outputDirectory != null && source.isFile()) {
            // MP4 (H.264/AAC) whatever the input's container: what every player takes. Other containers: output(...).
            opts = opts.withOutput(outputDirectory.resolve(base + ".captioned.mp4"));
          }
          BurnInOptions burnOpts = opts;
          // The burned track: the spoken language's (ready now), or a translation's (burn-in starts when it is ready).
          CompletableFuture<CaptionTrack> burnedTrack = burnInLanguage == null
              || burnInLanguage.equalsIgnoreCase(captions.language()) ? CompletableFuture.completedFuture(captions)
              : translations.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(burnInLanguage))
                  .map(Map.Entry::getValue).findFirst().orElseThrow();
          burnFuture = run.async(null, () -> {
            CaptionTrack burned = Run.await(burnedTrack);
            MediaRef ref = run.stage(PipelineStage.BURN_IN, () -> media.burnIn(source, burned, burnOpts));
            if (ref.source().isFile()) run.addFile(ref.source().path());
            return ref;
          });
        }
        for (Map.Entry<String, CompletableFuture<CaptionTrack>> e : translations.entrySet()) {
          tracks.put(e.getKey(), Run.await(e.getValue()));
        }
        VideoSummary summary = summaryFuture == null ? null : Run.await(summaryFuture);
        MediaRef captioned = burnFuture == null ? null : Run.await(burnFuture);
        MediaRef muxed = null;
        if (mux) {
          MediaSource into = captioned != null ? captioned.source() : source;
          // Into the burned MP4, else into the input's own container when a video can be written in it (streams are
          // copied as they are), else Matroska, which takes every codec.
          String ext = captioned != null ? "mp4" : containerOf(source.name());
          MuxOptions mo = outputDirectory != null && source.isFile()
              ? MuxOptions.to(outputDirectory.resolve(base + (captioned != null ? ".captioned" : "") + ".subtitled." + ext))
              : MuxOptions.defaults();
          List<CaptionTrack> all = new ArrayList<>(tracks.values());
          muxed = run.stage(PipelineStage.MUX, () -> media.mux(into, all, mo.withProgress(run.forward(PipelineStage.MUX))));
          if (muxed.source().isFile()) run.addFile(muxed.source().path());
        }
        return new PipelineResult(info, transcript, captions, tracks, quality, summary, captioned, muxed,
            inTrackOrder(run.files(), base, tracks.keySet()), run.timings(), run.wallTime());
      } finally {
        // On failure or cancellation, stop whatever still runs (the futures interrupt their threads).
        for (CompletableFuture<CaptionTrack> f : translations.values()) f.cancel(true);
        if (summaryFuture != null) summaryFuture.cancel(true);
        if (burnFuture != null) burnFuture.cancel(true);
      }
    } finally {
      if (tempAudio != null && !tempAudio.equals(source.isFile() ? source.path() : null)) {
        try {
          Files.deleteIfExists(tempAudio);
        } catch (IOException e) {
          LOG.debug("Could not delete temporary audio {}", tempAudio, e);
        }
      }
    }
  }

  private void checkSource(MediaSource source) {
    if (source.isFile()) {
      Path p = source.path();
      if (!Files.exists(p)) {
        throw new InvalidMediaException(Reason.NOT_FOUND, "File not found: " + p.toAbsolutePath() + ". Check the path.");
      }
      if (Files.isDirectory(p)) throw new InvalidMediaException(Reason.NOT_FOUND, p.toAbsolutePath() + " is a directory, not a media file.");
      if (!Files.isReadable(p)) throw new InvalidMediaException(Reason.UNREADABLE, "Cannot read " + p.toAbsolutePath() + ": permission denied.");
      try {
        if (Files.size(p) == 0) {
          throw new InvalidMediaException(Reason.EMPTY, p.toAbsolutePath() + " is empty (0 bytes); it holds no media.");
        }
      } catch (IOException e) {
        throw new InvalidMediaException(Reason.UNREADABLE, "Cannot read " + p.toAbsolutePath() + ": " + e.getMessage(), e);
      }
    }
    // The first provider to touch the source must accept its kind; checked before any (paid) call.
    Provider first = firstProvider(media, transcriber);
    if (!accepts(first, source)) {
      throw new InvalidMediaException(Reason.UNSUPPORTED_SOURCE, "'" + first.name() + "' needs " + first.acceptedSources() + " input but got a "
          + source.kind().name().toLowerCase(Locale.ROOT) + " (" + source.name() + "). "
          + (source.isFile() ? "Upload the file somewhere reachable and pass MediaSource.ofUrl(\"https://…\"), or use "
              + "a provider that takes local files (ffmpeg, vosk)." : "Pass a source of a kind it accepts."));
    }
    checkContainer(source);
    // A transcriber that will get the source as it is checks it now, before the media processor's first (paid) job.
    if (!(extractsAudio(media, transcriber) && accepts(media, source))) {
      if (!accepts(transcriber, source)) {
        throw new InvalidMediaException(Reason.UNSUPPORTED_SOURCE, "Transcriber '" + transcriber.name() + "' needs "
            + transcriber.acceptedSources() + " input and takes the source itself, but got a "
            + source.kind().name().toLowerCase(Locale.ROOT) + " (" + source.name() + "). "
            + (source.isFile() ? "Upload the file and pass MediaSource.ofUrl(\"https://…\"), or use a transcriber "
                + "that takes local files (vosk, openai, gemini)." : "Pass a source of a kind it accepts."));
      }
      transcriber.checkInput(source);
    }
    if (burnIn && !accepts(media, source)) {
      throw new InvalidMediaException(Reason.UNSUPPORTED_SOURCE, "Media processor '" + media.name() + "' cannot burn captions into a "
          + source.kind().name().toLowerCase(Locale.ROOT) + " source; it needs " + media.acceptedSources() + '.');
    }
  }

  /** Whether {@code m} extracts the audio for {@code t}: it can, and {@code t} takes extracted audio. */
  private static boolean extractsAudio(MediaProcessor m, Transcriber t) {
    return m != null && m.supports(MediaOperation.EXTRACT_AUDIO) && t.acceptsExtractedAudio();
  }

  /** Video containers a run takes, by file extension. */
  private static final Set<String> VIDEO_EXTENSIONS = Set.of("mp4", "m4v", "mov", "avi", "webm", "mkv");
  /** Audio formats a run takes, by file extension. */
  private static final Set<String> AUDIO_EXTENSIONS = Set.of("mp3", "wav", "m4a", "aac", "flac", "ogg", "oga", "opus");

  /**
   * Refuses, by its name's extension, a source that is no media a run takes (a video container or an audio format),
   * and audio when the video is needed (burn-in, mux). A name without an extension is left to the providers.
   */
  private void checkContainer(MediaSource source) {
    if (source.kind() == MediaSource.Kind.STREAM) return;
    String name = source.isUrl() ? lastPathSegment(source.uri().getPath()) : source.name();
    int dot = name.lastIndexOf('.');
    if (dot <= 0 || dot == name.length() - 1) return;
    String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
    if (!VIDEO_EXTENSIONS.contains(ext) && !AUDIO_EXTENSIONS.contains(ext)) {
      throw new InvalidMediaException(Reason.NOT_MEDIA, source.name() + " is not a media file this pipeline takes ('."
          + ext + "'). Give a video (mp4, mov, avi, webm, mkv) or an audio file (mp3, wav, m4a, aac, flac, ogg, opus).");
    }
    if ((burnIn || mux) && AUDIO_EXTENSIONS.contains(ext)) {
      throw new InvalidMediaException(Reason.NO_STREAM, source.name() + " is audio ('." + ext + "'), so there is no "
          + "picture to " + (burnIn ? "burn captions into" : "add subtitle streams to") + ". Give the video, or drop "
          + (burnIn ? "burn-in" : "mux") + ".");
    }
  }

  private static String containerOf(String name) {
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return BurnInOptions.CONTAINERS.contains(ext) ? ext : "mkv";
  }

  private static String lastPathSegment(String path) {
    if (path == null) return "";
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }

  /** "a url", "a file or a stream": how a set of source kinds reads in a message. */
  private static String kinds(Set<MediaSource.Kind> kinds) {
    List<String> names = new ArrayList<>();
    for (MediaSource.Kind k : kinds) names.add(k.name().toLowerCase(Locale.ROOT));
    return "a " + String.join(" or a ", names);
  }

  /** The provider that touches the source first: the media processor when it probes or extracts, else the transcriber. */
  private static Provider firstProvider(MediaProcessor media, Transcriber transcriber) {
    return media != null && (media.supports(MediaOperation.PROBE) || extractsAudio(media, transcriber))
        ? media : transcriber;
  }

  private static boolean accepts(Provider p, MediaSource s) {
    return p.acceptedSources().contains(s.kind());
  }

  private CaptionTrack translate(Run run, CaptionTrack captions, String lang) {
    CaptionTrack t = translator.translate(captions, TranslationOptions.builder(lang).sourceLanguage(captions.language())
        .progress(run.forward(PipelineStage.TRANSLATE)).build());
    // The Translator contract, checked here too: a shifted track would silently desynchronise every later cue.
    if (t.cues().size() != captions.cues().size()) {
      throw new ProviderException(translator.name(), "translation to " + lang + " returned " + t.cues().size()
          + " cues for " + captions.cues().size());
    }
    List<Cue> cues = new ArrayList<>(t.cues().size());
    for (int i = 0; i < t.cues().size(); i++) {
      Cue src = captions.cues().get(i);
      cues.add(src.toBuilder().text(t.cues().get(i).text()).words(List.of()).build());
    }
    return CaptionTrack.builder().language(lang).kind(TrackKind.SUBTITLES).cues(cues).build();
  }

  private VideoSummary summarizeVideo(Run run, MediaSource source, CaptionTrack captions, long durationMs, boolean exact) {
    SummaryRequest.Builder req = SummaryRequest.builder().transcript(captions).mediaDurationMs(durationMs)
        .language(captions.language().equals(Language.UNDETERMINED) ? "en" : captions.language())
        .progress(run.forward(PipelineStage.SUMMARIZE));
    // Frames only at times known to be inside the media: a frame job past the end fails after others were paid.
    if (summarizer.usesFrames() && media != null && media.supports(MediaOperation.EXTRACT_FRAMES) && durationMs > 0
        && exact && accepts(media, source)) {
      List<Long> at = FrameOptions.midpoints(durationMs, 8);
      // The frames are ours to delete: they go to a directory of this run, removed whatever the outcome.
      Path frameDir = AtomicFiles.createTempDirectory("captions-summary-frames-");
      try {
        List<Frame> frames = media.extractFrames(source,
            FrameOptions.builder().timestampsMs(at).width(512).outputDirectory(frameDir).build());
        req.frames(frames);
        if (accepts(summarizer, source)) req.video(source);
        return summarizer.summarize(req.build());
      } finally {
        AtomicFiles.deleteTreeQuietly(frameDir);
      }
    }
    if (accepts(summarizer, source)) req.video(source);
    return summarizer.summarize(req.build());
  }

  private void write(Run run, String base, CaptionTrack track) {
    CaptionTrack written = highlightWords ? withWordTimestamps(track) : track;
    CaptionTrack shown = written.withoutWords();
    for (CaptionFormat f : formats) writeOne(run, trackName(base, track.language()), asked(f, written, shown), f);
  }

  /**
   * What a file of {@code format} is asked to hold, so that its loss report names only what was asked and lost.
   * Timed words are asked of a caption file only as word highlighting, which {@code written} already carries as
   * timestamp tags (a format that cannot hold those, SRT, reports them); JSON keeps the words themselves, as does the
   * run's result. And the file name carries the language ({@link #trackName}), so SRT, which has no language field,
   * loses none.
   */
  private static CaptionTrack asked(CaptionFormat format, CaptionTrack written, CaptionTrack shown) {
    if (format == CaptionFormat.JSON) return written;
    if (format == CaptionFormat.SRT) return shown.toBuilder().language(Language.UNDETERMINED).build();
    return shown;
  }

  /** The track with a timestamp tag before each timed word ({@link Cue#withWordTimestamps()}). */
  private static CaptionTrack withWordTimestamps(CaptionTrack track) {
    List<Cue> cues = new ArrayList<>(track.cues().size());
    for (Cue c : track.cues()) cues.add(c.withWordTimestamps());
    return track.toBuilder().cues(cues).build();
  }

  /** A track's file name without extension: an unknown language gets no tag ("talk.vtt", not "talk.und.vtt"). */
  private static String trackName(String base, String language) {
    return language.equals(Language.UNDETERMINED) ? base : base + "." + language;
  }

  private void writeOne(Run run, String name, CaptionTrack track, CaptionFormat format) {
    if (outputDirectory == null) return;
    CaptionCodec codec = CaptionCodecs.forFormat(format);
    Path target = outputDirectory.resolve(name + "." + format.extension());
    try {
      AtomicFiles.write(target, w -> {
        // Nothing lost silently: what the format cannot hold is named in the log.
        for (Diagnostic d : codec.write(track, w).losses()) LOG.warn("{}: {}", target.getFileName(), d.message());
      });
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + target.toAbsolutePath() + ": " + e.getMessage()
          + ". Check that the output directory is writable.", e);
    }
    run.addFile(target);
  }


  private void safeProgress(ProgressEvent e) {
    try {
      progress.onProgress(e);
    } catch (RuntimeException ex) {
      LOG.warn("Progress listener failed on {}", e, ex);
    }
  }

  private static String stripExtension(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /**
   * The files in a stable order, whichever stage finished first: each track's files in track order, the chapters,
   * then the rest (the captioned video).
   */
  private static List<Path> inTrackOrder(List<Path> files, String base, Set<String> languages) {
    List<Path> ordered = new ArrayList<>();
    List<String> groups = new ArrayList<>(languages);
    groups.add("chapters");
    for (String lang : groups) {
      String prefix = (lang.equals("chapters") ? base + ".chapters" : trackName(base, lang)) + ".";
      for (Path f : files) {
        String name = f.getFileName().toString();
        // "talk.en.vtt" is the en group's; "talk.en.captioned.mp4" and "talk.vtt" for "talk." are not.
        if (name.startsWith(prefix) && name.indexOf('.', prefix.length()) < 0 && !ordered.contains(f)) ordered.add(f);
      }
    }
    for (Path f : files) if (!ordered.contains(f)) ordered.add(f);
    return ordered;
  }

  /**
   * Aligns the transcript's times to the audio when {@link Builder#alignTiming} asks for it: AUTO for transcribers
   * whose times are untrusted or absent, ON always. Needs the audio this run extracted (16 kHz PCM WAV); without it
   * AUTO notes why the times stay as given and ON fails. Returns null when nothing was aligned.
   */
  private AlignedTranscript align(Run run, Transcript transcript, MediaSource audio, boolean extracted,
      List<String> notes) {
    if (alignTiming == AlignmentMode.OFF || transcript.isEmpty()) return null;
    TimingSource timing = transcriber.timingSource();
    if (alignTiming == AlignmentMode.AUTO && !timing.needsAlignment()) return null;
    String why = "transcriber '" + transcriber.name() + "' gives " + timing.name().toLowerCase(Locale.ROOT) + " times";
    if (!extracted || !audio.isFile()) {
      if (alignTiming == AlignmentMode.ON) {
        throw new ConfigurationException("alignTiming(ON) needs the audio as a local PCM file, which this run does not "
            + "have (no media processor extracted it). Use a media processor that extracts audio (ffmpeg), or "
            + "alignTiming(AUTO).");
      }
      notes.add("times not aligned to the audio (" + why + "; no local audio was extracted)");
      return null;
    }
    String language = transcript.language();
    for (Supplier<TimingAligner> candidate : aligners) {
      TimingAligner aligner;
      try {
        aligner = candidate.get();
        if (!aligner.supportsLanguage(language)) continue;
        aligner.checkReady();
      } catch (ConfigurationException e) {
        LOG.warn("Aligner unavailable, trying the next one: {}", e.getMessage());
        continue;
      }
      AlignedTranscript aligned = run.stage(PipelineStage.ALIGN,
          () -> aligner.align(transcript, audio, run.forward(PipelineStage.ALIGN)));
      LOG.info("Timing of {} aligned to the audio ({}): {}", audio.name(), why, aligned.report().summary());
      return aligned;
    }
    if (alignTiming == AlignmentMode.ON) {
      throw new ConfigurationException("alignTiming(ON) but no aligner supports language '" + language + "'. Add "
          + "captions-provider-vosk (with a model for it), or keep captions-core's energy aligner on the class path.");
    }
    notes.add("times not aligned to the audio (" + why + "; no aligner supports '" + language + "')");
    return null;
  }

  /**
   * Fails before the first transcription call when the transcriber cannot take the media even in chunks: an
   * unsplittable transcriber (one that fetches the media itself) with a declared maximum length.
   */
  private void checkLength(MediaSource source, OptionalLong duration) {
    ChunkLimits limits = transcriber.chunkLimits();
    if (duration.isEmpty() || limits.splittable() || limits.maxDurationMs().isEmpty()) return;
    long max = limits.maxDurationMs().getAsLong();
    long durationMs = duration.getAsLong();
    if (durationMs > max) {
      throw new InvalidMediaException(Reason.OTHER, source.name() + " is " + Timecodes.format(durationMs) + " long, but "
          + "transcriber '" + transcriber.name() + "' takes at most " + Timecodes.format(max) + " per media and cannot "
          + "take it in chunks. Shorten the media, or use a transcriber that takes local audio in chunks "
          + "(openai, gemini, vosk).");
    }
  }

  /** Stage timings (wall time from a stage's first start to its last end, overlaps counted once), files, threads. */
  private final class Run {
    private final Map<PipelineStage, long[]> spans = new EnumMap<>(PipelineStage.class);
    private final List<Path> files = new ArrayList<>();
    private final long started = System.nanoTime();
    /** The media's length once known, else -1: every progress event carries it, for progress in media time. */
    volatile long mediaDurationMs = -1;

    ProgressListener forward(PipelineStage stage) {
      return e -> safeProgress(withDuration(e.withStage(stage)));
    }

    ProgressEvent withDuration(ProgressEvent e) {
      long d = mediaDurationMs;
      return d > 0 ? e.withMediaDurationMs(d) : e;
    }

    <T> T stage(PipelineStage stage, java.util.function.Supplier<T> body) {
      Async.checkCancelled();
      safeProgress(withDuration(ProgressEvent.of(stage, 0, "started")));
      long t0 = System.nanoTime();
      try {
        return body.get();
      } finally {
        long t1 = System.nanoTime();
        synchronized (spans) {
          spans.merge(stage, new long[] {t0, t1}, (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        safeProgress(withDuration(ProgressEvent.of(stage, 1, "done")));
      }
    }

    void stage(PipelineStage stage, Runnable body) {
      stage(stage, () -> {
        body.run();
        return null;
      });
    }

    /** Runs {@code body} on its own thread (at most {@code slots} of them at once when given). */
    <T> CompletableFuture<T> async(java.util.concurrent.Semaphore slots,
        java.util.concurrent.Callable<T> body) {
      // Pooled threads keep the context class loader of whoever created them; provider and codec discovery must
      // see the caller's.
      ClassLoader callers = Thread.currentThread().getContextClassLoader();
      return Async.supply(() -> {
        Thread worker = Thread.currentThread();
        ClassLoader own = worker.getContextClassLoader();
        worker.setContextClassLoader(callers);
        try {
          if (slots == null) return body.call();
          try {
            slots.acquire();
          } catch (InterruptedException e) {
            throw Async.cancelled(e);
          }
          try {
            return body.call();
          } finally {
            slots.release();
          }
        } finally {
          worker.setContextClassLoader(own);
        }
      });
    }

    /** The future's value; its failure as thrown by the stage; cancellation when this thread is interrupted. */
    static <T> T await(CompletableFuture<T> f) {
      try {
        return f.get();
      } catch (InterruptedException e) {
        throw Async.cancelled(e);
      } catch (java.util.concurrent.ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof RuntimeException) throw (RuntimeException) c;
        if (c instanceof Error) throw (Error) c;
        throw new IllegalStateException(c);
      }
    }

    void addFile(Path file) {
      synchronized (files) {
        files.add(file);
      }
    }

    List<Path> files() {
      synchronized (files) {
        return new ArrayList<>(files);
      }
    }

    Map<PipelineStage, Duration> timings() {
      Map<PipelineStage, Duration> out = new EnumMap<>(PipelineStage.class);
      synchronized (spans) {
        spans.forEach((stage, span) -> out.put(stage, Duration.ofNanos(span[1] - span[0])));
      }
      return out;
    }

    Duration wallTime() {
      return Duration.ofNanos(System.nanoTime() - started);
    }
  }

  /** The transcript with {@link Builder#speakerNames} applied; labels given a name the transcript lacks are logged. */
  private Transcript named(Transcript transcript) {
    List<String> found = transcript.speakers();
    if (found.isEmpty()) {
      LOG.warn("Speakers were asked for, but transcriber '{}' labelled none.", transcriber.name());
      return transcript;
    }
    for (String label : speakerNames.keySet()) {
      if (!found.contains(label)) {
        LOG.warn("Speaker name for '{}' not used: the transcript's speakers are {}.", label, found);
      }
    }
    return transcript.withSpeakerNames(speakerNames);
  }

  /**
   * Builds a {@link CaptionPipeline}. Providers not set are found by discovery at {@link #build()} (see
   * {@link Captions}); a provider instance set here never touches discovery.
   */
  public static final class Builder {
    private MediaProcessor media;
    private boolean mediaSet; // true after mediaProcessor(x) or withoutMediaProcessor(): no discovery
    private Transcriber transcriber;
    private Translator translator;
    private Summarizer summarizer;
    private String sourceLanguage = Language.AUTO;
    private final List<String> targetLanguages = new ArrayList<>();
    private Path outputDirectory;
    private final Set<CaptionFormat> formats = new LinkedHashSet<>();
    private String baseName;
    private boolean summarize;
    private boolean burnIn;
    private BurnInOptions burnInOptions = BurnInOptions.defaults();
    private String burnInLanguage;
    private boolean mux;
    private boolean highlightWords;
    private StyleProfile profile = StyleProfile.NETFLIX_EN;
    private ProgressListener progress = ProgressListener.NONE;
    private String prompt;
    private List<String> vocabulary = List.of();
    private MediaSource.Kind expectedSource;
    private boolean speakers;
    private final Map<String, String> speakerNames = new LinkedHashMap<>();
    private int maxConcurrentTranslations = 4;
    private AlignmentMode alignTiming = AlignmentMode.AUTO;
    private TimingAligner aligner;

    private Builder() {}

    /**
     * Whether the transcript's times are aligned to the audio before shaping (see {@link TimingAligner}).
     * {@link AlignmentMode#AUTO} (the default) aligns transcripts whose transcriber
     * {@linkplain Transcriber#timingSource() says} its times are untrusted (Gemini) or absent
     * ({@code gpt-4o-transcribe}), leaves word-timed ones (Vosk, Whisper) alone; {@link AlignmentMode#ON} always
     * aligns, {@link AlignmentMode#OFF} never. Alignment needs the audio the media processor extracts. The quality
     * report says what moved ({@link CaptionQualityReport#alignment()}); translations keep the aligned cue times.
     *
     * @param mode the mode; not null
     * @return this builder
     */
    public Builder alignTiming(AlignmentMode mode) {
      this.alignTiming = Objects.requireNonNull(mode, "mode == null");
      return this;
    }

    /**
     * Use this aligner instead of discovering one (discovery tries the aligners on the class path by priority, the
     * first that supports the spoken language: Vosk for its model's language, else the energy aligner).
     *
     * @param aligner the aligner; not null
     * @return this builder
     */
    public Builder aligner(TimingAligner aligner) {
      this.aligner = Objects.requireNonNull(aligner, "aligner == null");
      return this;
    }

    /**
     * How many translations run at once in one run (default 4); they also overlap with the summary and burn-in.
     *
     * @param max the bound, at least 1
     * @return this builder
     * @throws IllegalArgumentException when less than 1
     */
    public Builder maxConcurrentTranslations(int max) {
      if (max < 1) throw new IllegalArgumentException("maxConcurrentTranslations must be >= 1, but is " + max);
      this.maxConcurrentTranslations = max;
      return this;
    }

    /**
     * The kind of source {@link CaptionPipeline#run} will be given, when it is known in advance (the CLI knows: a
     * local file, or a URL). Discovery then picks only providers that can take it, and {@link #build()} checks the
     * providers set here against it.
     *
     * @param kind the kind of source the runs will get
     * @return this builder
     */
    public Builder expectedSource(MediaSource.Kind kind) {
      this.expectedSource = Objects.requireNonNull(kind, "kind == null");
      return this;
    }

    /**
     * Use this media processor (probe, audio extraction, frames, burn-in) instead of discovering one.
     *
     * @param media the processor; not null (see {@link #withoutMediaProcessor()} to run without one)
     * @return this builder
     */
    public Builder mediaProcessor(MediaProcessor media) {
      this.media = Objects.requireNonNull(media, "media == null: call withoutMediaProcessor() to run without one");
      this.mediaSet = true;
      return this;
    }

    /**
     * Run without a media processor: the transcriber gets the source as it is (a Gcore or Gemini transcriber reads a
     * URL itself). Nothing is probed, so the media's duration is known only if the transcriber reports it; burn-in
     * is then impossible ({@link #build()} says so).
     *
     * @return this builder
     */
    public Builder withoutMediaProcessor() {
      this.media = null;
      this.mediaSet = true;
      return this;
    }

    /**
     * Use this transcriber instead of discovering one.
     *
     * @param transcriber the transcriber; not null
     * @return this builder
     */
    public Builder transcriber(Transcriber transcriber) {
      this.transcriber = Objects.requireNonNull(transcriber, "transcriber == null");
      return this;
    }

    /**
     * Use this translator for the languages given to {@link #translateTo} instead of discovering one. Setting it does
     * not turn translation on.
     *
     * @param translator the translator; not null
     * @return this builder
     */
    public Builder translator(Translator translator) {
      this.translator = Objects.requireNonNull(translator, "translator == null");
      return this;
    }

    /**
     * Use this summarizer instead of discovering one. Setting it does not turn summarising on: call
     * {@link #summarize(boolean) summarize(true)} as well.
     *
     * @param summarizer the summarizer; not null
     * @return this builder
     */
    public Builder summarizer(Summarizer summarizer) {
      this.summarizer = Objects.requireNonNull(summarizer, "summarizer == null");
      return this;
    }

    /**
     * The language spoken in the media, as a BCP-47 tag ({@code "en"}, {@code "pt-BR"}), or {@link Language#AUTO}
     * (the default) to let the transcriber detect it. Checked at {@link #build()}.
     *
     * @param tag the tag, or {@link Language#AUTO}; not null
     * @return this builder
     */
    public Builder spokenLanguage(String tag) {
      Objects.requireNonNull(tag, "tag == null: use Language.AUTO to detect the spoken language");
      this.sourceLanguage = tag.equalsIgnoreCase(Language.AUTO) ? Language.AUTO : tag;
      return this;
    }

    /**
     * The languages to translate the captions into, as BCP-47 tags; replaces any given before. A target equal to the
     * spoken language is skipped. None (the default) means no translation. Checked at {@link #build()}.
     *
     * @param tags the target languages; none may be null
     * @return this builder
     */
    public Builder translateTo(String... tags) {
      return translateTo(List.of(tags));
    }

    /**
     * The languages to translate the captions into; see {@link #translateTo(String...)}.
     *
     * @param tags the target languages; none may be null
     * @return this builder
     */
    public Builder translateTo(Collection<String> tags) {
      List<String> copy = List.copyOf(tags); // rejects null elements
      this.targetLanguages.clear();
      this.targetLanguages.addAll(copy);
      return this;
    }

    /**
     * Write every track into {@code directory} in these formats (WebVTT and SRT when none are named). Without this,
     * nothing is written: the tracks are in the {@link PipelineResult} only. The directory is created when missing;
     * its writability is checked at {@link #build()}. Each file is named after the track's language
     * ({@code talk.en.vtt}); JSON files carry the cues' timed words, the other formats the cue text (with the words'
     * times as highlighting when {@link #highlightWords(boolean)} asks for it). What a format cannot hold of that is
     * logged as a warning per kind of loss.
     *
     * @param directory where the files go; not null
     * @param formats the formats, in the order files are written and listed
     * @return this builder
     */
    public Builder outputs(Path directory, CaptionFormat... formats) {
      this.outputDirectory = Objects.requireNonNull(directory, "directory == null");
      this.formats.clear();
      this.formats.addAll(formats.length == 0 ? List.of(CaptionFormat.WEBVTT, CaptionFormat.SRT) : List.of(formats));
      return this;
    }

    /**
     * File names are {@code <baseName>.<lang>.<ext>}; by default the source's name without its extension.
     *
     * @param baseName the base name, without directory or extension; not null
     * @return this builder
     */
    public Builder baseName(String baseName) {
      this.baseName = Objects.requireNonNull(baseName, "baseName == null");
      return this;
    }

    /**
     * Whether to summarise the video into a title, a one-sentence summary and chapters (off by default). The
     * summarizer is the one set with {@link #summarizer}, or discovery's at {@link #build()}.
     *
     * @param summarize true to summarise
     * @return this builder
     */
    public Builder summarize(boolean summarize) {
      this.summarize = summarize;
      return this;
    }

    /**
     * Whether to draw the spoken-language captions into a copy of the video, with default style (off by default).
     *
     * @param burnIn true to burn in
     * @return this builder
     */
    public Builder burnIn(boolean burnIn) {
      this.burnIn = burnIn;
      return this;
    }

    /**
     * Burn captions into a copy of the video with these options (style, output path); turns burn-in on.
     *
     * @param options the options; not null
     * @return this builder
     */
    public Builder burnIn(BurnInOptions options) {
      this.burnInOptions = Objects.requireNonNull(options, "options == null");
      this.burnIn = true;
      return this;
    }

    /**
     * Which track to burn in: the spoken language's (default, {@code null}) or one of the translations, by its BCP-47
     * tag. Turns burn-in on. Checked at {@link #build()}: the language must be one this pipeline writes.
     *
     * @param language a BCP-47 tag, or null for the spoken language's track
     * @return this builder
     */
    public Builder burnInLanguage(String language) {
      this.burnInLanguage = language;
      this.burnIn = true;
      return this;
    }

    /**
     * Also write a copy of the video (or of the burned-in video) with every written track added as a soft subtitle
     * stream tagged with its language ({@link MediaProcessor#mux}); the copy is {@code <name>.subtitled.mp4} in the
     * output directory for a local source. Needs a media processor that supports
     * {@link MediaOperation#MUX_SUBTITLES} (checked at {@link #build()}).
     *
     * @param mux whether to mux
     * @return this builder
     */
    public Builder mux(boolean mux) {
      this.mux = mux;
      return this;
    }

    /**
     * Word highlighting (karaoke captions): the written tracks get a WebVTT timestamp tag before each word, from the
     * words' times ({@link Cue#withWordTimestamps()}). WebVTT keeps the tags, ASS writes them as {@code {\k}}
     * durations, TTML as timed spans; SRT, which has no form for them, reports them as lost (one warning per file).
     * Translated tracks, whose cues have no timed words, are written unchanged. Off by default.
     *
     * @param highlightWords true to write word timestamps
     * @return this builder
     */
    public Builder highlightWords(boolean highlightWords) {
      this.highlightWords = highlightWords;
      return this;
    }

    /**
     * The readability rules cues are shaped to (line length, lines per cue, reading speed, durations); default
     * {@link StyleProfile#NETFLIX_EN}.
     *
     * @param profile the profile; not null
     * @return this builder
     */
    public Builder profile(StyleProfile profile) {
      this.profile = Objects.requireNonNull(profile, "profile == null");
      return this;
    }

    /**
     * Context for the transcriber: what the media is about, how names are written, the style wanted (e.g. "A talk
     * on WebVTT by Ana Ruiz."). Reaches the model only through transcribers that take a prompt
     * ({@link Transcriber#usesPrompt()}: openai, gemini); with any other, {@link #build()} logs a warning that it is
     * ignored.
     *
     * @param prompt the text, or {@code null} (the default) for none
     * @return this builder
     */
    public Builder prompt(String prompt) {
      this.prompt = prompt == null || prompt.isBlank() ? null : prompt.strip();
      return this;
    }

    /**
     * Tell speakers apart (diarisation): the transcriber labels who speaks, and cues show it the way the
     * {@link #profile(StyleProfile) profile}'s {@link StyleProfile.SpeakerStyle} says (dashes, or names as WebVTT
     * {@code <v Name>} and SRT {@code Name: }). Off by default. {@link #build()} picks a transcriber that can diarise
     * ({@link Transcriber#supportsSpeakers()}) and throws {@link ConfigurationException} when the one set cannot.
     *
     * @param speakers true to label speakers
     * @return this builder
     */
    public Builder speakers(boolean speakers) {
      this.speakers = speakers;
      return this;
    }

    /**
     * Terms the speech contains, spelt as they must be written (names, jargon). Sent with the prompt (see
     * {@link TranscriptionOptions#promptText()}) to transcribers that take one; with any other, {@link #build()} logs
     * a warning that it is ignored.
     *
     * @param terms the terms, one per entry; not null; empty (the default) for none
     * @return this builder
     * @throws IllegalArgumentException when a term is blank or holds a line break
     */
    public Builder vocabulary(List<String> terms) {
      this.vocabulary = TranscriptionOptions.builder().vocabulary(terms).build().vocabulary();
      return this;
    }

    /**
     * Real names for the transcriber's speaker labels, e.g. {@code Map.of("A", "Ana", "B", "Ben")} (OpenAI labels
     * {@code A}, {@code B}, …; Gemini as it is told, {@code A}, {@code B}, …). Labels without a name stay as they are;
     * a name whose label the transcript lacks is logged as a warning. Needs {@link #speakers(boolean) speakers(true)}.
     * Replaces names set before.
     *
     * @param names label to name; not null, no null or blank keys or values
     * @return this builder
     * @throws IllegalArgumentException when a label or name is blank
     */
    public Builder speakerNames(Map<String, String> names) {
      Objects.requireNonNull(names, "names == null");
      Map<String, String> copy = new LinkedHashMap<>();
      names.forEach((label, name) -> {
        Objects.requireNonNull(label, "speaker label == null");
        Objects.requireNonNull(name, "name for speaker '" + label + "' == null");
        if (label.isBlank() || name.isBlank()) {
          throw new IllegalArgumentException("Speaker names need a label and a name: '" + label + "' = '" + name + "'");
        }
        copy.put(label, name);
      });
      speakerNames.clear();
      speakerNames.putAll(copy);
      return this;
    }

    /**
     * Where progress goes: every stage's start and end, and the providers' own reports. The listener is called on
     * the run's threads and must not block; an exception it throws is logged and ignored.
     *
     * @param progress the listener; not null
     * @return this builder
     */
    public Builder progress(ProgressListener progress) {
      this.progress = Objects.requireNonNull(progress, "progress == null");
      return this;
    }

    private static void checkWritable(Path dir) {
      Path abs = dir.toAbsolutePath();
      Path existing = abs;
      while (existing != null && !Files.exists(existing)) existing = existing.getParent();
      if (existing == null) return;
      if (!Files.isDirectory(existing)) {
        throw new OutputNotWritableException("Output directory " + abs + " is not writable: " + existing
            + " is a file. Choose a directory (CLI: -o DIR).");
      }
      if (!Files.isWritable(existing)) {
        throw new OutputNotWritableException("Output directory " + abs + " is not writable (" + existing
            + " is read-only). Choose another directory (CLI: -o DIR).");
      }
    }

    /**
     * Validates the configuration and resolves providers not set explicitly.
     *
     * @return the pipeline, immutable and reusable
     * @throws ConfigurationException naming the problem and the fix (e.g. burn-in without a media processor that can,
     *     or a provider whose {@link Provider#checkReady()} finds its model or binary missing)
     * @throws ProviderNotFoundException when discovery finds no provider for a needed stage
     */
    public CaptionPipeline build() {
      for (String lang : targetLanguages) Language.requireTag(lang, "translation language");
      if (!sourceLanguage.equals(Language.AUTO)) Language.requireTag(sourceLanguage, "spoken language (or Language.AUTO)");
      if (summarizer != null && !summarize) {
        throw new ConfigurationException("A summarizer is set but summarising is off: call summarize(true) as well.");
      }
      if (!speakerNames.isEmpty() && !speakers) {
        throw new ConfigurationException("Speaker names are set but speakers are off: call speakers(true) as well "
            + "(CLI: --speakers).");
      }
      if (translator != null && targetLanguages.isEmpty()) {
        throw new ConfigurationException("A translator is set but no target language: call translateTo(\"es\", …).");
      }
      if (burnInLanguage != null) {
        Language.requireTag(burnInLanguage, "burned-in language");
        boolean written = burnInLanguage.equalsIgnoreCase(sourceLanguage)
            || targetLanguages.stream().anyMatch(burnInLanguage::equalsIgnoreCase);
        if (!written) {
          throw new ConfigurationException("burnInLanguage(\"" + burnInLanguage + "\") is neither the spoken language ("
              + (sourceLanguage.equals(Language.AUTO) ? "auto-detected" : sourceLanguage) + ") nor a translation "
              + targetLanguages + ". Translate into it (CLI: --translate " + burnInLanguage + "), or give the spoken "
              + "language (-l).");
        }
      }
      burnInOptions.output().ifPresent(BurnInOptions::checkContainer);
      if (outputDirectory != null) checkWritable(outputDirectory);
      // Discovery ranks each kind by the documented rule; of the discovered pairs, the best one that can work
      // together is taken (so a configured cloud transcriber that needs URLs does not displace the local default).
      List<Supplier<MediaProcessor>> medias;
      if (mediaSet) {
        medias = Collections.singletonList(() -> media);
      } else {
        medias = new ArrayList<>();
        try {
          medias.addAll(Captions.MEDIA.ranked());
        } catch (ProviderNotFoundException e) {
          if (burnIn || mux) throw e;
        }
        // "No media processor" is a valid choice, last: the transcriber then takes the source as it is (Gcore or
        // Gemini on a URL), which is what a pairing none of the discovered processors fits needs.
        if (!burnIn && !mux) medias.add(() -> null);
      }
      List<Supplier<Transcriber>> transcribers =
          transcriber != null ? Collections.singletonList(() -> transcriber) : Captions.TRANSCRIBERS.ranked();
      MediaProcessor m = medias.get(0).get();
      Transcriber t = transcribers.get(0).get();
      // Two passes: first only pairs in which the media processor does some of the work (a processor that would
      // only stand by, e.g. Ittybit in front of Gcore, loses to one that can at least probe the length), then any.
      pairing:
      for (boolean usefulOnly : new boolean[] {true, false}) {
        for (Supplier<MediaProcessor> mc : medias) {
          for (Supplier<Transcriber> tc : transcribers) {
            if (fits(mc.get(), tc.get()) && (!usefulOnly || useful(mc.get(), tc.get()))) {
              m = mc.get();
              t = tc.get();
              break pairing;
            }
          }
        }
      }
      if (!mediaSet || transcriber == null) {
        LOG.info("providers: media {}, transcriber '{}'{}", m == null ? "none" : "'" + m.name() + "'", t.name(),
            expectedSource == null ? "" : " (for " + expectedSource.name().toLowerCase(Locale.ROOT) + " sources)");
      }
      if (mux && (m == null || !m.supports(MediaOperation.MUX_SUBTITLES))) {
        throw new ConfigurationException("mux(true) needs a media processor that supports MUX_SUBTITLES"
            + (m == null ? ", and none is set" : "; '" + m.name() + "' supports only " + m.operations())
            + ". Use the ffmpeg media processor (dev.captions:captions-media-ffmpeg).");
      }
      if (burnIn && (m == null || !m.supports(MediaOperation.BURN_IN))) {
        throw new ConfigurationException("burnIn(true) needs a media processor that supports BURN_IN"
            + (m == null ? ", and none is set" : "; '" + m.name() + "' supports only " + m.operations())
            + ". Add dev.captions:captions-media-ffmpeg (or captions-media-ittybit) and call mediaProcessor(...).");
      }
      if (speakers && !t.supportsSpeakers()) throw TranscriptionOptions.cannotDiarise(t);
      Provider first = firstProvider(m, t);
      if (expectedSource != null && !first.acceptedSources().contains(expectedSource)) {
        throw new ConfigurationException("'" + first.name() + "' needs " + kinds(first.acceptedSources())
            + " as input, but this pipeline is for " + kinds(EnumSet.of(expectedSource)) + ". "
            + (expectedSource == MediaSource.Kind.FILE ? "Use providers that take local files (ffmpeg, vosk), or "
                + "upload the file and pass its URL." : "Use providers that take this kind of source."));
      }
      if (!pairs(m, t)) {
        throw new ConfigurationException("Media processor '" + m.name() + "' hands the transcriber its audio as "
            + kinds(m.audioOutputKinds()) + ", but transcriber '" + t.name() + "' takes only "
            + kinds(t.acceptedSources()) + ". Pair it with a transcriber that takes " + kinds(m.audioOutputKinds())
            + ", or use a media processor whose audio it can read (ffmpeg writes local files).");
      }
      if ((prompt != null || !vocabulary.isEmpty()) && !t.usesPrompt()) {
        // Not silent: the user asked for something this transcriber cannot do.
        LOG.warn("Transcriber '{}' takes no prompt or vocabulary: the {} given is ignored. Use a transcriber that "
            + "takes one (openai, gemini; see 'captions providers', capability \"prompt\").", t.name(),
            prompt != null && !vocabulary.isEmpty() ? "prompt and vocabulary" : prompt != null ? "prompt" : "vocabulary");
      }
      Translator tr = translator;
      boolean translating = targetLanguages.stream().anyMatch(l -> !l.equalsIgnoreCase(sourceLanguage));
      if (tr == null && translating) tr = Captions.translator();
      Summarizer s = summarizer;
      if (s == null && summarize) s = Captions.summarizer();
      // A missing model or binary fails here, naming the fix, not after the media work of a run.
      for (Provider p : new Provider[] {m, t, tr, s}) {
        if (p != null) p.checkReady();
      }
      return new CaptionPipeline(this, m, t, tr, s);
    }

    /** Whether {@code m} (null: none) has work in this pipeline with {@code t}: none always has. */
    private boolean useful(MediaProcessor m, Transcriber t) {
      return m == null || m.supports(MediaOperation.PROBE) || extractsAudio(m, t) || burnIn || mux
          || (summarize && m.supports(MediaOperation.EXTRACT_FRAMES));
    }

    /** Whether {@code m} and {@code t} can run this pipeline together (the checks below, as one test). */
    private boolean fits(MediaProcessor m, Transcriber t) {
      if (speakers && !t.supportsSpeakers()) return false;
      if (burnIn && (m == null || !m.supports(MediaOperation.BURN_IN))) return false;
      if (mux && (m == null || !m.supports(MediaOperation.MUX_SUBTITLES))) return false;
      // A transcriber that gets the source itself (no processor extracts its audio) must take that kind of source.
      if (expectedSource != null && !extractsAudio(m, t) && !t.acceptedSources().contains(expectedSource)) return false;
      if (!pairs(m, t)) return false;
      return expectedSource == null || firstProvider(m, t).acceptedSources().contains(expectedSource);
    }

    /** Whether {@code t} can read the audio {@code m} extracts (always, when {@code m} extracts none). */
    private static boolean pairs(MediaProcessor m, Transcriber t) {
      return !extractsAudio(m, t) || !Collections.disjoint(m.audioOutputKinds(), t.acceptedSources());
    }
  }
}
