package dev.captions.webvtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.codec.Diagnostic;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.CueSettings;
import dev.captions.model.Region;
import dev.captions.model.TrackKind;
import dev.captions.model.TrackMetadata;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The strict validator accepts everything {@link WebVttWriter} writes for plain text (escaped), whatever characters
 * the text, speaker, notes and styles hold. Only the legacy {@code Kind:}/{@code Language:} header lines may give a
 * warning. Cues are generated in start order and with distinct ids, which the syntax asks of authors.
 */
class WriterOutputValidatesPropertyTest {
  private static final String TEXT_CHARS = "ab Z09.,&<>;#-'\"\n\r\u00e9\u6f22";

  @Property(tries = 300)
  void validatorAcceptsEscapedWriterOutput(@ForAll("plainTracks") CaptionTrack track, @ForAll boolean crlf)
      throws Exception {
    assertValid(WebVttWriter.builder().escapePlainText(true).lineEnding(crlf ? "\r\n" : "\n").build(), track);
  }

  /** The default writer keeps markup as given; text without '&' and '<' is plain either way, '>' included. */
  @Property(tries = 300)
  void validatorAcceptsDefaultWriterOutput(@ForAll("markupFreeTracks") CaptionTrack track) throws Exception {
    assertValid(WebVttWriter.create(), track);
  }

  private static void assertValid(WebVttWriter writer, CaptionTrack track) throws Exception {
    String vtt = writer.writeToString(track);
    List<Diagnostic> errors = WebVttValidator.create().validate(new StringReader(vtt)).stream()
        .filter(d -> d.severity() == Diagnostic.Severity.ERROR).collect(Collectors.toList());
    assertThat(errors).as(vtt).isEmpty();
  }

  @Provide
  Arbitrary<CaptionTrack> plainTracks() {
    return tracks(TEXT_CHARS);
  }

  @Provide
  Arbitrary<CaptionTrack> markupFreeTracks() {
    return tracks(TEXT_CHARS.replace("&", "").replace("<", ""));
  }

  private static Arbitrary<Double> percent() {
    return Arbitraries.oneOf(Arbitraries.integers().between(0, 100).map(Integer::doubleValue),
        Arbitraries.doubles().between(0, 100));
  }

  private static Arbitrary<CueSettings> settings(List<Region> regions) {
    Arbitrary<String> region = regions.isEmpty() ? Arbitraries.just(null)
        : Arbitraries.of(regions).map(Region::id).injectNull(0.5);
    Arbitrary<CueSettings.Anchor> lineAlign = Arbitraries.of(CueSettings.Anchor.START, CueSettings.Anchor.CENTER,
        CueSettings.Anchor.END);
    Arbitrary<CueSettings.Anchor> positionAlign = Arbitraries.of(CueSettings.Anchor.AUTO, CueSettings.Anchor.LINE_LEFT,
        CueSettings.Anchor.CENTER, CueSettings.Anchor.LINE_RIGHT);
    return Combinators.combine(Arbitraries.integers().between(-3, 3).injectNull(0.5), percent().injectNull(0.7),
        lineAlign, percent().injectNull(0.5), positionAlign, percent(), Arbitraries.of(CueSettings.Align.class),
        Arbitraries.of(CueSettings.Vertical.class))
        .as((lineNumber, linePercent, la, pos, pa, size, align, vertical) -> {
          CueSettings.Builder b = CueSettings.builder().vertical(vertical).size(size).align(align);
          if (lineNumber != null) {
            b.line(lineNumber.doubleValue()).lineAlign(la);
          } else if (linePercent != null) {
            b.line(linePercent).snapToLines(false).lineAlign(la);
          }
          if (pos != null) b.position(pos).positionAlign(pa);
          return b;
        })
        .flatMap(b -> region.map(r -> b.region(r).build()));
  }

  private static Arbitrary<Region> regions() {
    Arbitrary<Double> p = Arbitraries.integers().between(0, 100).map(Integer::doubleValue);
    return Combinators.combine(Arbitraries.strings().withCharRange('a', 'e').ofMinLength(1).ofMaxLength(3), p,
        Arbitraries.integers().between(0, 10), p, p, Arbitraries.of(Region.Scroll.class))
        .as((id, w, lines, x, y, scroll) -> Region.builder(id).width(w).lines(lines).regionAnchor(x, y)
            .viewportAnchor(y, x).scroll(scroll).build());
  }

  private static Arbitrary<CaptionTrack> tracks(String textChars) {
    Arbitrary<String> block = Arbitraries.strings().withChars(TEXT_CHARS + ":{}").ofMinLength(1).ofMaxLength(30)
        .filter(s -> !s.trim().isEmpty());
    Arbitrary<TrackMetadata> meta = Combinators.combine(
        Arbitraries.strings().withChars("abc XYZ-").ofMaxLength(12).filter(s -> !s.contains("-->")),
        block.list().ofMaxSize(2),
        regions().list().ofMaxSize(2).map(l -> l.stream().collect(Collectors.toMap(Region::id, r -> r, (a, b) -> a))
            .values().stream().sorted(Comparator.comparing(Region::id)).collect(Collectors.toList())),
        block.list().ofMaxSize(2))
        .as((header, styles, regions, notes) -> TrackMetadata.of(header.trim(), styles, regions, notes));
    return meta.flatMap(m -> {
      Arbitrary<Cue> cue = Combinators.combine(
          Arbitraries.strings().withChars("abc XYZ 019-").ofMinLength(1).ofMaxLength(10)
              .filter(s -> !s.contains("-->") && !s.isBlank()).injectNull(0.5),
          Arbitraries.longs().between(0, 200L * 3_600_000), Arbitraries.longs().between(1, 100_000),
          Arbitraries.strings().withChars(textChars).ofMaxLength(40),
          // Blank speakers included: the writer must not turn them into an empty "<v >".
          Arbitraries.oneOf(Arbitraries.strings().withChars("Ab &<>.").ofMaxLength(8).map(s -> "S" + s),
              Arbitraries.of("", " ", "\t")).injectNull(0.6),
          settings(m.regions()))
          .as((id, start, dur, text, speaker, s) -> Cue.builder().id(id == null ? null : id.trim()).startMs(start)
              .endMs(start + dur).text(text).speaker(speaker).settings(s).build());
      return Combinators.combine(cue.list().ofMaxSize(6), Arbitraries.of("und", "en", "pt-BR"),
          Arbitraries.of(TrackKind.class))
          .as((cues, lang, kind) -> {
            List<Cue> sorted = new ArrayList<>(cues);
            sorted.sort(Comparator.comparingLong(Cue::startMs));
            Set<String> ids = new LinkedHashSet<>();
            List<Cue> unique = new ArrayList<>();
            for (Cue c : sorted) {
              String id = c.id();
              unique.add(id == null || id.isEmpty() || ids.add(id) ? c : c.toBuilder().id(null).build());
            }
            return CaptionTrack.builder().language(lang).kind(kind).cues(unique).metadata(m).build();
          });
    });
  }
}
