package dev.captions.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The SDK's Jackson configuration, shared by every provider so that wire DTOs behave the same everywhere:
 * <ul>
 *   <li>unknown properties are ignored (providers add fields all the time);</li>
 *   <li>unknown enum values read as the enum's {@code @JsonEnumDefaultValue} (the forward-compatible
 *       {@code UNKNOWN} pattern) and nulls for primitives read as the default;</li>
 *   <li>nulls are not written;</li>
 *   <li>empty beans serialise as {@code {}} instead of failing.</li>
 * </ul>
 * The mappers are thread-safe once configured; do not reconfigure them ({@link #newMapper()} gives a private copy).
 */
public final class Json {
  private static final ObjectMapper MAPPER = build(false);
  private static final ObjectMapper LENIENT = build(true);

  private Json() {}

  /** {@return the shared strict-syntax mapper for provider wire formats} */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * A shared mapper that also accepts what language models often write: trailing commas, single quotes, unquoted
   * field names, comments, {@code NaN}. Used by {@link JsonRepair}.
   *
   * @return the lenient mapper; shared, do not reconfigure
   */
  public static ObjectMapper lenientMapper() {
    return LENIENT;
  }

  /** {@return a new mapper with the same configuration, for a provider that needs to add modules or mix-ins} */
  public static ObjectMapper newMapper() {
    return build(false);
  }

  private static ObjectMapper build(boolean lenient) {
    JsonMapper.Builder b = JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
        .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .serializationInclusion(JsonInclude.Include.NON_NULL);
    if (lenient) {
      b.enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_SINGLE_QUOTES,
          JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_JAVA_COMMENTS,
          JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
          JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS);
    }
    return b.build();
  }
}
