package dev.captions.shaping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StyleProfileTest {
  @Test
  void builtInProfilesCarryTheirFiguresAndSource() {
    StyleProfile n = StyleProfile.NETFLIX_EN;
    assertThat(n.maxCharsPerLine()).isEqualTo(42);
    assertThat(n.maxLines()).isEqualTo(2);
    assertThat(n.maxCharsPerSecond()).isEqualTo(20);
    assertThat(n.minDurationMs()).isEqualTo(833);
    assertThat(n.maxDurationMs()).isEqualTo(7000);
    assertThat(n.minGapMs()).isEqualTo(83);
    assertThat(n.source()).contains("Netflix");
    assertThat(StyleProfile.NETFLIX_EN_CHILDREN.maxCharsPerSecond()).isEqualTo(17);
    assertThat(StyleProfile.BBC.maxCharsPerLine()).isEqualTo(37);
    assertThat(StyleProfile.BBC.maxWordsPerMinute()).isEqualTo(180);
    assertThat(StyleProfile.DCMP.maxCharsPerLine()).isEqualTo(32);
    assertThat(StyleProfile.DCMP.minDurationMs()).isEqualTo(2000);
  }

  @Test
  void byNameForTheCli() {
    assertThat(StyleProfile.byName("netflix")).isSameAs(StyleProfile.NETFLIX_EN);
    assertThat(StyleProfile.byName("Netflix-Children")).isSameAs(StyleProfile.NETFLIX_EN_CHILDREN);
    assertThat(StyleProfile.byName("bbc")).isSameAs(StyleProfile.BBC);
    assertThat(StyleProfile.byName("dcmp")).isSameAs(StyleProfile.DCMP);
    assertThatThrownBy(() -> StyleProfile.byName("youtube")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'youtube'").hasMessageContaining("netflix, netflix-children, bbc, dcmp");
  }

  @Test
  void customProfilesAreValidated() {
    StyleProfile p = StyleProfile.builder().name("kiosk").maxCharsPerLine(30).maxLines(3).maxCharsPerSecond(15)
        .build();
    assertThat(p.toBuilder().build()).isEqualTo(p);
    assertThat(p.readingTimeMs(30, 6)).isEqualTo(2000);
    assertThatThrownBy(() -> StyleProfile.builder().maxDurationMs(500).minDurationMs(800).build())
        .hasMessage("maxDurationMs (500) must be greater than minDurationMs (800)");
    assertThatThrownBy(() -> StyleProfile.builder().maxLines(0).build()).hasMessage("maxLines (0) must be >= 1");
  }
}
