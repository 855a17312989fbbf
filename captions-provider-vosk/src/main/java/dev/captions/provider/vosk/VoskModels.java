package dev.captions.provider.vosk;

import dev.captions.ConfigurationException;
import dev.captions.ProviderException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;

/**
 * Loads the Vosk native library once per JVM and each model directory once per JVM. A {@link Model} is read-only
 * after loading and Vosk allows any number of recognisers on it from any threads, so all transcribers share it.
 * Models are never freed: they live as long as the class loader, which is what a JVM-wide cache means.
 */
final class VoskModels {
  private static final Logger LOG = LoggerFactory.getLogger(VoskModels.class);
  private static final Map<Path, Model> MODELS = new ConcurrentHashMap<>();
  private static volatile boolean nativeReady;

  private VoskModels() {}

  /**
   * The model in {@code dir}, loaded on first use (a few seconds for the small model). Blocks while another thread
   * loads the same directory.
   *
   * @throws ConfigurationException when {@code dir} is not a Vosk model directory
   * @throws ProviderException when the native library cannot be loaded on this platform
   */
  static Model get(Path dir) {
    Path key = dir.toAbsolutePath().normalize();
    Model cached = MODELS.get(key);
    if (cached != null) return cached;
    checkModelDirectory(key);
    loadNativeLibrary();
    return MODELS.computeIfAbsent(key, VoskModels::load);
  }

  private static Model load(Path dir) {
    long started = System.nanoTime();
    try {
      Model model = new Model(dir.toString());
      LOG.debug("Loaded the Vosk model {} in {} ms", dir, (System.nanoTime() - started) / 1_000_000);
      return model;
    } catch (IOException e) {
      throw new ConfigurationException("Vosk could not load the model in " + dir + " (" + e.getMessage()
          + "). Check that it is a complete, unpacked model from https://alphacephei.com/vosk/models.");
    }
  }

  /** Fails with a clear message before Vosk does (Vosk only says "Failed to create a model"). */
  static void checkModelDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new ConfigurationException("The Vosk model directory " + dir + " does not exist. Set captions.vosk.model"
          + " (or VOSK_MODEL) to an unpacked model from https://alphacephei.com/vosk/models, or unset it to use the"
          + " default English model (dev.captions:captions-vosk-model-en).");
    }
    if (!Files.isRegularFile(dir.resolve("am").resolve("final.mdl")) || !Files.isDirectory(dir.resolve("conf"))) {
      throw new ConfigurationException(dir + " is not a Vosk model directory: it has no am/final.mdl or no conf/."
          + " Point captions.vosk.model (or VOSK_MODEL) to the unpacked model's top directory.");
    }
  }

  /**
   * Loads the Vosk native library once per JVM (JNA unpacks it from the vosk jar to {@code ~/.cache/JNA/temp}, else
   * {@code java.io.tmpdir}).
   *
   * @throws ProviderException when there is none for this platform or it cannot be loaded
   */
  static synchronized void loadNativeLibrary() {
    if (nativeReady) return;
    try {
      // Vosk logs every model and recogniser detail to stderr at INFO; only its warnings are worth showing.
      LibVosk.setLogLevel(LogLevel.WARNINGS);
    } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
      throw new ProviderException("vosk", "the Vosk native library cannot be loaded on "
          + System.getProperty("os.name") + " " + System.getProperty("os.arch").toLowerCase(Locale.ROOT)
          + " (com.alphacephei:vosk ships linux-x86-64, darwin and win32-x86-64): " + e.getMessage(), e);
    }
    nativeReady = true;
  }
}
