package dev.captions.webvtt;

import dev.captions.webvtt.internal.Entities;
import dev.captions.webvtt.internal.VttSyntax;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The WebVTT cue text parsing rules: a cue payload such as {@code <v.loud Ann>Hi <i>there</i> &amp; <00:01.000>bye}
 * into a small tree of {@link Node}s, and {@link #plainText(String)} for showing a cue as plain text. Unknown tags are
 * dropped, unclosed ones closed at the end, as the spec says; parsing never fails. Character references in text and
 * annotations are decoded as the spec's tokenizer does, with HTML's algorithm: every named reference, legacy names
 * such as {@code &amp} also without {@code ;}, numeric references with or without {@code ;}. Immutable, thread-safe.
 */
public final class CueText {
  private CueText() {}

  /** The kinds of node in a cue text tree. */
  public enum Type {
    /** The root; holds the top-level nodes. */
    ROOT(""),
    /** Text: {@link Node#text()} holds it, references decoded. */
    TEXT(""),
    /** A timestamp tag ({@code <00:01.000>}): {@link Node#timestampMs()} holds it. */
    TIMESTAMP(""),
    /** A class span ({@code <c>}), with {@link Node#classes()}. */
    CLASS("c"),
    /** An italic span ({@code <i>}). */
    ITALIC("i"),
    /** A bold span ({@code <b>}). */
    BOLD("b"),
    /** An underline span ({@code <u>}). */
    UNDERLINE("u"),
    /** A ruby span ({@code <ruby>}). */
    RUBY("ruby"),
    /** Ruby text ({@code <rt>}) inside a ruby span. */
    RUBY_TEXT("rt"),
    /** A voice: {@link Node#annotation()} is the speaker. */
    VOICE("v"),
    /** A language span: {@link Node#annotation()} is the BCP-47 tag. */
    LANG("lang");

    private final String tag;

    Type(String tag) {
      this.tag = tag;
    }

    /** {@return the tag name, {@code ""} for ROOT, TEXT and TIMESTAMP} */
    public String tag() {
      return tag;
    }

    /** The element type whose tag is {@code s[from, to)}, or null; compared in place. */
    static Type forTag(String s, int from, int to) {
      int len = to - from;
      if (len == 1) {
        switch (s.charAt(from)) {
          case 'c':
            return CLASS;
          case 'i':
            return ITALIC;
          case 'b':
            return BOLD;
          case 'u':
            return UNDERLINE;
          case 'v':
            return VOICE;
          default:
            return null;
        }
      }
      if (len == 2) return s.startsWith("rt", from) ? RUBY_TEXT : null;
      if (len == 4) return s.startsWith("ruby", from) ? RUBY : s.startsWith("lang", from) ? LANG : null;
      return null;
    }

    static Type forTag(String name) {
      switch (name) {
        case "c":
          return CLASS;
        case "i":
          return ITALIC;
        case "b":
          return BOLD;
        case "u":
          return UNDERLINE;
        case "ruby":
          return RUBY;
        case "rt":
          return RUBY_TEXT;
        case "v":
          return VOICE;
        case "lang":
          return LANG;
        default:
          return null;
      }
    }
  }

  /** A node. Text nodes hold decoded text; element nodes hold classes, an annotation and children. Immutable. */
  public static final class Node {
    private final Type type;
    private final String text;
    private final long timestampMs;
    private final List<String> classes;
    private final String annotation;
    /** Unmodifiable; only {@link CueText#parse} adds to it (through {@link #kids}), before the tree is returned. */
    private List<Node> children;
    private ArrayList<Node> kids;

    private Node(Type type, String text, long timestampMs, List<String> classes, String annotation, List<Node> children) {
      this.type = type;
      this.text = text;
      this.timestampMs = timestampMs;
      this.classes = classes;
      this.annotation = annotation;
      this.children = children;
    }

    /**
     * What kind of node this is.
     *
     * @return the type; never null
     */
    public Type type() {
      return type;
    }

    /** {@return the decoded text of a TEXT node; {@code ""} for others} */
    public String text() {
      return text;
    }

    /** {@return the time of a TIMESTAMP node in milliseconds; -1 for others} */
    public long timestampMs() {
      return timestampMs;
    }

    /** {@return the classes ({@code <c.yellow.big>} → [yellow, big])} Unmodifiable. */
    public List<String> classes() {
      return classes;
    }

    /** {@return the annotation of a VOICE or LANG node (whitespace collapsed, references decoded), else {@code ""}} */
    public String annotation() {
      return annotation;
    }

    /** Adds a child while parsing; the tree is never changed once {@link CueText#parse} returns it. */
    private void add(Node child) {
      if (kids == null) {
        kids = new ArrayList<>(2);
        children = Collections.unmodifiableList(kids);
      }
      kids.add(child);
    }

    /**
     * Unmodifiable; empty for TEXT and TIMESTAMP.
     *
     * @return the child nodes in order
     */
    public List<Node> children() {
      return children;
    }

    @Override
    public String toString() {
      if (type == Type.TEXT) return '"' + text + '"';
      if (type == Type.TIMESTAMP) return "<" + timestampMs + "ms>";
      return type + (classes.isEmpty() ? "" : "." + String.join(".", classes))
          + (annotation.isEmpty() ? "" : "(" + annotation + ")") + children;
    }
  }

  /** How deep elements nest at most; see {@link #parse(String)}. */
  public static final int MAX_DEPTH = 1024;

  /**
   * Parses a raw cue payload. Never throws for any input. Elements nest at most {@link #MAX_DEPTH} deep: a start tag
   * deeper than that is ignored (its text stays, in the deepest element), as browsers cap the DOM depth.
   *
   * @param cueText the cue payload as written in the file; not null
   * @return the root node of the tree
   */
  public static Node parse(String cueText) {
    TreeBuilder builder = new TreeBuilder();
    scan(cueText, builder);
    return builder.root;
  }

  /**
   * Receives a cue text's structure from {@link #scan} in document order: what {@link #parse} builds its tree from,
   * and what a converter can consume without building one. Each started element ends exactly once.
   */
  interface Visitor {
    /** A run of text, references decoded; {@code decoded} is reused once this returns. */
    void text(CharSequence decoded);

    /** A valid timestamp tag, in milliseconds. */
    void timestamp(long ms);

    /** An element starts (a known tag where the rules allow it, within {@link #MAX_DEPTH}). */
    void start(Type type, List<String> classes, String annotation);

    /** The innermost open element ends: at its end tag, or at the end of the text. */
    void end(Type type);
  }

  /** Builds the {@link Node} tree from {@link #scan}'s events. */
  private static final class TreeBuilder implements Visitor {
    final Node root = new Node(Type.ROOT, "", -1, List.of(), "", List.of());
    private final java.util.ArrayDeque<Node> open = new java.util.ArrayDeque<>();
    private Node current = root;

    @Override
    public void text(CharSequence decoded) {
      current.add(new Node(Type.TEXT, decoded.toString(), -1, List.of(), "", List.of()));
    }

    @Override
    public void timestamp(long ms) {
      current.add(new Node(Type.TIMESTAMP, "", ms, List.of(), "", List.of()));
    }

    @Override
    public void start(Type type, List<String> classes, String annotation) {
      Node child = new Node(type, "", -1, classes, annotation, List.of());
      current.add(child);
      open.push(current);
      current = child;
    }

    @Override
    public void end(Type type) {
      current = open.pop();
    }
  }

  /**
   * Runs the cue text parsing rules over {@code cueText} in one pass and tells {@code visitor} what it finds. The open
   * elements are kept as an array of types, at most {@link #MAX_DEPTH} long: no recursion, and a tag costs no
   * allocation unless it starts an element (names are compared in place; classes and annotations are built only for
   * elements that start).
   */
  static void scan(String cueText, Visitor visitor) {
    Type[] open = new Type[8];
    int depth = 0;
    int n = cueText.length();
    int i = 0;
    StringBuilder sb = new StringBuilder();
    while (i < n) {
      char c = cueText.charAt(i);
      if (c != '<') {
        sb.setLength(0);
        // Found once per run (a reference never holds a '<'): looking again after each reference would be quadratic.
        int next = cueText.indexOf('<', i);
        int stop = next < 0 ? n : next;
        i = decodeRun(cueText, i, stop, sb);
        visitor.text(sb);
        continue;
      }
      // A tag runs to the next '>' (or the end of the text).
      int from = i + 1;
      int close = cueText.indexOf('>', from);
      int end = close < 0 ? n : close;
      i = close < 0 ? n : close + 1;
      if (from < end && cueText.charAt(from) == '/') {
        if (depth > 0 && isName(cueText, from + 1, end, open[depth - 1].tag())) {
          visitor.end(open[--depth]);
        } else if (depth > 1 && open[depth - 1] == Type.RUBY_TEXT && isName(cueText, from + 1, end, "ruby")) {
          visitor.end(open[--depth]); // the <rt>, then the <ruby> it is in
          visitor.end(open[--depth]);
        }
        continue;
      }
      if (from < end && VttSyntax.isDigit(cueText.charAt(from))) {
        int[] pos = {0};
        char[] chars = cueText.substring(from, end).toCharArray();
        long ms = VttSyntax.scanTimestamp(chars, pos, chars.length);
        if (ms != VttSyntax.NO_TIME && pos[0] == chars.length) visitor.timestamp(ms);
        continue;
      }
      // As browsers' HTML parsers do (Blink stops at 512), elements do not nest deeper than MAX_DEPTH: a deeper start
      // tag is ignored and its text joins the deepest element. Nothing visible is lost, and a hostile cue of 350,000
      // nested tags costs a thousand elements, not a 350,000-long chain.
      if (depth >= MAX_DEPTH) continue;
      // Start tag: name, .classes, then whitespace and an annotation.
      int ws = from;
      while (ws < end && !VttSyntax.isAsciiWhitespace(cueText.charAt(ws))) ws++;
      int dot = from;
      while (dot < ws && cueText.charAt(dot) != '.') dot++;
      Type type = Type.forTag(cueText, from, dot);
      if (type == null) continue;
      if (type == Type.RUBY_TEXT && (depth == 0 || open[depth - 1] != Type.RUBY)) continue;
      List<String> classes = List.of();
      if (dot < ws) {
        List<String> list = new ArrayList<>(2);
        for (int k = dot + 1; k <= ws; k++) {
          int e = k;
          while (e < ws && cueText.charAt(e) != '.') e++;
          if (e > k) list.add(cueText.substring(k, e));
          k = e;
        }
        if (!list.isEmpty()) classes = Collections.unmodifiableList(list);
      }
      String annotation = (type == Type.VOICE || type == Type.LANG) && ws < end
          ? collapse(Entities.decodeAll(cueText.substring(ws, end))) : "";
      if (depth == open.length) open = java.util.Arrays.copyOf(open, Math.min(MAX_DEPTH, depth * 2));
      open[depth++] = type;
      visitor.start(type, classes, annotation);
    }
    while (depth > 0) visitor.end(open[--depth]);
  }

  /**
   * Appends {@code s[from, stop)}, a run of text without {@code <}, to {@code sb} with its character references
   * decoded; returns {@code stop}. A method of its own so the JIT compiles this hot loop early and on its own.
   */
  private static int decodeRun(String s, int from, int stop, StringBuilder sb) {
    int i = from;
    while (i < stop) {
      int amp = i;
      while (amp < stop && s.charAt(amp) != '&') amp++; // not indexOf: it would look past the run
      sb.append(s, i, amp);
      if (amp == stop) break;
      int next = Entities.decode(s, amp, stop, sb);
      if (next > 0) {
        i = next;
      } else {
        sb.append('&');
        i = amp + 1;
      }
    }
    return stop;
  }

  /** Whether {@code s[from, to)} is {@code name}. */
  private static boolean isName(String s, int from, int to, String name) {
    return to - from == name.length() && s.startsWith(name, from);
  }

  private static String collapse(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (VttSyntax.isAsciiWhitespace(c)) {
        space = sb.length() > 0;
      } else {
        if (space) sb.append(' ');
        space = false;
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * The text a viewer reads: tags removed, references decoded, ruby text ({@code <rt>}) left out, line breaks kept.
   *
   * @param cueText the cue payload as written in the file; not null
   * @return the plain text, lines separated by {@code '\n'}
   */
  public static String plainText(String cueText) {
    if (cueText.indexOf('<') < 0 && cueText.indexOf('&') < 0) return cueText;
    StringBuilder sb = new StringBuilder(cueText.length());
    for (Node node : preorder(parse(cueText), Type.RUBY_TEXT)) {
      if (node.type == Type.TEXT) sb.append(node.text);
    }
    return sb.toString();
  }

  /**
   * Every node under {@code root} in document order (the root included), without recursion, leaving out the
   * subtrees of nodes of type {@code skip} (and those nodes).
   */
  static List<Node> preorder(Node root, Type skip) {
    List<Node> out = new ArrayList<>();
    java.util.ArrayDeque<Node> stack = new java.util.ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Node node = stack.pop();
      if (node.type == skip) continue;
      out.add(node);
      for (int i = node.children.size() - 1; i >= 0; i--) stack.push(node.children.get(i));
    }
    return out;
  }

  /**
   * {@return the speakers of the voice spans, in order of appearance, without repeats}
   *
   * @param cueText the cue payload as written in the file; not null
   */
  public static List<String> voices(String cueText) {
    if (cueText.indexOf("<v") < 0) return List.of();
    java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
    for (Node node : preorder(parse(cueText), null)) {
      if (node.type == Type.VOICE && !node.annotation.isEmpty()) out.add(node.annotation);
    }
    return new ArrayList<>(out);
  }
}
