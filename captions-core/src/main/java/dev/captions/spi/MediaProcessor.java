package dev.captions.spi;

import dev.captions.model.CaptionTrack;
import dev.captions.model.Frame;
import dev.captions.model.MediaInfo;
import dev.captions.model.MediaRef;
import dev.captions.model.MediaSource;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Media operations: probe, extract audio, extract frames, burn captions in, mux soft subtitles. A processor declares
 * what it supports in {@link #operations()}; an unsupported operation throws {@link UnsupportedOperationException}
 * naming the processor and the operation, and the pipeline checks support at {@code build()}.
 *
 * <p><b>Threading:</b> thread-safe. <b>Blocking:</b> every method blocks until the output exists (a local process or
 * a remote job) and honours interruption: the subprocess is killed or polling stops, and
 * {@link java.util.concurrent.CancellationException} is thrown. Outputs are complete when returned; a failed operation
 * leaves no partial output behind.
 */
public interface MediaProcessor extends Provider {
  Set<MediaOperation> operations();

  default boolean supports(MediaOperation operation) {
    return operations().contains(operation);
  }

  /**
   * Duration and streams. The one operation without an options object: it reads the container's header only, so it
   * has nothing to configure and no progress worth reporting.
   */
  default MediaInfo probe(MediaSource media) {
    throw unsupported(MediaOperation.PROBE);
  }

  /**
   * The kinds of source {@link #extractAudio} returns: a local file (FFmpeg) or a URL at the provider (Ittybit). The
   * pipeline checks at {@code build()} that its transcriber accepts one of them, so a pairing that cannot work fails
   * before any paid job. The default, every kind, means "not declared" and checks nothing.
   */
  default Set<MediaSource.Kind> audioOutputKinds() {
    return EnumSet.allOf(MediaSource.Kind.class);
  }

  /**
   * The audio encodings {@link #extractAudio} can write. Cloud transcription uploads the smallest one the transcriber
   * accepts instead of PCM WAV. The default, every format, means "not declared".
   */
  default Set<AudioOptions.Format> audioFormats() {
    return EnumSet.allOf(AudioOptions.Format.class);
  }

  /** The audio track, re-encoded as {@link AudioOptions#format()}. */
  default MediaRef extractAudio(MediaSource media, AudioOptions options) {
    throw unsupported(MediaOperation.EXTRACT_AUDIO);
  }

  /** One frame per requested timestamp, in the order asked. */
  default List<Frame> extractFrames(MediaSource video, FrameOptions options) {
    throw unsupported(MediaOperation.EXTRACT_FRAMES);
  }

  /** A copy of the video with the track's captions drawn into the picture. */
  default MediaRef burnIn(MediaSource video, CaptionTrack track, BurnInOptions options) {
    throw unsupported(MediaOperation.BURN_IN);
  }

  /** A copy of the video with the tracks added as soft subtitle streams, tagged with their languages. */
  default MediaRef mux(MediaSource video, List<CaptionTrack> tracks, MuxOptions options) {
    throw unsupported(MediaOperation.MUX_SUBTITLES);
  }

  default CompletableFuture<MediaInfo> probeAsync(MediaSource media) {
    return Async.supply(() -> probe(media));
  }

  default CompletableFuture<MediaRef> extractAudioAsync(MediaSource media, AudioOptions options) {
    return Async.supply(() -> extractAudio(media, options));
  }

  default CompletableFuture<List<Frame>> extractFramesAsync(MediaSource video, FrameOptions options) {
    return Async.supply(() -> extractFrames(video, options));
  }

  default CompletableFuture<MediaRef> burnInAsync(MediaSource video, CaptionTrack track, BurnInOptions options) {
    return Async.supply(() -> burnIn(video, track, options));
  }

  default CompletableFuture<MediaRef> muxAsync(MediaSource video, List<CaptionTrack> tracks, MuxOptions options) {
    return Async.supply(() -> mux(video, tracks, options));
  }

  private UnsupportedOperationException unsupported(MediaOperation op) {
    return new UnsupportedOperationException("media processor '" + name() + "' does not support " + op
        + "; it supports " + operations());
  }
}
