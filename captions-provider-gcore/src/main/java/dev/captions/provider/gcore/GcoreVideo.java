package dev.captions.provider.gcore;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Gcore Streaming video as far as captioning needs it: its id, name, status and MP4 renditions. Immutable.
 */
public final class GcoreVideo {
  /** One transcoded MP4 rendition from {@code converted_videos}. */
  public static final class Rendition {
    private final String name;
    private final int width;
    private final int height;
    private final String mp4Url;

    /**
     * A rendition as Gcore returns it.
     *
     * @param name the rendition's name, e.g. {@code "vod480n"}; {@code null} becomes {@code ""}
     * @param width width in pixels, {@code 0} when not reported
     * @param height height in pixels, {@code 0} when not reported
     * @param mp4Url the MP4 URL, or {@code null}
     */
    public Rendition(String name, int width, int height, String mp4Url) {
      this.name = name == null ? "" : name;
      this.width = width;
      this.height = height;
      this.mp4Url = mp4Url;
    }

    /**
     * The rendition's name.
     *
     * @return the name, e.g. {@code "vod480n"}; {@code ""} when none
     */
    public String name() {
      return name;
    }

    /**
     * The rendition's width.
     *
     * @return width in pixels, {@code 0} when not reported
     */
    public int width() {
      return width;
    }

    /** {@return height in pixels, {@code 0} when not reported} */
    public int height() {
      return height;
    }

    /** {@return the rendition's MP4 URL, or null when MP4 delivery is disabled for the account} */
    public String mp4Url() {
      return mp4Url;
    }

    @Override
    public String toString() {
      return name + " " + width + "x" + height;
    }
  }

  private final long id;
  private final String name;
  private final String status;
  private final String mp4Url;
  private final List<Rendition> renditions;

  /**
   * A video as Gcore returns it.
   *
   * @param id Gcore's video id
   * @param name the video's name; {@code null} becomes {@code ""}
   * @param status Gcore's status; {@code null} becomes {@code ""}
   * @param mp4Url the top-level MP4 URL, or {@code null}
   * @param renditions the converted renditions; copied
   */
  public GcoreVideo(long id, String name, String status, String mp4Url, List<Rendition> renditions) {
    this.id = id;
    this.name = name == null ? "" : name;
    this.status = status == null ? "" : status;
    this.mp4Url = mp4Url;
    this.renditions = List.copyOf(Objects.requireNonNull(renditions, "renditions == null"));
  }

  /**
   * Gcore's video id.
   *
   * @return the id
   */
  public long id() {
    return id;
  }

  /**
   * The video's name.
   *
   * @return the name; {@code ""} when none
   */
  public String name() {
    return name;
  }

  /** {@return {@code empty}, {@code pending}, {@code viewable}, {@code ready} or {@code error}, as Gcore reports it} */
  public String status() {
    return status;
  }

  /** {@return the video's top-level {@code mp4_url}, when present} */
  public Optional<String> mp4Url() {
    return Optional.ofNullable(mp4Url);
  }

  /** {@return the {@code converted_videos} renditions, in the order Gcore lists them} */
  public List<Rendition> renditions() {
    return renditions;
  }

  /**
   * The MP4 URL best suited to AI ASR: the 480p rendition when there is one (Gcore's guide: it carries a 128 kbps
   * audio track), else the smallest rendition of at least 240p, else the top-level {@code mp4_url}.
   *
   * @return the URL, or empty when Gcore has no MP4 for the video yet
   */
  public Optional<String> asrMp4Url() {
    Rendition best = null;
    for (Rendition r : renditions) {
      if (r.mp4Url() == null) continue;
      if (r.height() == 480) return Optional.of(r.mp4Url());
      if (r.height() >= 240 && (best == null || r.height() < best.height())) best = r;
    }
    if (best != null) return Optional.of(best.mp4Url());
    if (mp4Url != null) return Optional.of(mp4Url);
    return renditions.stream().map(Rendition::mp4Url).filter(Objects::nonNull).findFirst();
  }

  @Override
  public String toString() {
    return "GcoreVideo{id=" + id + ", status=" + status + ", renditions=" + renditions + '}';
  }
}
