package dev.captions.formats;

import dev.captions.ass.AssCodec;
import dev.captions.model.CaptionTrack;
import dev.captions.model.TrackKind;
import dev.captions.ttml.TtmlCodec;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExploreTest {
  @Test
  void show() throws Exception {
    CaptionTrack t = Tracks.typical();
    CaptionTrack h = CaptionTrack.of("und", TrackKind.CAPTIONS, List.of(Tracks.highlighted()));
    for (var c : List.of(new AssCodec(), new TtmlCodec())) {
      String s = c.writeToString(t);
      System.out.println(s);
      System.out.println(c.write(t, new java.io.StringWriter()));
      System.out.println(c.read(new StringReader(s)).track().cues());
      System.out.println(c.read(new StringReader(s)).diagnostics());
      System.out.println(c.validate(new StringReader(s)));
      String hs = c.writeToString(h);
      System.out.println(hs);
      System.out.println(c.read(new StringReader(hs)).track().cues());
    }
    System.out.println(Tracks.highlighted());
  }
}
