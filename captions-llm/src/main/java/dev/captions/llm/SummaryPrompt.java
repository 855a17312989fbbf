package dev.captions.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.captions.ProviderException;
import dev.captions.model.Chapter;
import dev.captions.model.Cue;
import dev.captions.model.Frame;
import dev.captions.model.VideoSummary;
import dev.captions.spi.SummaryRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The prompt for a video summary (title, one sentence, chapters; {@link LlmSchemas#summary()}) from a video, frames
 * and/or a transcript, and the parsing of the reply into a {@link VideoSummary}. Accepts the seed flow's shape too
 * ({@code tldr}, chapters with a numeric {@code timestamp} in seconds). Thread-safe, stateless.
 */
public final class SummaryPrompt {
  /** Transcripts longer than this are cut (with a note) so that the prompt stays well inside context limits. */
  static final int MAX_TRANSCRIPT_CHARS = 200_000;

  private SummaryPrompt() {}

  /**
   * The instructions: the JSON shape wanted, the language to write in and the chapter limit.
   *
   * @param request the request
   * @return the instructions
   */
  public static String instructions(SummaryRequest request) {
    return "You are a video analyst. Return JSON {\"title\":\"a short descriptive title\",\"summary\":\"one sentence\","
        + "\"chapters\":[{\"start\":\"HH:MM:SS\",\"title\":\"chapter title\",\"description\":\"what happens\"}]} "
        + "written in " + request.language() + ", with at most " + request.maxChapters()
        + " chapters in time order; the first chapter starts at 00:00:00. Chapter starts are times in the video, "
        + "taken from the frame timestamps or the transcript.";
  }

  /**
   * The user text: frame timestamps (the images themselves are attached by the provider) and the transcript.
   *
   * @param request the request
   * @return the user text: frame timestamps (the images themselves are attached by the provider) and the transcript
   */
  public static String input(SummaryRequest request) {
    StringBuilder sb = new StringBuilder();
    request.mediaDurationMs().ifPresent(d -> sb.append("The video lasts ").append(ReplyTimes.format(d)).append(". "));
    List<Frame> frames = request.frames();
    if (!frames.isEmpty()) {
      sb.append("The ").append(frames.size()).append(" attached frames were taken at: ");
      for (int i = 0; i < frames.size(); i++) {
        if (i > 0) sb.append(", ");
        sb.append(ReplyTimes.format(frames.get(i).timestampMs()));
      }
      sb.append(" (in that order). ");
    }
    request.transcript().ifPresent(t -> {
      sb.append("Transcript:\n");
      for (Cue c : t.cues()) {
        if (sb.length() > MAX_TRANSCRIPT_CHARS) {
          sb.append("[transcript cut here]\n");
          break;
        }
        sb.append('[').append(ReplyTimes.format(c.startMs())).append("] ").append(c.text().replace('\n', ' '))
            .append('\n');
      }
    });
    sb.append("Summarize the video.");
    return sb.toString();
  }

  /**
   * @param provider the provider's name, for error messages
   * @param reply the model's raw text
   * @param request the request, for the language and chapter limit
   * @throws TruncatedReplyException when the JSON is cut off
   * @throws ProviderException when there is no title
   * @return the summary; chapters beyond the request's limit or the media are dropped
   */
  public static VideoSummary parse(String provider, String reply, SummaryRequest request) {
    JsonNode root = LlmReplies.parse(provider, reply);
    JsonNode title = CueListPrompt.firstPresent(root, "title");
    if (title == null || title.asText().isBlank()) {
      throw new ProviderException(provider, "the model's summary has no title: " + LlmReplies.preview(reply));
    }
    JsonNode summary = CueListPrompt.firstPresent(root, "summary", "tldr", "tl_dr");
    List<Chapter> chapters = new ArrayList<>();
    JsonNode list = CueListPrompt.firstPresent(root, "chapters");
    if (list != null && list.isArray()) {
      for (JsonNode c : list) {
        long start = ReplyTimes.parseMs(CueListPrompt.firstPresent(c, "start", "timestamp", "time", "start_time"));
        JsonNode t = CueListPrompt.firstPresent(c, "title");
        if (start < 0 || t == null || t.asText().isBlank()) continue;
        // A chapter past the end of the video is the model's invention; drop it rather than show an empty one.
        if (request.mediaDurationMs().isPresent() && start >= request.mediaDurationMs().getAsLong()) continue;
        JsonNode d = CueListPrompt.firstPresent(c, "description");
        chapters.add(Chapter.of(start, t.asText(), d == null ? "" : d.asText()));
        if (chapters.size() == request.maxChapters()) break;
      }
    }
    return VideoSummary.of(title.asText(), summary == null ? "" : summary.asText(), chapters, request.language());
  }
}
