package dev.captions.codec;

import dev.captions.ProviderNotFoundException;
import dev.captions.internal.Services;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Finds the {@link CaptionCodec} registered for a format. */
public final class CaptionCodecs {
  private CaptionCodecs() {}

  /**
   * @param format the format wanted
   * @throws ProviderNotFoundException when no codec for the format is on the class path, naming the artifact to add
   * @return the first codec found for {@code format} by {@link java.util.ServiceLoader}
   */
  public static CaptionCodec forFormat(CaptionFormat format) {
    Map<CaptionFormat, CaptionCodec> codecs = all();
    CaptionCodec codec = codecs.get(format);
    if (codec == null) {
      throw new ProviderNotFoundException("No CaptionCodec for " + format + ". Available: " + new ArrayList<>(codecs.keySet())
          + ". Add dev.captions:" + (format == CaptionFormat.TTML || format == CaptionFormat.ASS ? "captions-formats"
          : "captions-webvtt") + " to the class path.");
    }
    return codec;
  }

  /**
   * Every codec found, one per format (the first found wins).
   *
   * @return every codec found, one per format (the first found wins); unmodifiable, possibly empty
   */
  public static Map<CaptionFormat, CaptionCodec> all() {
    Map<CaptionFormat, CaptionCodec> map = new EnumMap<>(CaptionFormat.class);
    List<CaptionCodec> found = Services.load(CaptionCodec.class);
    for (CaptionCodec c : found) map.putIfAbsent(c.format(), c);
    return map;
  }
}
