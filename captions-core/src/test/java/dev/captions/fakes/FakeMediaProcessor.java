package dev.captions.fakes;

import dev.captions.model.CaptionTrack;
import dev.captions.model.MediaInfo;
import dev.captions.model.MediaRef;
import dev.captions.model.MediaSource;
import dev.captions.spi.AudioOptions;
import dev.captions.spi.BurnInOptions;
import dev.captions.spi.MediaOperation;
import dev.captions.spi.MediaProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A media processor that writes small marker files instead of running FFmpeg, and records its calls. */
public final class FakeMediaProcessor implements MediaProcessor {
  private final boolean hasAudio;
  private final Set<MediaOperation> ops;
  public final List<String> calls = Collections.synchronizedList(new ArrayList<>());
  public volatile Path lastAudio;

  public FakeMediaProcessor(boolean hasAudio, Set<MediaOperation> ops) {
    this.hasAudio = hasAudio;
    this.ops = ops;
  }

  public FakeMediaProcessor() {
    this(true, EnumSet.of(MediaOperation.PROBE, MediaOperation.EXTRACT_AUDIO, MediaOperation.BURN_IN));
  }

  @Override
  public String name() {
    return "fake-media";
  }

  @Override
  public Set<MediaOperation> operations() {
    return ops;
  }

  @Override
  public MediaInfo probe(MediaSource media) {
    calls.add("probe");
    List<MediaInfo.Stream> streams = new ArrayList<>();
    streams.add(MediaInfo.Stream.of(0, MediaInfo.Stream.Type.VIDEO, "h264", null));
    if (hasAudio) streams.add(MediaInfo.Stream.of(1, MediaInfo.Stream.Type.AUDIO, "aac", "eng"));
    return MediaInfo.of(10_000, streams, "mp4");
  }

  @Override
  public MediaRef extractAudio(MediaSource media, AudioOptions options) {
    calls.add("extractAudio");
    try {
      Path wav = Files.createTempFile("fake-audio", ".wav");
      Files.write(wav, new byte[] {1, 2, 3});
      lastAudio = wav;
      return MediaRef.of(MediaSource.of(wav), name(), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public MediaRef burnIn(MediaSource video, CaptionTrack track, BurnInOptions options) {
    calls.add("burnIn:" + track.cues().size());
    try {
      Path out = options.output().orElseGet(() -> video.path().resolveSibling("burned.mp4"));
      Files.write(out, new byte[] {9});
      return MediaRef.of(MediaSource.of(out), name(), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
