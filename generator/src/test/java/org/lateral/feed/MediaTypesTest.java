package org.lateral.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediaTypesTest {

    @Test
    void guessesImageTypesFromTheExtensionInAnyCase() {
        assertThat(MediaTypes.guess("photo.JPG")).isEqualTo("image/jpeg");
        assertThat(MediaTypes.guess("https://example.org/a/b.png?v=2#x")).isEqualTo("image/png");
        assertThat(MediaTypes.guess("/cpd/cycle.svg")).isEqualTo("image/svg+xml");
        assertThat(MediaTypes.guess("talk.mp3")).isEqualTo("audio/mpeg");
    }

    @Test
    void fallsBackToOctetStream() {
        assertThat(MediaTypes.guess("https://example.org/a.b/photo")).isEqualTo("application/octet-stream");
        assertThat(MediaTypes.guess("file.unknown")).isEqualTo("application/octet-stream");
    }
}
