package dev.captions.provider.gemini;

import com.google.genai.types.File;
import com.google.genai.types.Part;
import dev.captions.model.MediaSource;
import dev.captions.model.Segment;
import dev.captions.model.Transcript;
import dev.captions.spi.Async;
import dev.captions.spi.Transcriber;
import dev.captions.spi.TranscriptionOptions;
import dev.captions.spi.llm.CueListPrompt;
import dev.captions.spi.llm.LlmSchemas;
import dev.captions.spi.llm.TruncatedReplyException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transcribes audio (or video) with Gemini: the media goes inline when small, otherwise through the Files API (polled
 * until {@code ACTIVE}); the model answers with a timed cue list under a response schema.
 *
 * <p><b>Long media and truncated replies.</b> When the media's duration is known
 * ({@link TranscriptionOptions#mediaDurationMs()}) and longer than {@link GeminiSettings#maxWindowMs()}, it is
 * transcribed in windows, each asked for by time range on the same uploaded file. A reply cut off by the output
 * token limit ({@code MAX_TOKENS}) or ending in unfinished JSON is never used: its window is split in two and
 * transcribed again, down to {@link GeminiSettings#minWindowMs()}; past that, or when the duration is unknown, a
 * {@link TruncatedReplyException} says so. There is never a silently partial transcript.
 *
 * <p>Segments are returned as the model timed them (it may overlap, reorder or run past the end); the shaping engine
 * repairs them. No word timings. Thread-safe; blocks.
 */
public final class GeminiTranscriber implements Transcriber {
  private static final Logger LOG = LoggerFactory.getLogger(GeminiTranscriber.class);

  private final GeminiApi api;

  public GeminiTranscriber(GeminiSettings settings) {
    this.api = new GeminiApi(settings);
  }

  @Override
  public String name() {
    return GeminiSettings.PROVIDER;
  }

  @Override
  public Transcript transcribe(MediaSource audio, TranscriptionOptions options) {
    List<File> uploads = new ArrayList<>();
    try {
      Part media = api.mediaPart(audio, uploads);
      Long durationMs = options.mediaDurationMs().orElse(null);
      List<Segment> segments = new ArrayList<>();
      if (durationMs == null) {
        segments.addAll(transcribeWindow(media, options, 0, -1));
      } else {
        long window = api.settings().maxWindowMs();
        for (long from = 0; from < durationMs; from += window) {
          segments.addAll(transcribeWindow(media, options, from, Math.min(durationMs, from + window)));
        }
      }
      return Transcript.builder()
          .segments(segments)
          .language(options.language().orElse("und"))
          .mediaDurationMs(durationMs)
          .providerMetadata(Map.of("provider", name(), "model", api.settings().model()))
          .build();
    } finally {
      api.delete(uploads);
    }
  }

  /** @param toMs -1 for "the whole media" */
  private List<Segment> transcribeWindow(Part media, TranscriptionOptions options, long fromMs, long toMs) {
    Async.checkCancelled();
    String instructions = CueListPrompt.instructions(options, fromMs, toMs);
    try {
      String reply = api.generateJson(List.of(media, Part.fromText("Transcribe the attached audio.")), instructions,
          LlmSchemas.cueList());
      return CueListPrompt.parse(name(), reply);
    } catch (TruncatedReplyException e) {
      if (toMs < 0) {
        throw new TruncatedReplyException(name(), e.getMessage().replaceFirst("^gemini: ", "")
            + "; the media's duration is unknown so it cannot be split: set TranscriptionOptions.mediaDurationMs",
            e.requestId());
      }
      if (toMs - fromMs < 2 * api.settings().minWindowMs()) {
        throw new TruncatedReplyException(name(), "the reply for " + fromMs + "-" + toMs
            + " ms was cut off even for the smallest window; raise maxOutputTokens or lower minWindowMs", e.requestId());
      }
      long mid = fromMs + (toMs - fromMs) / 2;
      LOG.info("{}: reply for {}-{} ms was cut off; transcribing it again in two halves", name(), fromMs, toMs);
      List<Segment> out = new ArrayList<>(transcribeWindow(media, options, fromMs, mid));
      out.addAll(transcribeWindow(media, options, mid, toMs));
      return out;
    }
  }
}
