package dev.captions.align;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SequenceAlignerTest {
  @Test
  void identicalSequencesMatchPositionByPosition() {
    int[] a = {1, 2, 3, 4, 5};
    assertThat(SequenceAligner.align(a, a)).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void insertionsAndDeletionsAreSkipped() {
    int[] a = {1, 2, 3, 4, 5, 6};
    int[] b = {1, 9, 2, 4, 5, 8, 6};
    assertThat(SequenceAligner.align(a, b)).containsExactly(0, 2, -1, 3, 4, 6);
  }

  /**
   * Long sequences (past the direct-matrix size, so Hirschberg's recursion runs): a recognition that drops 10 % of the
   * words and inserts others finds every kept word at its place, in order.
   */
  @Test
  void longSequencesWithEditsKeepEveryUnchangedToken() {
    Random random = new Random(7);
    int n = 3000;
    int[] a = new int[n];
    for (int i = 0; i < n; i++) a[i] = random.nextInt(500);
    List<Integer> b = new ArrayList<>();
    int[] expected = new int[n];
    for (int i = 0; i < n; i++) {
      if (random.nextInt(10) == 0) {
        expected[i] = -1; // dropped
        continue;
      }
      if (random.nextInt(10) == 0) b.add(1000 + random.nextInt(100)); // an inserted word the transcript lacks
      expected[i] = b.size();
      b.add(a[i]);
    }
    int[] match = SequenceAligner.align(a, b.stream().mapToInt(Integer::intValue).toArray());
    int same = 0;
    int last = -1;
    for (int i = 0; i < n; i++) {
      if (match[i] >= 0) {
        assertThat(match[i]).isGreaterThan(last);
        assertThat(b.get(match[i])).isEqualTo(a[i]);
        last = match[i];
      }
      if (match[i] == expected[i]) same++;
    }
    // Ambiguous repeats may pair a token with an equal neighbour; nearly all land exactly where they were.
    assertThat(same).isGreaterThan(n * 97 / 100);
  }
}
