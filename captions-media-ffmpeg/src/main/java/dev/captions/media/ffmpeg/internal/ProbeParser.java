package dev.captions.media.ffmpeg.internal;

import dev.captions.model.MediaInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code ffmpeg -i FILE} stderr into a {@link MediaInfo}. The jave builds ship no ffprobe, so this parses the
 * human-readable listing, which has been stable across FFmpeg 4–7:
 * <pre>
 * Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'v.mp4':
 *   Duration: 00:00:03.00, start: 0.000000, bitrate: 104 kb/s
 *   Stream #0:0(und): Video: h264 (High) (avc1 / 0x31637661), yuv420p, 160x120, ...
 *   Stream #0:1[0x2](eng): Audio: aac (LC) (mp4a / 0x6134706D), 44100 Hz, mono, ...
 * </pre>
 */
public final class ProbeParser {
  private static final Pattern INPUT = Pattern.compile("^Input #0, (.+), from '");
  private static final Pattern DURATION = Pattern.compile("^\\s*Duration: (\\d+):(\\d{2}):(\\d{2})(?:\\.(\\d+))?");
  private static final Pattern STREAM = Pattern.compile(
      "^\\s*Stream #0:(\\d+)(?:\\[0x[0-9a-fA-F]+\\])?(?:\\(([^)]*)\\))?(?:\\[0x[0-9a-fA-F]+\\])?: (\\w+): ([^\\s,]+)");

  private ProbeParser() {}

  /** Whether FFmpeg opened the input at all (it lists "Input #0"). */
  public static boolean opened(List<String> stderr) {
    for (String line : stderr) if (INPUT.matcher(line).find()) return true;
    return false;
  }

  /** Parses the listing of input #0; lines of other inputs or outputs are ignored. */
  public static MediaInfo parse(List<String> stderr) {
    String format = null;
    long durationMs = 0;
    List<MediaInfo.Stream> streams = new ArrayList<>();
    boolean inInput = false;
    for (String line : stderr) {
      Matcher m = INPUT.matcher(line);
      if (m.find()) {
        format = m.group(1);
        inInput = true;
        continue;
      }
      if (!inInput) continue;
      if (line.startsWith("Output #") || line.startsWith("Input #") || line.startsWith("Stream mapping:")) break;
      m = DURATION.matcher(line);
      if (m.find()) {
        durationMs = toMs(m);
        continue;
      }
      m = STREAM.matcher(line);
      if (m.find()) {
        String lang = m.group(2);
        if (lang == null || lang.isEmpty() || lang.equals("und")) lang = null;
        streams.add(MediaInfo.Stream.of(Integer.parseInt(m.group(1)), type(m.group(3)), m.group(4), lang));
      }
    }
    return MediaInfo.of(durationMs, streams, format);
  }

  private static long toMs(Matcher m) {
    long h = Long.parseLong(m.group(1));
    long min = Long.parseLong(m.group(2));
    long s = Long.parseLong(m.group(3));
    long ms = 0;
    if (m.group(4) != null) {
      String frac = (m.group(4) + "000").substring(0, 3);
      ms = Long.parseLong(frac);
    }
    return ((h * 60 + min) * 60 + s) * 1000 + ms;
  }

  private static MediaInfo.Stream.Type type(String word) {
    switch (word.toLowerCase(Locale.ROOT)) {
      case "audio":
        return MediaInfo.Stream.Type.AUDIO;
      case "video":
        return MediaInfo.Stream.Type.VIDEO;
      case "subtitle":
        return MediaInfo.Stream.Type.SUBTITLE;
      default:
        return MediaInfo.Stream.Type.OTHER;
    }
  }
}
