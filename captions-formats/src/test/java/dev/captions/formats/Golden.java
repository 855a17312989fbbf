package dev.captions.formats;

import dev.captions.codec.CaptionCodec;
import dev.captions.codec.ParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the golden files in {@code src/test/resources/golden}. */
public final class Golden {
  private Golden() {}

  /**
   * The file's text.
   *
   * @param name the file name
   * @return its UTF-8 text
   */
  public static String text(String name) {
    try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
      if (in == null) throw new IllegalArgumentException("no golden file " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The file read by {@code codec}.
   *
   * @param codec the codec
   * @param name the file name
   * @return what the codec read
   */
  public static ParseResult read(CaptionCodec codec, String name) {
    try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
      if (in == null) throw new IllegalArgumentException("no golden file " + name);
      return codec.read(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
