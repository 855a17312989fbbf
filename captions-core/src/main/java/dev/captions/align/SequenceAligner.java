package dev.captions.align;

import java.util.Arrays;

/**
 * Global sequence alignment (Needleman–Wunsch scores, Hirschberg's divide and conquer for memory) of two token
 * sequences: which token of {@code b} each token of {@code a} is matched to. Linear memory, so an hour of transcript
 * against an hour of recognition (10,000 × 10,000 tokens) needs a few hundred kilobytes instead of 100 MB; time is
 * O(|a|·|b|), about a second for that size. Stateless and thread-safe.
 */
final class SequenceAligner {
  static final int MATCH = 2;
  static final int MISMATCH = -1;
  static final int GAP = -1;
  /** Below this many cells a full score matrix with trace-back is cheaper than recursing further. */
  private static final long DIRECT_CELLS = 1 << 20;

  private SequenceAligner() {}

  /**
   * Aligns {@code a} to {@code b} (tokens as ids; equal ids match).
   *
   * @return for each index of {@code a}, the index of {@code b} it is aligned to with equal ids, or -1 (a gap or a
   *     substitution)
   */
  static int[] align(int[] a, int[] b) {
    int[] match = new int[a.length];
    Arrays.fill(match, -1);
    solve(a, 0, a.length, b, 0, b.length, match);
    return match;
  }

  private static void solve(int[] a, int a0, int a1, int[] b, int b0, int b1, int[] match) {
    int n = a1 - a0;
    int m = b1 - b0;
    if (n == 0 || m == 0) return;
    if ((long) n * m <= DIRECT_CELLS || n == 1) {
      direct(a, a0, a1, b, b0, b1, match);
      return;
    }
    int mid = a0 + n / 2;
    int[] left = lastRow(a, a0, mid, b, b0, b1, false);
    int[] right = lastRow(a, mid, a1, b, b0, b1, true);
    int best = Integer.MIN_VALUE;
    int split = b0;
    for (int j = 0; j <= m; j++) {
      int s = left[j] + right[m - j];
      if (s > best) {
        best = s;
        split = b0 + j;
      }
    }
    solve(a, a0, mid, b, b0, split, match);
    solve(a, mid, a1, b, split, b1, match);
  }

  /** The last row of the score matrix of a[a0,a1) against b[b0,b1), read backwards when {@code reverse}. */
  private static int[] lastRow(int[] a, int a0, int a1, int[] b, int b0, int b1, boolean reverse) {
    int m = b1 - b0;
    int[] prev = new int[m + 1];
    int[] cur = new int[m + 1];
    for (int j = 0; j <= m; j++) prev[j] = j * GAP;
    for (int i = 1; i <= a1 - a0; i++) {
      int ai = reverse ? a[a1 - i] : a[a0 + i - 1];
      cur[0] = i * GAP;
      for (int j = 1; j <= m; j++) {
        int bj = reverse ? b[b1 - j] : b[b0 + j - 1];
        int diag = prev[j - 1] + (ai == bj ? MATCH : MISMATCH);
        int up = prev[j] + GAP;
        int leftS = cur[j - 1] + GAP;
        cur[j] = Math.max(diag, Math.max(up, leftS));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev;
  }

  private static void direct(int[] a, int a0, int a1, int[] b, int b0, int b1, int[] match) {
    int n = a1 - a0;
    int m = b1 - b0;
    int[][] s = new int[n + 1][m + 1];
    for (int i = 0; i <= n; i++) s[i][0] = i * GAP;
    for (int j = 0; j <= m; j++) s[0][j] = j * GAP;
    for (int i = 1; i <= n; i++) {
      for (int j = 1; j <= m; j++) {
        int diag = s[i - 1][j - 1] + (a[a0 + i - 1] == b[b0 + j - 1] ? MATCH : MISMATCH);
        s[i][j] = Math.max(diag, Math.max(s[i - 1][j] + GAP, s[i][j - 1] + GAP));
      }
    }
    int i = n;
    int j = m;
    while (i > 0 && j > 0) {
      boolean same = a[a0 + i - 1] == b[b0 + j - 1];
      if (s[i][j] == s[i - 1][j - 1] + (same ? MATCH : MISMATCH)) {
        if (same) match[a0 + i - 1] = b0 + j - 1;
        i--;
        j--;
      } else if (s[i][j] == s[i - 1][j] + GAP) {
        i--;
      } else {
        j--;
      }
    }
  }
}
