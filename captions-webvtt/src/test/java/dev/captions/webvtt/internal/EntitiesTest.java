package dev.captions.webvtt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntitiesTest {
  private static List<String[]> table() throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        EntitiesTest.class.getResourceAsStream("/dev/captions/webvtt/html-entities.txt"), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.isEmpty() && !line.startsWith("#")) rows.add(line.split(" "));
      }
    }
    return rows;
  }

  @Test
  void tableHoldsTheWholeHtmlListAndEveryNameDecodes() throws IOException {
    List<String[]> rows = table();
    // HTML's list: 2,231 entries, of which 106 legacy names also appear without ';'
    assertThat(rows).hasSize(2125);
    assertThat(rows.stream().filter(f -> f[f.length - 1].equals("+"))).hasSize(106);
    for (String[] f : rows) {
      StringBuilder expected = new StringBuilder();
      for (int k = 1; k < f.length; k++) {
        if (!f[k].equals("+")) expected.appendCodePoint(Integer.parseInt(f[k], 16));
      }
      assertThat(Entities.decodeAll("x&" + f[0] + ";y")).as(f[0]).isEqualTo("x" + expected + "y");
      String bare = Entities.decodeAll("&" + f[0] + " ");
      if (f[f.length - 1].equals("+")) {
        assertThat(bare).as(f[0]).isEqualTo(expected + " ");
      } else {
        // without ';' only a legacy prefix may match ("&notin" is "¬in"), never the full non-legacy name
        assertThat(bare).as(f[0]).isNotEqualTo(expected + " ");
      }
    }
  }

  @Test
  void referenceProblemFollowsHtmlAuthoringRules() {
    assertThat(Entities.referenceProblem("&amp;", 0, 5)).isNull();
    assertThat(Entities.referenceProblem("&#x1F600;", 0, 9)).isNull();
    assertThat(Entities.referenceProblem("&#9;", 0, 4)).isNull();
    assertThat(Entities.referenceProblem("&amp", 0, 4)).contains("must end with ';'");
    assertThat(Entities.referenceProblem("&#13;", 0, 5)).contains("not allowed");
    assertThat(Entities.referenceProblem("&#x9F;", 0, 6)).contains("not allowed");
    assertThat(Entities.referenceProblem("&#xFFFF;", 0, 8)).contains("not allowed");
    assertThat(Entities.referenceProblem("&#xD800;", 0, 8)).contains("not allowed");
    assertThat(Entities.referenceProblem("& b", 0, 3)).startsWith("'&' must start");
  }
}
