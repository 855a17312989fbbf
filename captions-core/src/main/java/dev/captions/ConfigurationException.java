package dev.captions;

/** A builder or a configuration value is invalid; the message names the setting and the fix. */
public class ConfigurationException extends CaptionsException {
  private static final long serialVersionUID = 1L;

  /**
   * A configuration that cannot work.
   *
   * @param message what is missing or wrong and how to set it (key, system property, variable)
   */
  public ConfigurationException(String message) {
    super(message);
  }
}
