package dev.captions.provider.gemini;

import com.google.genai.types.File;
import com.google.genai.types.Part;
import dev.captions.chunking.ChunkLimits;
import dev.captions.model.MediaSource;
import dev.captions.model.DroppedItem;
import dev.captions.model.Segment;
import dev.captions.model.Transcript;
import dev.captions.spi.Async;
import dev.captions.spi.AudioOptions;
import dev.captions.spi.Transcriber;
import dev.captions.spi.TimingSource;
import dev.captions.spi.TranscriptionOptions;
import dev.captions.llm.CueListPrompt;
import dev.captions.llm.TruncatedReplyException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transcribes audio (or video) with Gemini: the media goes inline when small, otherwise through the Files API (polled
 * until {@code ACTIVE}); the model answers with a timed cue list under a response schema.
 *
 * <p><b>Long media</b> goes through the long-media engine ({@link dev.captions.chunking.ChunkedTranscriber}, which
 * the caption pipeline applies) by the limits {@link #chunkLimits()} declares: chunks of about
 * {@link GeminiSettings#maxWindowMs()} cut at pauses, uploaded as Opus, {@link GeminiSettings#maxConcurrency()} at
 * once.
 *
 * <p><b>Truncated replies.</b> A reply cut off by the output token limit ({@code MAX_TOKENS}) or ending in unfinished
 * JSON is never returned as is, and never silently partial:
 * <ul>
 *   <li>When the media's duration is known ({@link TranscriptionOptions#mediaDurationMs()}), a cut-off reply is asked
 *       for again in two halves by time range on the same uploaded media, down to
 *       {@link GeminiSettings#minWindowMs()}; past that a {@link TruncatedReplyException} says so.
 *   <li>When the duration is unknown (a URL or a file nobody probed), the complete cues of a cut-off reply are kept and
 *       the rest is asked for from the end of the last complete cue to the end of the media, until a reply is
 *       complete, at most {@link GeminiSettings#maxContinuations()} times. Cues of a continuation that lie before
 *       that point, or repeat a kept cue across it, are dropped. A continuation that brings no complete cue past that
 *       point, or running out of continuations, is a {@link TruncatedReplyException}.
 * </ul>
 *
 * <p><b>Speakers</b> ({@link TranscriptionOptions#speakers()}): the cue list's schema gets a {@code speaker} field and
 * the instructions ask for {@code A}, {@code B}, … by voice, one speaker per cue ({@link CueListPrompt}); the
 * segments carry those labels. Labels hold within one request: the halves of a cut-off window, continuations and
 * chunks are separate requests, whose letters need not match (the long-media engine keeps chunks' labels apart).
 *
 * <p>Segments are returned as the model timed them (it may overlap, reorder or run past the end); the shaping engine
 * repairs them. No word timings. Thread-safe; blocks.
 */
public final class GeminiTranscriber implements Transcriber {
  private static final Logger LOG = LoggerFactory.getLogger(GeminiTranscriber.class);
  private static final Part ASK = Part.fromText("Transcribe the attached audio.");

  private final GeminiApi api;

  /**
   * A transcriber with {@code settings}..
   *
   * @param settings the settings; not null
   */
  public GeminiTranscriber(GeminiSettings settings) {
    this.api = new GeminiApi(settings);
  }

  @Override
  public String name() {
    return GeminiSettings.PROVIDER;
  }

  /** {@return true: the prompt and vocabulary go into the instructions} */
  @Override
  public boolean usesPrompt() {
    return true;
  }

  /**
   * {@link TimingSource#UNTRUSTED}: the model writes its cue times itself (rounded, drifting), so the caption pipeline
   * aligns them to the audio by default.
   */
  @Override
  public TimingSource timingSource() {
    return TimingSource.UNTRUSTED;
  }

  /** Gemini labels speakers in its cue list when asked: see the class comment. */
  @Override
  public boolean supportsSpeakers() {
    return true;
  }

  /**
   * Chunks of about {@link GeminiSettings#maxWindowMs()}, {@link GeminiSettings#maxConcurrency()} at once, as 24 kbit/s
   * MP3 (then Ogg Opus, FLAC, WAV): all are audio types Gemini takes; the MP3 is the cheapest to encode.
   */
  @Override
  public ChunkLimits chunkLimits() {
    return ChunkLimits.builder().preferredChunkMs(api.settings().maxWindowMs())
        .maxConcurrency(api.settings().maxConcurrency())
        .uploadFormats(AudioOptions.Format.MP3_16K_MONO, AudioOptions.Format.OGG_OPUS, AudioOptions.Format.FLAC,
            AudioOptions.Format.WAV_16K_MONO)
        .build();
  }

  @Override
  public Transcript transcribe(MediaSource audio, TranscriptionOptions options) {
    List<File> uploads = new ArrayList<>();
    List<DroppedItem> dropped = new ArrayList<>();
    try {
      Part media = api.mediaPart(audio, uploads);
      List<Segment> segments = new ArrayList<>();
      if (options.mediaDurationMs().isEmpty()) {
        segments.addAll(transcribeWithContinuations(media, options, dropped));
      } else {
        segments.addAll(transcribeWindow(media, options, 0, options.mediaDurationMs().getAsLong(), dropped));
      }
      Transcript.Builder transcript = Transcript.builder()
          .segments(segments)
          .language(options.language().orElse("und"))
          .providerMetadata(Map.of("provider", name(), "model", api.settings().model()))
          .dropped(dropped);
      options.mediaDurationMs().ifPresent(transcript::mediaDurationMs);
      return transcript.build();
    } finally {
      api.delete(uploads);
    }
  }

  private List<Segment> transcribeWindow(Part media, TranscriptionOptions options, long fromMs, long toMs,
      List<DroppedItem> dropped) {
    Async.checkCancelled();
    String instructions = CueListPrompt.instructions(options, fromMs, toMs);
    try {
      String reply = api.generateJson(List.of(media, ASK), instructions, CueListPrompt.schema(options));
      return CueListPrompt.read(name(), reply, dropped);
    } catch (TruncatedReplyException e) {
      if (toMs - fromMs < 2 * api.settings().minWindowMs()) {
        throw new TruncatedReplyException(name(), "the reply for " + fromMs + "-" + toMs
            + " ms was cut off even for the smallest window; raise maxOutputTokens or lower minWindowMs", e.requestId());
      }
      long mid = fromMs + (toMs - fromMs) / 2;
      LOG.info("{}: reply for {}-{} ms was cut off; transcribing it again in two halves", name(), fromMs, toMs);
      List<Segment> out = new ArrayList<>(transcribeWindow(media, options, fromMs, mid, dropped));
      out.addAll(transcribeWindow(media, options, mid, toMs, dropped));
      return out;
    }
  }

  /**
   * The whole media of unknown length: without an end there is no window to halve, so a cut-off reply is continued
   * instead, from the end of its last complete cue.
   */
  private List<Segment> transcribeWithContinuations(Part media, TranscriptionOptions options,
      List<DroppedItem> dropped) {
    int maxContinuations = api.settings().maxContinuations();
    List<Segment> kept = new ArrayList<>();
    long fromMs = 0;
    for (int continuation = 0; ; continuation++) {
      Async.checkCancelled();
      String instructions = continuation == 0
          ? CueListPrompt.instructions(options, 0, -1) : continuationInstructions(options, fromMs);
      GeminiApi.Reply reply = api.generate(List.of(media, ASK), instructions, CueListPrompt.schema(options));
      List<Segment> cues = null;
      if (!reply.hitTokenLimit()) {
        try {
          cues = CueListPrompt.read(name(), reply.text(), dropped);
        } catch (TruncatedReplyException e) {
          // unfinished JSON without MAX_TOKENS: cut off all the same
        }
      }
      boolean cutOff = cues == null;
      if (cutOff) {
        String complete = CutOffCueList.completePart(reply.text());
        cues = complete == null ? List.of() : CueListPrompt.read(name(), complete, dropped);
      }
      List<Segment> fresh = continuation == 0 ? cues : newPastBoundary(cues, kept, fromMs);
      kept.addAll(fresh);
      if (!cutOff) return kept;
      long nextFromMs = fresh.isEmpty() ? fromMs : fresh.get(fresh.size() - 1).endMs();
      if (nextFromMs <= fromMs) {
        throw new TruncatedReplyException(name(), "the reply for the speech from " + fromMs + " ms on was cut off "
            + "(output token limit) before it held a complete cue past that point; raise maxOutputTokens, or set "
            + "TranscriptionOptions.mediaDurationMs so that the media is transcribed in windows", reply.requestId());
      }
      if (continuation == maxContinuations) {
        throw new TruncatedReplyException(name(), "the transcript was still cut off (output token limit) after "
            + maxContinuations + " continuations, at " + nextFromMs + " ms; raise maxContinuations or "
            + "maxOutputTokens, or set TranscriptionOptions.mediaDurationMs so that the media is transcribed in windows",
            reply.requestId());
      }
      LOG.info("{}: reply was cut off; asking for the speech from {} ms on (continuation {} of at most {})", name(),
          nextFromMs, continuation + 1, maxContinuations);
      fromMs = nextFromMs;
    }
  }

  static String continuationInstructions(TranscriptionOptions options, long fromMs) {
    String from = clock(fromMs);
    return CueListPrompt.instructions(options, 0, -1) + " The transcript up to " + from + " is already done: "
        + "transcribe ONLY the speech from " + from + " to the end of the file (times still measured from the very "
        + "start of the file) and ignore everything before " + from + ".";
  }

  /**
   * The cues of a continuation that are new: not ending at or before {@code fromMs} (already transcribed), and not
   * a kept cue said again across the boundary (a model re-reading the last phrase gives it slightly other times).
   */
  private static List<Segment> newPastBoundary(List<Segment> cues, List<Segment> kept, long fromMs) {
    List<Segment> out = new ArrayList<>(cues.size());
    for (Segment s : cues) {
      if (s.endMs() <= fromMs && s.startMs() < fromMs) continue;
      if (s.startMs() < fromMs && kept.stream().anyMatch(k -> sameText(k.text(), s.text()))) continue;
      out.add(s);
    }
    return out;
  }

  private static boolean sameText(String a, String b) {
    return a.replaceAll("\\s+", " ").strip().equalsIgnoreCase(b.replaceAll("\\s+", " ").strip());
  }

  /** {@code HH:MM:SS.mmm}, the form the prompt asks the model to write. */
  static String clock(long ms) {
    return String.format(java.util.Locale.ROOT, "%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60,
        ms % 1000);
  }
}
