package dev.captions.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.captions.ProviderException;
import dev.captions.model.DroppedItem;
import dev.captions.model.Segment;
import dev.captions.spi.TranscriptionOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks a multimodal model for a compact timed cue list ({@link LlmSchemas#cueList()}) and reads the reply into
 * {@link Segment}s. Times are kept as the model wrote them (possibly overlapping, unordered or past the media's end):
 * the shaping engine repairs them. Thread-safe, stateless.
 */
public final class CueListPrompt {
  private CueListPrompt() {}

  /**
   * The instructions for transcribing {@code [fromMs, toMs)} of the media, or all of it when {@code toMs < 0}.
   * Times are asked for absolutely (from the start of the media), so replies for different windows need no offset.
   *
   * @param options the language and prompt asked for
   * @param fromMs the window's start in milliseconds from the start of the media
   * @param toMs the window's end in milliseconds, or negative for the whole media
   * @return the instructions
   */
  public static String instructions(TranscriptionOptions options, long fromMs, long toMs) {
    StringBuilder sb = new StringBuilder()
        .append("You are a professional captioner. Transcribe the speech in the attached audio verbatim")
        .append(options.language().map(l -> " (language: " + l + ")").orElse(" in the language spoken"))
        .append(". Return JSON {\"cues\":[{\"start\":\"HH:MM:SS.mmm\",\"end\":\"HH:MM:SS.mmm\",")
        .append(options.speakers() ? "\"speaker\":\"A\"," : "").append("\"text\":\"…\"}]}: ")
        .append("one cue per phrase of at most two short lines, following natural pauses, in time order; ")
        .append("times measured from the very start of the file. Do not translate, summarise or describe sounds. ")
        .append("Return {\"cues\":[]} when nobody speaks.");
    if (options.speakers()) {
      sb.append(" Tell the speakers apart by their voices: \"speaker\" is A for the first voice heard, B for the ")
          .append("second, and so on; the same person keeps the same letter throughout. A cue holds one speaker's ")
          .append("words only: start a new cue whenever the speaker changes.");
      if (options.expectedSpeakers() > 0) {
        sb.append(" There are ").append(options.expectedSpeakers()).append(" speakers.");
      }
    }
    if (toMs >= 0) {
      sb.append(" Transcribe ONLY the speech between ").append(ReplyTimes.format(fromMs)).append(" and ")
          .append(ReplyTimes.format(toMs)).append("; ignore everything outside that range.");
    }
    options.promptText().ifPresent(p -> sb.append(" Context, and terms to spell exactly as given: ").append(p));
    return sb.toString();
  }

  /**
   * The schema the reply must follow: {@link LlmSchemas#cueListWithSpeakers()} when speakers are asked
   * ({@link TranscriptionOptions#speakers()}), else {@link LlmSchemas#cueList()}.
   *
   * @param options the options of the transcription
   * @return the JSON Schema, as nested unmodifiable maps
   */
  public static java.util.Map<String, Object> schema(TranscriptionOptions options) {
    return options.speakers() ? LlmSchemas.cueListWithSpeakers() : LlmSchemas.cueList();
  }

  /**
   * Reads a reply, leaving out cues that cannot be used: like {@link #read} but without the list of what was left out.
   *
   * @param provider the provider's name, for error messages
   * @param reply the model's raw text
   * @throws TruncatedReplyException when the JSON is cut off
   * @throws ProviderException when the reply has no cue list at all, or none of its cues has readable times
   * @return the segments in the reply's order
   */
  public static List<Segment> parse(String provider, String reply) {
    return read(provider, reply, new ArrayList<>());
  }

  /**
   * Reads a reply. Accepts {@code {"cues":[…]}}, a bare array, and the key variants models use
   * ({@code start}/{@code start_time}/{@code startTime}/{@code from}, likewise for the end, {@code text}/{@code caption}),
   * and a {@code speaker} label when the cue has one (diarisation; a blank label is no label).
   * A cue whose start cannot be read (missing, negative, absurd) is left out and added to {@code dropped} with the
   * reason; a blank cue is skipped; an end that cannot be read, or before its start, is set to the start (the shaping
   * engine then gives the cue a duration and reports it).
   *
   * @param dropped receives the cues left out, for {@link dev.captions.model.Transcript.Builder#dropped}
   * @param provider the provider's name, for error messages
   * @param reply the model's raw text
   * @throws TruncatedReplyException when the JSON is cut off
   * @throws ProviderException when the reply has no cue list at all, or none of its cues has readable times (nothing
   *     usable is left)
   * @return the segments in the reply's order
   */
  public static List<Segment> read(String provider, String reply, List<DroppedItem> dropped) {
    JsonNode root = LlmReplies.parse(provider, reply);
    JsonNode cues = root.isArray() ? root : firstPresent(root, "cues", "captions", "segments", "subtitles");
    if (cues == null || !cues.isArray()) {
      throw new ProviderException(provider, "the model's reply has no \"cues\" list: " + LlmReplies.preview(reply));
    }
    List<Segment> out = new ArrayList<>(cues.size());
    int unreadable = 0;
    for (int i = 0; i < cues.size(); i++) {
      JsonNode cue = cues.get(i);
      JsonNode textNode = firstPresent(cue, "text", "caption", "t");
      String text = textNode == null ? "" : textNode.asText().strip();
      if (text.isEmpty()) continue;
      JsonNode startNode = firstPresent(cue, "start", "start_time", "startTime", "from", "s");
      long start = ReplyTimes.parseMs(startNode);
      long end = ReplyTimes.parseMs(firstPresent(cue, "end", "end_time", "endTime", "to", "e"));
      if (start < 0) {
        unreadable++;
        dropped.add(DroppedItem.of(i, text, startNode == null ? "the cue has no start time"
            : "start " + LlmReplies.preview(startNode.toString()) + " is not a usable time"));
        continue;
      }
      JsonNode speakerNode = firstPresent(cue, "speaker", "speaker_id", "speakerId");
      String speaker = speakerNode == null || speakerNode.asText().isBlank() ? null : speakerNode.asText().strip();
      out.add(Segment.of(start, Math.max(start, end), text, speaker, List.of()));
    }
    if (out.isEmpty() && unreadable > 0) {
      throw new ProviderException(provider, "none of the " + unreadable + " cues in the model's reply has a usable "
          + "start time (e.g. " + dropped.get(dropped.size() - 1).reason() + "), so nothing usable is left; try again "
          + "or use another model", 200, null, false, null);
    }
    return out;
  }

  static JsonNode firstPresent(JsonNode node, String... names) {
    if (node == null || !node.isObject()) return null;
    for (String n : names) {
      JsonNode v = node.get(n);
      if (v != null && !v.isNull()) return v;
    }
    return null;
  }
}
