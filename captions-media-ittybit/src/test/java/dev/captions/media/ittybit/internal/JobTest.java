package dev.captions.media.ittybit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Where a job says how long its output is (providers.md §1.3), and where it says nothing. */
class JobTest {
  private static Job job(String json) throws Exception {
    return Job.of(new ObjectMapper().readTree(json));
  }

  @Test
  void durationFromTheLastTaskOutputThatHasOne() throws Exception {
    Job j = job("{\"id\":\"job_1\",\"status\":\"succeeded\",\"output\":\"https://s/a.wav\",\"tasks\":["
        + "{\"kind\":\"probe\",\"output\":{\"kind\":\"video\",\"duration\":61.5}},"
        + "{\"kind\":\"audio\",\"output\":{\"url\":\"https://s/a.wav\",\"format\":\"wav\",\"duration\":61.48}},"
        + "{\"kind\":\"export\",\"output\":{\"url\":\"https://s/a.wav\"}}]}");
    assertThat(j.durationMs()).hasValue(61_480);
  }

  @Test
  void durationFromAJobLevelOutputObject() throws Exception {
    assertThat(job("{\"id\":\"j\",\"output\":{\"url\":\"https://s/f.jpg\",\"duration\":12}}").durationMs())
        .hasValue(12_000);
  }

  @Test
  void noDurationWhenNoneIsGivenOrItIsNotAPositiveNumber() throws Exception {
    assertThat(job("{\"id\":\"j\",\"output\":\"https://s/a.wav\",\"tasks\":[]}").durationMs()).isEmpty();
    assertThat(job("{\"id\":\"j\",\"tasks\":[{\"output\":{\"duration\":\"61\"}},{\"output\":{\"duration\":0}}]}")
        .durationMs()).isEmpty();
  }
}
