package dev.captions.fakes;

import dev.captions.model.MediaSource;
import dev.captions.model.TimedWord;
import dev.captions.model.Transcript;
import dev.captions.spi.TranscriptionOptions;
import dev.captions.spi.Transcriber;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Returns the words it was given; records what it was asked to transcribe. */
public final class FakeTranscriber implements Transcriber {
  private final String name;
  private final List<TimedWord> words;
  private final Set<MediaSource.Kind> accepted;
  public final List<MediaSource> calls = Collections.synchronizedList(new ArrayList<>());
  public volatile TranscriptionOptions lastOptions;

  public FakeTranscriber(String name, List<TimedWord> words, Set<MediaSource.Kind> accepted) {
    this.name = name;
    this.words = List.copyOf(words);
    this.accepted = accepted;
  }

  public FakeTranscriber(String name) {
    this(name, List.of(), EnumSet.allOf(MediaSource.Kind.class));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Set<MediaSource.Kind> acceptedSources() {
    return accepted;
  }

  @Override
  public Transcript transcribe(MediaSource audio, TranscriptionOptions options) {
    calls.add(audio);
    lastOptions = options;
    return Transcript.builder().words(words).language(options.language().orElse("und")).build();
  }
}
