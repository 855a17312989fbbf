package dev.captions.provider.openai;

import com.openai.models.chat.completions.ChatCompletionContentPart;
import com.openai.models.chat.completions.ChatCompletionContentPartImage;
import com.openai.models.chat.completions.ChatCompletionContentPartText;
import dev.captions.InvalidMediaException;
import dev.captions.model.Frame;
import dev.captions.model.MediaSource;
import dev.captions.model.VideoSummary;
import dev.captions.spi.SummaryRequest;
import dev.captions.spi.Summarizer;
import dev.captions.llm.LlmSchemas;
import dev.captions.llm.SummaryPrompt;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Summarises a video with GPT-4o from keyframes and/or its transcript: the reference keyframe-summary flow. Each
 * frame is an {@code image_url} part (a local image becomes a {@code data:} URL; an http(s) URL is passed as is) and
 * the reply follows a strict JSON schema (title, one-sentence summary, chapters). GPT-4o cannot watch a video, so a
 * request with only a video is rejected: {@link #usesFrames()} tells the pipeline to extract frames. Thread-safe; blocks.
 */
public final class OpenAiSummarizer implements Summarizer {
  private final OpenAiApi api;

  /**
   * A summarizer with {@code settings}..
   *
   * @param settings the settings; not null
   */
  public OpenAiSummarizer(OpenAiSettings settings) {
    this.api = new OpenAiApi(settings);
  }

  @Override
  public String name() {
    return OpenAiSettings.PROVIDER;
  }

  @Override
  public boolean usesFrames() {
    return true;
  }

  @Override
  public VideoSummary summarize(SummaryRequest request) {
    if (request.frames().isEmpty() && request.transcript().isEmpty()) {
      throw new InvalidMediaException("the OpenAI summarizer needs keyframes or a transcript, not the video itself: "
          + "extract frames first (the pipeline does so for summarizers whose usesFrames() is true)");
    }
    List<ChatCompletionContentPart> parts = new ArrayList<>();
    parts.add(ChatCompletionContentPart.ofText(ChatCompletionContentPartText.builder()
        .text(SummaryPrompt.input(request)).build()));
    ChatCompletionContentPartImage.ImageUrl.Detail detail =
        ChatCompletionContentPartImage.ImageUrl.Detail.of(api.settings().imageDetail());
    for (Frame f : request.frames()) {
      parts.add(ChatCompletionContentPart.ofImageUrl(ChatCompletionContentPartImage.builder()
          .imageUrl(ChatCompletionContentPartImage.ImageUrl.builder().url(imageUrl(f.image())).detail(detail).build())
          .build()));
    }
    String reply = api.chatJson(SummaryPrompt.instructions(request), parts, "video_summary", LlmSchemas.summary());
    return SummaryPrompt.parse(name(), reply, request);
  }

  /** An http(s) URL as is; a local image or stream as a base64 {@code data:} URL. */
  static String imageUrl(MediaSource image) {
    if (image.isUrl()) return image.uri().toString();
    String mime = image.mimeType().filter(m -> m.startsWith("image/")).orElseThrow(() -> new InvalidMediaException(
        "frame " + image + " is not a known image type: use .jpg, .png or MediaSource.withMimeType(\"image/…\")"));
    byte[] bytes;
    try {
      if (image.isFile()) {
        bytes = Files.readAllBytes(image.path());
      } else {
        try (InputStream in = image.stream()) {
          bytes = in.readAllBytes();
        }
      }
    } catch (IOException e) {
      throw new InvalidMediaException("cannot read frame " + image + ": " + e.getMessage(), e);
    }
    return "data:" + mime + ";base64," + Base64.getEncoder().encodeToString(bytes);
  }
}
