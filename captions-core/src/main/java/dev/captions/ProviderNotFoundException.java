package dev.captions;

/** No provider of the asked kind and name is on the class path, or none is configured. The message lists the ones found. */
public class ProviderNotFoundException extends CaptionsException {
  private static final long serialVersionUID = 1L;

  /**
   * No provider or codec of the wanted name or kind is on the class path.
   *
   * @param message what is missing and which artifact to add
   */
  public ProviderNotFoundException(String message) {
    super(message);
  }
}
