package dev.captions.provider.gcore;

import dev.captions.provider.gcore.internal.GcoreHttp;
import dev.captions.spi.Secret;
import dev.captions.spi.http.HttpClients;
import dev.captions.spi.http.JsonHttp;
import dev.captions.spi.http.RetryPolicy;
import okhttp3.OkHttpClient;

/** Builds the shared {@link GcoreHttp} for both public builders, so their settings mean the same thing. */
final class GcoreHttpFactory {
  private GcoreHttpFactory() {}

  static GcoreHttp http(Secret apiKey, String baseUrl, OkHttpClient client, RetryPolicy retryPolicy) {
    OkHttpClient c = HttpClients.builder().base(client != null ? client : HttpClients.shared())
        .userAgentSuffix(GcoreHttp.PROVIDER).build();
    return new GcoreHttp(JsonHttp.builder(GcoreHttp.PROVIDER).client(c).retryPolicy(retryPolicy).build(), baseUrl, apiKey);
  }
}
