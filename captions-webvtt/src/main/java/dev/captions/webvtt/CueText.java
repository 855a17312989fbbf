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
    // Nodes are built as the tags open, and the open ones kept on an explicit stack: no recursion and no second
    // pass, whatever the depth (a 1 MB payload can nest 350,000 tags).
    Node root = new Node(Type.ROOT, "", -1, List.of(), "", List.of());
    java.util.ArrayDeque<Node> open = new java.util.ArrayDeque<>();
    Node current = root;
    int n = cueText.length();
    int i = 0;
    StringBuilder sb = new StringBuilder();
    while (i < n) {
      char c = cueText.charAt(i);
      if (c != '<') {
        sb.setLength(0);
        while (i < n && cueText.charAt(i) != '<') {
          char d = cueText.charAt(i);
          if (d == '&') {
            int next = Entities.decode(cueText, i, n, sb);
            if (next > 0) {
              i = next;
              continue;
            }
          }
          sb.append(d);
          i++;
        }
        current.add(new Node(Type.TEXT, sb.toString(), -1, List.of(), "", List.of()));
        continue;
      }
      // A tag runs to the next '>' (or the end of the text).
      int close = cueText.indexOf('>', i + 1);
      int end = close < 0 ? n : close;
      String body = cueText.substring(i + 1, end);
      i = close < 0 ? n : close + 1;
      if (body.startsWith("/")) {
        String name = body.substring(1);
        if (current.type != Type.ROOT && current.type.tag().equals(name)) {
          current = open.pop();
        } else if (name.equals("ruby") && current.type == Type.RUBY_TEXT) {
          open.pop(); // the <ruby> the <rt> is in
          current = open.pop();
        }
        continue;
      }
      if (!body.isEmpty() && VttSyntax.isDigit(body.charAt(0))) {
        int[] pos = {0};
        char[] chars = body.toCharArray();
        long ms = VttSyntax.scanTimestamp(chars, pos, chars.length);
        if (ms != VttSyntax.NO_TIME && pos[0] == chars.length) {
          current.add(new Node(Type.TIMESTAMP, "", ms, List.of(), "", List.of()));
        }
        continue;
      }
      // As browsers' HTML parsers do (Blink stops at 512), elements do not nest deeper than MAX_DEPTH: a deeper start
      // tag is ignored and its text joins the deepest element. Nothing visible is lost, and a hostile cue of 350,000
      // nested tags costs a thousand nodes, not a 350,000-long chain for the collector to copy.
      if (open.size() >= MAX_DEPTH) continue;
      // Start tag: name, .classes, then whitespace and an annotation.
      int ws = 0;
      while (ws < body.length() && !VttSyntax.isAsciiWhitespace(body.charAt(ws))) ws++;
      String nameAndClasses = body.substring(0, ws);
      String annotation = ws < body.length() ? collapse(Entities.decodeAll(body.substring(ws))) : "";
      String[] parts = nameAndClasses.split("\\.", -1);
      Type type = Type.forTag(parts[0]);
      if (type == null) continue;
      if (type == Type.RUBY_TEXT && current.type != Type.RUBY) continue;
      List<String> classes = parts.length == 1 ? List.of() : new ArrayList<>(parts.length - 1);
      for (int k = 1; k < parts.length; k++) {
        if (!parts[k].isEmpty()) classes.add(parts[k]);
      }
      Node child = new Node(type, "", -1, classes.isEmpty() ? List.of() : Collections.unmodifiableList(classes),
          type == Type.VOICE || type == Type.LANG ? annotation : "", List.of());
      current.add(child);
      open.push(current);
      current = child;
    }
    return root;
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
