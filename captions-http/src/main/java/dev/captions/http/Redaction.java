package dev.captions.http;

import dev.captions.spi.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Request;

/** The one list of what counts as a secret on the wire, and how it is hidden. */
final class Redaction {
  static final String MASK = "****";

  /** Header names (lower case) whose values are credentials. */
  private static final Set<String> SECRET_HEADERS = Set.of(
      "authorization", "proxy-authorization", "x-goog-api-key", "api-key", "x-api-key", "cookie", "set-cookie");

  /** Query parameter names (lower case) whose values are credentials. */
  private static final Set<String> SECRET_PARAMS = Set.of(
      "key", "api_key", "apikey", "api-key", "access_token", "token", "signature", "x-goog-signature");

  private Redaction() {}

  static boolean isSecretHeader(String name) {
    return SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT));
  }

  static boolean isSecretParam(String name) {
    return SECRET_PARAMS.contains(name.toLowerCase(Locale.ROOT));
  }

  /** The URL with every secret query parameter's value replaced by {@value #MASK}. */
  static String url(HttpUrl url) {
    if (url.querySize() == 0) return url.toString();
    HttpUrl.Builder b = url.newBuilder();
    for (String name : url.queryParameterNames()) {
      if (isSecretParam(name)) b.setQueryParameter(name, MASK);
    }
    return b.build().toString();
  }

  /** The secret values a request carries (credential headers, credential query parameters). */
  static List<String> secretsOf(Request request) {
    List<String> secrets = new ArrayList<>();
    for (String name : request.headers().names()) {
      if (!isSecretHeader(name)) continue;
      for (String v : request.headers(name)) {
        secrets.add(v);
        // "Bearer sk-…": also scrub the bare token, which a provider may echo back on its own.
        int space = v.indexOf(' ');
        if (space > 0) secrets.add(v.substring(space + 1).trim());
      }
    }
    HttpUrl url = request.url();
    for (String name : url.queryParameterNames()) {
      if (!isSecretParam(name)) continue;
      for (String v : url.queryParameterValues(name)) {
        if (v != null) secrets.add(v);
      }
    }
    return secrets;
  }

  /** {@code text} with every occurrence of each secret replaced by {@value #MASK}. */
  static String scrub(String text, List<String> secrets) {
    if (text == null) return null;
    String out = text;
    for (String s : secrets) out = Secret.mask(out, s);
    return out;
  }
}
