package dev.captions.spi;

import java.util.Objects;

/**
 * An API key or token. {@link #toString()} never shows it, so it cannot leak through logs, exception messages or
 * debuggers that print objects; only {@link #reveal()} gives the value, to be put straight into a request header.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /**
   * @throws IllegalArgumentException when blank
   *
   * @param value the secret; not blank
   * @return the wrapped secret
   */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "value == null");
    if (value.isBlank()) throw new IllegalArgumentException("a secret must not be blank");
    return new Secret(value.strip());
  }

  /** {@return the value, for an Authorization header and nothing else} */
  public String reveal() {
    return value;
  }

  /**
   * {@code text} with every occurrence of this secret replaced by {@code ****}: for messages built from what a
   * provider (or a gateway in front of it) sent back, which may echo the credential. Null stays null.
   *
   * @param text a message, or {@code null}
   * @return the masked text, or {@code null}
   */
  public String scrubFrom(String text) {
    return mask(text, value);
  }

  /**
   * {@code text} with every occurrence of {@code secret} replaced by {@code ****}. Secrets shorter than six characters
   * are left alone: replacing "ab" everywhere would garble the message and hide nothing worth hiding.
   *
   * @param text a message, or {@code null}
   * @param secret the value to hide, or {@code null} (nothing is masked)
   * @return the masked text, or {@code null} when {@code text} is
   */
  public static String mask(String text, String secret) {
    if (text == null || secret == null || secret.length() < 6) return text;
    return text.replace(secret, "****");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret && ((Secret) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "Secret[****]";
  }
}
