package dev.captions;

/** No provider of the asked kind and name is on the class path, or none is configured. The message lists the ones found. */
public class ProviderNotFoundException extends CaptionsException {
  private static final long serialVersionUID = 1L;

  public ProviderNotFoundException(String message) {
    super(message);
  }
}
