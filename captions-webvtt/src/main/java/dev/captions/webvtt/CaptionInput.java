package dev.captions.webvtt;

import dev.captions.CaptionFormatException;
import dev.captions.codec.Diagnostic;
import dev.captions.webvtt.internal.Utf8Reader;
import java.io.ByteArrayInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A caption file's bytes as text, whatever its encoding. The encoding is, in this order: the one the caller gives
 * ({@code --encoding}); the one a byte order mark names (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE); UTF-16 without a BOM when
 * every other byte is zero; UTF-8 when the first {@value #SNIFF_BYTES} bytes are valid UTF-8 (ASCII included); else
 * what a charset detector says, ICU's {@code CharsetDetector} ({@code com.ibm.icu:icu4j} on the class path, or
 * {@code android.icu} on Android), looked up at run time so that neither is a dependency of this module; without
 * one, windows-1252, with a warning. Bytes the encoding cannot decode become U+FFFD, counted in
 * {@link #diagnostics()}; reading never throws for content.
 *
 * <p>A file that is not text at all (control codes such as 0x00–0x08 in more than 1% of its first bytes, outside
 * UTF-16/32) is rejected with a {@link CaptionFormatException} giving the line and (byte) column of the first one.
 *
 * <p>Not thread-safe; one instance per file. Closing the reader closes the stream.
 */
public final class CaptionInput {
  /** How many bytes are looked at to choose the encoding. */
  public static final int SNIFF_BYTES = 1 << 20;

  private final Reader reader;
  private final Charset charset;
  private final String how;
  private final Utf8Reader utf8;
  private final Counting counting;
  private final List<Diagnostic> notes = new ArrayList<>(2);

  private CaptionInput(Reader reader, Charset charset, String how, Utf8Reader utf8, Counting counting) {
    this.reader = reader;
    this.charset = charset;
    this.how = how;
    this.utf8 = utf8;
    this.counting = counting;
  }

  /**
   * Opens {@code in}, choosing the encoding as the class comment says.
   *
   * @param in the bytes; read from its current position, closed with {@link #reader()}
   * @param encoding the encoding to use, or null to detect it
   * @return the decoded input
   * @throws IOException when reading fails
   * @throws CaptionFormatException when the bytes are not text (see the class comment), with line and column
   */
  public static CaptionInput open(InputStream in, Charset encoding) throws IOException {
    byte[] head = new byte[SNIFF_BYTES];
    int n = 0;
    for (int r; n < head.length && (r = in.read(head, n, head.length - n)) >= 0; ) n += r;
    InputStream whole = new SequenceInputStream(new ByteArrayInputStream(head, 0, n), in);
    if (encoding != null) return decoding(whole, encoding, "given");
    int b0 = n > 0 ? head[0] & 0xFF : -1;
    int b1 = n > 1 ? head[1] & 0xFF : -1;
    int b2 = n > 2 ? head[2] & 0xFF : -1;
    int b3 = n > 3 ? head[3] & 0xFF : -1;
    if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) return decoding(whole, StandardCharsets.UTF_8, "byte order mark");
    if (b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0) return decoding(whole, Charset.forName("UTF-32LE"), "byte order mark");
    if (b0 == 0 && b1 == 0 && b2 == 0xFE && b3 == 0xFF) return decoding(whole, Charset.forName("UTF-32BE"), "byte order mark");
    if (b0 == 0xFF && b1 == 0xFE) return decoding(whole, StandardCharsets.UTF_16LE, "byte order mark");
    if (b0 == 0xFE && b1 == 0xFF) return decoding(whole, StandardCharsets.UTF_16BE, "byte order mark");
    Charset utf16 = utf16WithoutBom(head, n);
    if (utf16 != null) return decoding(whole, utf16, "every other byte is zero");
    rejectBinary(head, n);
    if (isUtf8(head, n, n == SNIFF_BYTES)) return decoding(whole, StandardCharsets.UTF_8, "valid UTF-8");
    Object[] detected = detect(head, n);
    if (detected == null) {
      CaptionInput input = decoding(whole, Charset.forName("windows-1252"), "not UTF-8; no charset detector");
      input.notes.add(Diagnostic.warning(0, 0, "the file is not UTF-8 and no charset detector is on the class path"
          + " (add com.ibm.icu:icu4j); read as windows-1252. Give the encoding if that is wrong."));
      return input;
    }
    return decoding(whole, (Charset) detected[0], "detected, confidence " + detected[1] + "%");
  }

  /**
   * The text; closing it closes the stream.
   *
   * @return the reader
   */
  public Reader reader() {
    return reader;
  }

  /** @return the encoding the bytes are read with */
  public Charset charset() {
    return charset;
  }

  /**
   * E.g. {@code "windows-1250 (detected, confidence 62%)"} or {@code "UTF-8 (valid UTF-8)"}.
   *
   * @return the encoding and how it was chosen, for people
   */
  public String description() {
    return charset.name() + " (" + how + ")";
  }

  /**
   * Whether the encoding was found by a detector's guess (or the windows-1252 fallback), not given, marked or
   * proven.
   *
   * @return true for a guess, which the caller should report
   */
  public boolean isGuess() {
    return how.startsWith("detected") || how.startsWith("not UTF-8");
  }

  /**
   * How many malformed byte sequences became U+FFFD so far; complete once the reader is at its end.
   *
   * @return the count
   */
  public long replacedSequences() {
    return utf8 != null ? utf8.malformedCount() : counting.replaced;
  }

  /**
   * What the caller should hear about the decoding: the fallback without a detector, and (once the reader is at its
   * end) how many malformed sequences became U+FFFD. Warnings, line 0.
   *
   * @return the warnings so far, possibly empty
   */
  public List<Diagnostic> diagnostics() {
    List<Diagnostic> out = new ArrayList<>(notes);
    long replaced = replacedSequences();
    if (replaced > 0) {
      out.add(Diagnostic.warning(0, 0, replaced + " byte sequence" + (replaced == 1 ? " is" : "s are") + " not valid "
          + charset.name() + " and became U+FFFD; give the file's encoding if the text looks wrong"));
    }
    return out;
  }

  private static CaptionInput decoding(InputStream in, Charset cs, String how) {
    if (cs.equals(StandardCharsets.UTF_8)) {
      Utf8Reader r = new Utf8Reader(in);
      return new CaptionInput(r, cs, how, r, null);
    }
    Counting c = new Counting(in, cs);
    return new CaptionInput(c, cs, how, null, c);
  }

  /** A decoder that replaces malformed and unmappable input with U+FFFD and counts each replacement. */
  private static final class Counting extends FilterReader {
    long replaced;

    Counting(InputStream in, Charset cs) {
      super(new InputStreamReader(in, cs.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith("\uFFFD")));
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      int r = super.read(cbuf, off, len);
      for (int i = off; i < off + r; i++) {
        if (cbuf[i] == '\uFFFD') replaced++; // a U+FFFD in the file itself counts too: rare, and worth a look anyway
      }
      return r;
    }

    @Override
    public int read() throws IOException {
      char[] one = new char[1];
      return read(one, 0, 1) < 0 ? -1 : one[0];
    }
  }

  private static Charset utf16WithoutBom(byte[] b, int n) {
    if (n < 8) return null;
    int evenZero = 0;
    int oddZero = 0;
    int pairs = Math.min(n, 4096) / 2;
    for (int i = 0; i < pairs; i++) {
      if (b[2 * i] == 0) evenZero++;
      if (b[2 * i + 1] == 0) oddZero++;
    }
    if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return StandardCharsets.UTF_16LE;
    if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return StandardCharsets.UTF_16BE;
    return null;
  }

  private static void rejectBinary(byte[] b, int n) {
    int controls = 0;
    int first = -1;
    for (int i = 0; i < n; i++) {
      int c = b[i] & 0xFF;
      if (c < 0x09 || (c > 0x0D && c < 0x20 && c != 0x1B)) {
        if (first < 0) first = i;
        controls++;
      }
    }
    if (first < 0 || controls < 4 || controls * 100L < n) return;
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < first; i++) {
      if (b[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    throw new CaptionFormatException(String.format(Locale.ROOT, "this is not a text caption file: byte 0x%02X is a"
        + " control code, and %d of the first %d bytes are; check that the file is a .vtt, .srt or .json caption file",
        b[first] & 0xFF, controls, n), line, first - lineStart + 1);
  }

  private static boolean isUtf8(byte[] b, int n, boolean truncated) {
    CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(b, 0, n);
    CharBuffer out = CharBuffer.allocate(8192);
    while (true) {
      var r = d.decode(in, out, !truncated);
      if (r.isError()) return false;
      ((java.nio.Buffer) out).clear(); // through Buffer: CharBuffer.clear() is not in Android's API 26
      if (r.isUnderflow()) break;
    }
    if (!truncated) {
      try {
        d.flush(out);
      } catch (IllegalStateException e) {
        return false;
      }
    }
    return truncated ? in.remaining() < 4 : !in.hasRemaining();
  }

  /** {charset, confidence} from ICU's detector, or null when none is on the class path or it names no charset here. */
  private static Object[] detect(byte[] b, int n) {
    byte[] sample = java.util.Arrays.copyOf(b, n);
    for (String cls : new String[] {"com.ibm.icu.text.CharsetDetector", "android.icu.text.CharsetDetector"}) {
      try {
        Class<?> c = Class.forName(cls);
        Object detector = c.getConstructor().newInstance();
        c.getMethod("setText", byte[].class).invoke(detector, sample);
        Object[] matches = (Object[]) c.getMethod("detectAll").invoke(detector);
        for (Object match : matches) {
          Method name = match.getClass().getMethod("getName");
          Method confidence = match.getClass().getMethod("getConfidence");
          String charset = (String) name.invoke(match);
          if (charset.startsWith("UTF-") || !Charset.isSupported(charset)) continue; // UTF-8 was ruled out above
          return new Object[] {Charset.forName(charset), confidence.invoke(match)};
        }
        return null;
      } catch (ReflectiveOperationException | LinkageError e) {
        // not on the class path, or not this API: try the next
      }
    }
    return null;
  }
}
