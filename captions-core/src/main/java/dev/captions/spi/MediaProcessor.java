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
  /**
   * The operations this processor implements; the others throw {@link UnsupportedOperationException}.
   *
   * @return the supported operations; never null
   */
  Set<MediaOperation> operations();

  /**
   * Whether this processor implements {@code operation}.
   *
   * @param operation the operation; not null
   * @return true when {@link #operations()} contains it
   */
  default boolean supports(MediaOperation operation) {
    return operations().contains(operation);
  }

  /**
   * Duration and streams. The one operation without an options object: it reads the container's header only, so it
   * has nothing to configure and no progress worth reporting.
   *
   * @param media the video or audio to probe; a kind in {@link #acceptedSources()}
   * @return the duration and streams
   */
  default MediaInfo probe(MediaSource media) {
    throw unsupported(MediaOperation.PROBE);
  }

  /**
   * The kinds of source {@link #extractAudio} returns: a local file (FFmpeg) or a URL at the provider (Ittybit). The
   * pipeline checks at {@code build()} that its transcriber accepts one of them, so a pairing that cannot work fails
   * before any paid job. The default, every kind, means "not declared" and checks nothing.
   *
   * @return the kinds of source {@link #extractAudio} can return; never empty
   */
  default Set<MediaSource.Kind> audioOutputKinds() {
    return EnumSet.allOf(MediaSource.Kind.class);
  }

  /**
   * The audio encodings {@link #extractAudio} can write. Cloud transcription uploads the smallest one the transcriber
   * accepts instead of PCM WAV. The default, every format, means "not declared".
   *
   * @return the formats; never null or empty
   */
  default Set<AudioOptions.Format> audioFormats() {
    return EnumSet.allOf(AudioOptions.Format.class);
  }

  /**
   * {@return the audio track, re-encoded as {@link AudioOptions#format()}}
   *
   * @param media the video or audio; a kind in {@link #acceptedSources()}
   * @param options format, output and progress
   */
  default MediaRef extractAudio(MediaSource media, AudioOptions options) {
    throw unsupported(MediaOperation.EXTRACT_AUDIO);
  }

  /**
   * {@return one frame per requested timestamp, in the order asked}
   *
   * @param video the video; a kind in {@link #acceptedSources()}
   * @param options timestamps, image format, size, output and progress
   */
  default List<Frame> extractFrames(MediaSource video, FrameOptions options) {
    throw unsupported(MediaOperation.EXTRACT_FRAMES);
  }

  /**
   * {@return a copy of the video with the track's captions drawn into the picture}
   *
   * @param video the video; a kind in {@link #acceptedSources()}
   * @param track the captions to draw
   * @param options font, colours, margins, output and progress
   */
  default MediaRef burnIn(MediaSource video, CaptionTrack track, BurnInOptions options) {
    throw unsupported(MediaOperation.BURN_IN);
  }

  /**
   * {@return a copy of the video with the tracks added as soft subtitle streams, tagged with their languages}
   *
   * @param video the video; a kind in {@link #acceptedSources()}
   * @param tracks the caption tracks to add, each with its language
   * @param options output and progress
   */
  default MediaRef mux(MediaSource video, List<CaptionTrack> tracks, MuxOptions options) {
    throw unsupported(MediaOperation.MUX_SUBTITLES);
  }

  /**
   * {@link #probe} on the SDK's shared pool.
   *
   * @param media the video or audio
   * @return a future of the media's facts; cancelling it interrupts the work
   */
  default CompletableFuture<MediaInfo> probeAsync(MediaSource media) {
    return Async.supply(() -> probe(media));
  }

  /**
   * {@link #extractAudio} on the SDK's shared pool.
   *
   * @param media the video or audio
   * @param options format, output and progress
   * @return a future of the audio; cancelling it interrupts the work
   */
  default CompletableFuture<MediaRef> extractAudioAsync(MediaSource media, AudioOptions options) {
    return Async.supply(() -> extractAudio(media, options));
  }

  /**
   * {@link #extractFrames} on the SDK's shared pool.
   *
   * @param video the video
   * @param options timestamps, image format, size, output and progress
   * @return a future of the frames; cancelling it interrupts the work
   */
  default CompletableFuture<List<Frame>> extractFramesAsync(MediaSource video, FrameOptions options) {
    return Async.supply(() -> extractFrames(video, options));
  }

  /**
   * {@link #burnIn} on the SDK's shared pool.
   *
   * @param video the video
   * @param track the captions to draw
   * @param options font, colours, margins, output and progress
   * @return a future of the captioned video; cancelling it interrupts the work
   */
  default CompletableFuture<MediaRef> burnInAsync(MediaSource video, CaptionTrack track, BurnInOptions options) {
    return Async.supply(() -> burnIn(video, track, options));
  }

  /**
   * {@link #mux} on the SDK's shared pool.
   *
   * @param video the video
   * @param tracks the caption tracks to add
   * @param options output and progress
   * @return a future of the muxed video; cancelling it interrupts the work
   */
  default CompletableFuture<MediaRef> muxAsync(MediaSource video, List<CaptionTrack> tracks, MuxOptions options) {
    return Async.supply(() -> mux(video, tracks, options));
  }

  private UnsupportedOperationException unsupported(MediaOperation op) {
    return new UnsupportedOperationException("media processor '" + name() + "' does not support " + op
        + "; it supports " + operations());
  }
}
