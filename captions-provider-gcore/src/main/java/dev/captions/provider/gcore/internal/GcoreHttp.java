package dev.captions.provider.gcore.internal;

import dev.captions.spi.Secret;
import dev.captions.http.HttpProviderBuilder;
import dev.captions.http.JsonHttp;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * The Gcore API connection shared by the transcriber and the videos client: base URL, {@code APIKey} auth header and
 * the shared {@link JsonHttp} (retries, error mapping). Immutable and thread-safe.
 */
public final class GcoreHttp {
  public static final String PROVIDER = "gcore";
  public static final String DEFAULT_BASE_URL = "https://api.gcore.com";
  /** Name, default URL and environment variables, shared by both public builders so their settings mean the same. */
  public static final HttpProviderBuilder.Endpoint ENDPOINT =
      new HttpProviderBuilder.Endpoint(PROVIDER, "Gcore", DEFAULT_BASE_URL, "GCORE_API_KEY", "GCORE_BASE_URL");

  private final JsonHttp json;
  private final HttpUrl baseUrl;
  private final Secret apiKey;

  public GcoreHttp(JsonHttp json, HttpUrl baseUrl, Secret apiKey) {
    this.json = Objects.requireNonNull(json, "json == null");
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl == null");
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey == null");
  }

  public JsonHttp json() {
    return json;
  }

  /** A request to {@code base + segments} with the auth header. Segments are path-encoded, so ids cannot escape. */
  public Request.Builder request(String... segments) {
    HttpUrl.Builder url = baseUrl.newBuilder();
    for (String s : segments) url.addPathSegment(s);
    return new Request.Builder().url(url.build()).header("Authorization", "APIKey " + apiKey.reveal());
  }

  @Override
  public String toString() {
    return "GcoreHttp{" + baseUrl + '}';
  }
}
