package dev.captions.provider.gemini;

import com.google.genai.types.File;
import com.google.genai.types.Part;
import dev.captions.model.Frame;
import dev.captions.model.VideoSummary;
import dev.captions.spi.SummaryRequest;
import dev.captions.spi.Summarizer;
import dev.captions.llm.LlmSchemas;
import dev.captions.llm.SummaryPrompt;
import java.util.ArrayList;
import java.util.List;

/**
 * Summarises a video with Gemini into a title, one sentence and chapters. Sends the video itself when the request has
 * one (inline or through the Files API), the frames (inline images or URLs), and the transcript as text.
 * Thread-safe; blocks.
 */
public final class GeminiSummarizer implements Summarizer {
  private final GeminiApi api;

  /**
   * A summarizer with {@code settings}..
   *
   * @param settings the settings; not null
   */
  public GeminiSummarizer(GeminiSettings settings) {
    this.api = new GeminiApi(settings);
  }

  @Override
  public String name() {
    return GeminiSettings.PROVIDER;
  }

  @Override
  public boolean usesFrames() {
    return true;
  }

  @Override
  public VideoSummary summarize(SummaryRequest request) {
    List<File> uploads = new ArrayList<>();
    try {
      List<Part> parts = new ArrayList<>();
      request.video().ifPresent(v -> parts.add(api.mediaPart(v, uploads)));
      for (Frame f : request.frames()) parts.add(api.mediaPart(f.image(), uploads));
      parts.add(Part.fromText(SummaryPrompt.input(request)));
      String reply = api.generateJson(parts, SummaryPrompt.instructions(request), LlmSchemas.summary());
      return SummaryPrompt.parse(name(), reply, request);
    } finally {
      api.delete(uploads);
    }
  }
}
