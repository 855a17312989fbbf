package dev.captions.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.captions.ProviderException;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.spi.Async;
import dev.captions.spi.TranslationOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates a track with an LLM while keeping the {@link dev.captions.spi.Translator} contract: cue texts go out in
 * batches with short ids, the reply must hold exactly the same ids in the same order, and a batch whose reply does not
 * (merged, split, dropped or renamed cues, malformed JSON) is sent again; a reply cut off by the output limit is
 * sent again in two halves. After {@code maxAttempts} a {@link ProviderException} says what came back. Only the text of each cue changes. Immutable and thread-safe.
 */
public final class CueTranslation {
  private static final Logger LOG = LoggerFactory.getLogger(CueTranslation.class);

  private final String provider;
  private final JsonCompletion completion;
  private final int maxAttempts;
  private final int batchSize;

  /**
   * @param maxAttempts tries per batch when the reply does not match the request, at least 1
   * @param batchSize cues per request, at least 1; keeps replies far below output token limits
   * @param provider the provider's name, for error messages
   * @param completion sends one prompt and returns the model's JSON reply
   */
  public CueTranslation(String provider, JsonCompletion completion, int maxAttempts, int batchSize) {
    this.provider = Objects.requireNonNull(provider, "provider == null");
    this.completion = Objects.requireNonNull(completion, "completion == null");
    if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts (" + maxAttempts + ") must be >= 1");
    if (batchSize < 1) throw new IllegalArgumentException("batchSize (" + batchSize + ") must be >= 1");
    this.maxAttempts = maxAttempts;
    this.batchSize = batchSize;
  }

  /**
   * Blocks. @throws ProviderException when a batch never comes back with matching ids
   *
   * @param track the track to translate
   * @param options the target language and hints
   * @return the translated track: the same cues, times, ids and settings, with translated text
   */
  public CaptionTrack translate(CaptionTrack track, TranslationOptions options) {
    List<Cue> cues = track.cues();
    String source = options.sourceLanguage().orElse(track.language());
    String instructions = instructions(source, options);
    List<Cue> out = new ArrayList<>(cues.size());
    for (int from = 0; from < cues.size(); from += batchSize) {
      Async.checkCancelled();
      List<Cue> batch = cues.subList(from, Math.min(cues.size(), from + batchSize));
      List<String> texts = translateBatch(instructions, batch, from);
      for (int i = 0; i < batch.size(); i++) out.add(batch.get(i).toBuilder().text(texts.get(i)).build());
    }
    return track.toBuilder().language(options.targetLanguage()).cues(out).build();
  }

  static String instructions(String source, TranslationOptions options) {
    StringBuilder sb = new StringBuilder()
        .append("You translate subtitle cues")
        .append("und".equals(source) ? "" : " from " + source)
        .append(" into ").append(options.targetLanguage()).append(". The input is JSON {\"cues\":[{\"id\",\"text\"}]}. ")
        .append("Return JSON {\"cues\":[{\"id\":\"…\",\"text\":\"…\"}]} with exactly one entry per input cue, the same ids ")
        .append("in the same order. Never merge, split, drop or add cues, even when a sentence runs across cues. ")
        .append("Keep line breaks (\\n) where they read naturally and keep markup such as <i> tags unchanged.");
    options.instructions().ifPresent(i -> sb.append(' ').append(i));
    return sb.toString();
  }

  private List<String> translateBatch(String instructions, List<Cue> batch, int firstIndex) {
    ObjectNode input = LlmReplies.MAPPER.createObjectNode();
    ArrayNode arr = input.putArray("cues");
    List<String> ids = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      String id = Integer.toString(firstIndex + i + 1);
      ids.add(id);
      arr.addObject().put("id", id).put("text", batch.get(i).text());
    }
    String inputJson = input.toString();
    String problem = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      try {
        String reply = completion.complete(instructions, inputJson, "cue_translation", LlmSchemas.cueTranslation());
        JsonNode root = LlmReplies.parse(provider, reply);
        List<String> texts = match(root, ids);
        if (texts != null) return texts;
        problem = describeMismatch(root, ids);
      } catch (TruncatedReplyException e) {
        if (batch.size() > 1) {
          // The batch is too long for the model's output limit: asking again would be cut off again.
          int half = batch.size() / 2;
          LOG.info("{}: translation of cues {}-{} was cut off; translating it in two halves", provider, ids.get(0),
              ids.get(ids.size() - 1));
          List<String> texts = new ArrayList<>(translateBatch(instructions, batch.subList(0, half), firstIndex));
          texts.addAll(translateBatch(instructions, batch.subList(half, batch.size()), firstIndex + half));
          return texts;
        }
        problem = "the reply was cut off";
      } catch (ProviderException e) {
        if (!isBadReply(e)) throw e; // HTTP and I/O failures were already retried by the provider's policy
        problem = e.getMessage();
      }
      LOG.warn("{}: translation of cues {}-{} did not match the request (attempt {}/{}): {}", provider, ids.get(0),
          ids.get(ids.size() - 1), attempt, maxAttempts, problem);
    }
    throw new ProviderException(provider, "the translation of cues " + ids.get(0) + "-" + ids.get(ids.size() - 1)
        + " did not keep one translated cue per input cue after " + maxAttempts + " attempts; last reply: " + problem
        + ". Try a stronger model or a smaller batch size.");
  }

  /**
   * A reply that arrived but was unusable (malformed, refused, empty), as opposed to a failed exchange: a time-out or a
   * broken connection is not asked again, since the provider may have done (and billed) the work.
   */
  private static boolean isBadReply(ProviderException e) {
    if (e instanceof dev.captions.ProviderTimeoutException) return false;
    for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof java.io.IOException && !(t instanceof com.fasterxml.jackson.core.JsonProcessingException)) {
        return false;
      }
    }
    return e.httpStatus() == 200 || e.httpStatus() == 0 && !e.isRetryable();
  }

  /** The translated texts in order, or null when the ids do not match. */
  private static List<String> match(JsonNode root, List<String> ids) {
    JsonNode cues = root.isArray() ? root : root.get("cues");
    if (cues == null || !cues.isArray() || cues.size() != ids.size()) return null;
    List<String> texts = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      JsonNode c = cues.get(i);
      JsonNode id = c.get("id");
      JsonNode text = c.get("text");
      if (id == null || !ids.get(i).equals(id.asText().strip()) || text == null || !text.isTextual()) return null;
      texts.add(text.asText());
    }
    return texts;
  }

  private static String describeMismatch(JsonNode root, List<String> ids) {
    JsonNode cues = root.isArray() ? root : root.get("cues");
    if (cues == null || !cues.isArray()) return "no \"cues\" list";
    if (cues.size() != ids.size()) return ids.size() + " cues sent, " + cues.size() + " returned";
    return "ids or texts differ from the request";
  }
}
