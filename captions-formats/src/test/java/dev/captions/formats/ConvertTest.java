package dev.captions.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.codec.CaptionFormat;
import dev.captions.codec.Diagnostic;
import dev.captions.codec.WriteResult;
import dev.captions.model.TimeMap;
import dev.captions.webvtt.CaptionStreams;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link CaptionStreams#convert} (what {@code captions convert} runs) to and from TTML and ASS, through the codecs. */
class ConvertTest {
  private static final String SRT = "1\n00:00:01,000 --> 00:00:02,500\n<i>Tom</i> & Jerry\n\n";

  @Test
  void srtToTtmlAndAssAndBack() throws Exception {
    for (CaptionFormat to : List.of(CaptionFormat.TTML, CaptionFormat.ASS)) {
      assertThat(CaptionStreams.streams(CaptionFormat.SRT, to)).isFalse();
      StringWriter out = new StringWriter();
      List<Diagnostic> read = new ArrayList<>();
      CaptionStreams.convert(new StringReader(SRT), CaptionFormat.SRT, out, to, TimeMap.shift(500), read::add);
      StringWriter back = new StringWriter();
      WriteResult r = CaptionStreams.convert(new StringReader(out.toString()), to, back, CaptionFormat.SRT,
          TimeMap.IDENTITY, read::add);
      assertThat(back.toString()).as(to.name()).isEqualTo("1\n00:00:01,500 --> 00:00:03,000\n<i>Tom</i> & Jerry\n");
      assertThat(r.isLossless()).isTrue();
    }
  }
}
