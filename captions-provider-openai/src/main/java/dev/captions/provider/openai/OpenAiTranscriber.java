package dev.captions.provider.openai;

import com.openai.models.audio.AudioResponseFormat;
import com.openai.models.audio.transcriptions.TranscriptionCreateParams;
import com.openai.core.ObjectMappers;
import com.openai.models.audio.transcriptions.TranscriptionCreateResponse;
import com.openai.models.audio.transcriptions.TranscriptionDiarized;
import com.openai.models.audio.transcriptions.TranscriptionSegment;
import com.openai.models.audio.transcriptions.TranscriptionVerbose;
import com.openai.models.audio.transcriptions.TranscriptionWord;
import dev.captions.InvalidMediaException;
import dev.captions.InvalidMediaException.Reason;
import dev.captions.chunking.ChunkLimits;
import dev.captions.model.DroppedItem;
import dev.captions.model.MediaSource;
import dev.captions.model.Segment;
import dev.captions.model.TimedWord;
import dev.captions.model.Transcript;
import dev.captions.spi.Async;
import dev.captions.spi.AudioOptions;
import dev.captions.spi.Transcriber;
import dev.captions.spi.TimingSource;
import dev.captions.spi.TranscriptionOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transcribes audio with OpenAI's {@code /audio/transcriptions}.
 *
 * <ul>
 *   <li>{@code whisper-1}: {@code verbose_json} with {@code timestamp_granularities[]} {@code segment} and (when
 *       {@link TranscriptionOptions#wordTimestamps()}) {@code word}: segments and words with times.</li>
 *   <li>{@code gpt-4o-transcribe}, {@code gpt-4o-mini-transcribe}: {@code json}, which has text only; the upload
 *       becomes one segment spanning it (the shaping engine estimates word times).</li>
 *   <li>Speakers ({@link TranscriptionOptions#speakers()}): {@link OpenAiSettings#diarizationModel()}
 *       ({@code gpt-4o-transcribe-diarize}) with {@code response_format=diarized_json} and
 *       {@code chunking_strategy=auto} (required for audio over 30 s): segments with speaker labels {@code A},
 *       {@code B}, … and no word times (the shaping engine estimates them). That model takes no prompt: a prompt is
 *       dropped with a warning. openai-java 4.x returns the body as text (its issue 652); {@link DiarizedReply} reads
 *       it. Labels hold within one request, so long media is cut into as few chunks of at most
 *       {@link OpenAiSettings#diarizationChunkMs()} as possible, and the engine keeps each chunk's labels apart.</li>
 *   <li>One call sends one file of at most {@link OpenAiSettings#maxUploadBytes()} (OpenAI's 25 MB limit); a larger
 *       one is an {@link InvalidMediaException}. Long media goes through the long-media engine
 *       ({@link dev.captions.chunking.ChunkedTranscriber}, which the caption pipeline applies) by the limits
 *       {@link #chunkLimits()} declares: chunks cut at pauses, uploaded as Opus, several at once.</li>
 * </ul>
 * Takes local files and streams (a stream is copied to a temporary file first); not URLs. Temporary files are deleted
 * before returning. Thread-safe; blocks.
 */
public final class OpenAiTranscriber implements Transcriber {
  private static final Logger LOG = LoggerFactory.getLogger(OpenAiTranscriber.class);

  private final OpenAiApi api;

  /**
   * A transcriber with {@code settings}..
   *
   * @param settings the settings; not null
   */
  public OpenAiTranscriber(OpenAiSettings settings) {
    this.api = new OpenAiApi(settings);
  }

  @Override
  public String name() {
    return OpenAiSettings.PROVIDER;
  }

  @Override
  public Set<MediaSource.Kind> acceptedSources() {
    return EnumSet.of(MediaSource.Kind.FILE, MediaSource.Kind.STREAM);
  }

  /**
   * {@code whisper-1} times segments and words from the audio ({@link TimingSource#MEASURED}); the
   * {@code gpt-4o-*-transcribe} models return text only ({@link TimingSource#ABSENT}), so the caption pipeline aligns
   * their words to the audio by default.
   */
  @Override
  public TimingSource timingSource() {
    return verbose() ? TimingSource.MEASURED : TimingSource.ABSENT;
  }

  /** {@code gpt-4o-transcribe-diarize} labels speakers: see the class comment. */
  @Override
  public boolean supportsSpeakers() {
    return true;
  }

  private boolean verbose() {
    return api.settings().transcriptionModel().startsWith("whisper");
  }

  /** {@return true: the prompt and vocabulary go into the request's {@code prompt} field} */
  @Override
  public boolean usesPrompt() {
    return true;
  }

  @Override
  public Transcript transcribe(MediaSource audio, TranscriptionOptions options) {
    if (audio.isUrl()) {
      throw new InvalidMediaException(Reason.UNSUPPORTED_SOURCE, "OpenAI transcription needs the audio itself, not a URL (" + audio
          + "): download it or let the pipeline extract the audio to a local file first");
    }
    Path tmp = null;
    try {
      tmp = Files.createTempDirectory("captions-openai-");
      Path file = audio.isFile() ? audio.path() : copy(audio, tmp);
      if (!Files.isRegularFile(file)) {
        throw new InvalidMediaException(Reason.NOT_FOUND, "audio file not found: " + file + " (check the path)");
      }
      long size = Files.size(file);
      if (size > api.settings().maxUploadBytes()) {
        throw new InvalidMediaException(file.getFileName() + " is " + size / 1_000_000 + " MB, over OpenAI's "
            + api.settings().maxUploadBytes() / 1_000_000 + " MB upload limit. Long audio goes through the long-media "
            + "engine, which cuts it at pauses and uploads compressed chunks concurrently: the caption pipeline does "
            + "this itself; alone, use ChunkedTranscriber.builder(transcriber).mediaProcessor(ffmpeg) on the audio "
            + "extracted as WAV");
      }
      return transcribeFile(file, options);
    } catch (IOException e) {
      throw new InvalidMediaException(Reason.UNREADABLE, "cannot read " + audio + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(tmp);
    }
  }

  private Transcript transcribeFile(Path file, TranscriptionOptions options) {
    List<Segment> segments = new ArrayList<>();
    List<TimedWord> words = new ArrayList<>();
    List<DroppedItem> dropped = new ArrayList<>();
    String language = options.language().orElse(null);
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("provider", name());
    meta.put("model", options.speakers() ? api.settings().diarizationModel() : api.settings().transcriptionModel());
    double durationSec = 0;
    Async.checkCancelled();
    if (options.speakers()) {
      // diarized_json arrives as Transcription.text (openai-java issue 652), or as the SDK's own type if it learns it
      DiarizedReply d = api.transcribe(() -> params(file, options), response -> DiarizedReply.read(
          response.isTranscription() ? response.asTranscription().text()
              : response.isDiarized() ? diarizedJson(response.asDiarized()) : null));
      segments.addAll(d.segments);
      dropped.addAll(d.dropped);
      durationSec = d.durationSec;
    } else {
      // responseValidation is on: a malformed reply fails inside the call, where it is mapped to a typed exception
      TranscriptionCreateResponse r = api.transcribe(() -> params(file, options), Function.identity());
      if (r.isVerbose()) {
        TranscriptionVerbose v = r.asVerbose();
        durationSec = v.duration();
        if (language == null) language = toLanguageTag(v.language());
        for (TranscriptionWord w : v.words().orElse(List.of())) {
          long start = ms(w.start());
          words.add(TimedWord.of(w.word().strip(), start, Math.max(start, ms(w.end()))));
        }
        for (TranscriptionSegment s : v.segments().orElse(List.of())) {
          long start = ms(s.start());
          long end = Math.max(start, ms(s.end()));
          segments.add(Segment.of(start, end, s.text().strip(), null, wordsWithin(words, start, end)));
        }
        if (v.segments().orElse(List.of()).isEmpty() && !v.text().isBlank()) {
          segments.add(Segment.of(0, Math.round(v.duration() * 1000), v.text().strip(), null, words));
        }
      } else {
        String text = r.asTranscription().text().strip();
        if (!text.isEmpty()) segments.add(Segment.of(0, options.mediaDurationMs().orElse(0L), text));
      }
    }
    segments.sort(Comparator.comparingLong(Segment::startMs));
    Transcript.Builder transcript = Transcript.builder().segments(segments).words(words)
        .language(language == null ? "und" : language).providerMetadata(meta).dropped(dropped);
    if (options.mediaDurationMs().isPresent()) transcript.mediaDurationMs(options.mediaDurationMs().getAsLong());
    else if (durationSec > 0) transcript.mediaDurationMs(Math.round(durationSec * 1000));
    return transcript.build();
  }

  /** The SDK's diarized reply as JSON text again (its own mapper knows its field names), for {@link DiarizedReply}. */
  private static String diarizedJson(TranscriptionDiarized diarized) {
    try {
      return ObjectMappers.jsonMapper().writeValueAsString(diarized);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return null; // DiarizedReply reports it as unreadable
    }
  }

  /**
   * Uploads of at most {@link OpenAiSettings#maxUploadBytes()} (25 MB), {@link OpenAiSettings#chunkDurationMs()}
   * long, {@link OpenAiSettings#maxConcurrency()} at once, in Opus (then MP3, FLAC, WAV) when the media processor
   * writes it.
   */
  @Override
  public ChunkLimits chunkLimits() {
    return ChunkLimits.builder().maxBytes(api.settings().maxUploadBytes())
        .preferredChunkMs(api.settings().chunkDurationMs()).maxConcurrency(api.settings().maxConcurrency())
        .uploadFormats(AudioOptions.Format.MP3_16K_MONO, AudioOptions.Format.OGG_OPUS, AudioOptions.Format.FLAC,
            AudioOptions.Format.WAV_16K_MONO)
        .build();
  }

  /**
   * With speakers asked: chunks of at most {@link OpenAiSettings#diarizationChunkMs()}, and (see
   * {@link dev.captions.chunking.ChunkedTranscriber}) as few of them as the length needs, since labels hold within one
   * request only.
   */
  @Override
  public ChunkLimits chunkLimits(TranscriptionOptions options) {
    if (!options.speakers()) return chunkLimits();
    long max = api.settings().diarizationChunkMs();
    return chunkLimits().toBuilder().preferredChunkMs(max).maxDurationMs(max).build();
  }

  private TranscriptionCreateParams params(Path file, TranscriptionOptions options) {
    TranscriptionCreateParams.Builder b = TranscriptionCreateParams.builder()
        .file(file)
        .model(options.speakers() ? api.settings().diarizationModel() : api.settings().transcriptionModel())
        .temperature(0.0);
    options.language().ifPresent(l -> b.language(l.split("-")[0].toLowerCase(Locale.ROOT)));
    if (options.speakers()) {
      // The diarising model refuses a prompt (HTTP 400): speakers matter more than vocabulary hints here.
      if (options.promptText().isPresent()) {
        LOG.warn("{}: {} takes no prompt; the prompt is left out of this request (speakers were asked)", name(),
            api.settings().diarizationModel());
      }
      // chunking_strategy is required for audio over 30 s; auto lets the server cut at silences.
      return b.responseFormat(AudioResponseFormat.DIARIZED_JSON).chunkingStrategyAuto().build();
    }
    options.promptText().ifPresent(b::prompt);
    if (verbose()) {
      b.responseFormat(AudioResponseFormat.VERBOSE_JSON)
          .addTimestampGranularity(TranscriptionCreateParams.TimestampGranularity.SEGMENT);
      if (options.wordTimestamps()) b.addTimestampGranularity(TranscriptionCreateParams.TimestampGranularity.WORD);
    } else {
      b.responseFormat(AudioResponseFormat.JSON);
    }
    return b.build();
  }

  private static List<TimedWord> wordsWithin(List<TimedWord> words, long startMs, long endMs) {
    List<TimedWord> out = new ArrayList<>();
    for (TimedWord w : words) if (w.startMs() >= startMs && w.startMs() < Math.max(endMs, startMs + 1)) out.add(w);
    return out;
  }

  /**
   * Seconds to milliseconds; an absurd value (not finite, or more than a year) is capped there so that adding a
   * piece's offset cannot overflow, and the shaping engine drops the cue as beyond the media.
   */
  private static long ms(double seconds) {
    if (Double.isNaN(seconds)) return 0;
    return Math.max(0, Math.round(Math.min(seconds, 366 * 86_400.0) * 1000));
  }

  /** Whisper reports languages by English name ({@code "english"}); BCP-47 wants {@code "en"}. */
  static String toLanguageTag(String reported) {
    if (reported == null || reported.isBlank()) return null;
    String r = reported.strip();
    if (r.length() <= 3 && r.chars().allMatch(Character::isLetter)) return r.toLowerCase(Locale.ROOT);
    for (String iso : Locale.getISOLanguages()) {
      if (new Locale(iso).getDisplayLanguage(Locale.ENGLISH).equalsIgnoreCase(r)) return iso;
    }
    return null;
  }

  private static Path copy(MediaSource audio, Path dir) throws IOException {
    String name = audio.name().replaceAll("[^A-Za-z0-9._-]", "_");
    Path target = dir.resolve(name.isEmpty() ? "audio" : name);
    try (InputStream in = audio.stream()) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) return;
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      LOG.debug("could not delete temporary files in {}: {}", dir, e.toString());
    }
  }
}
