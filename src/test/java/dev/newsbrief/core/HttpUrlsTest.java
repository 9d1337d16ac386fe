package dev.newsbrief.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HttpUrlsTest {
    @Test
    void anHttpUrlNeedsAnHttpSchemeAndAHost() {
        assertThat(HttpUrls.isHttpUrl("https://example.com/feed.xml")).isTrue();
        assertThat(HttpUrls.isHttpUrl(" HTTP://Example.com ")).isTrue();
        assertThat(HttpUrls.isHttpUrl("ftp://example.com/feed")).isFalse();
        assertThat(HttpUrls.isHttpUrl("https:///nohost")).isFalse();
        assertThat(HttpUrls.isHttpUrl("http://bad host/")).isFalse();
        assertThat(HttpUrls.isHttpUrl("feed.xml")).isFalse();
        assertThat(HttpUrls.isHttpUrl(null)).isFalse();
    }

    @Test
    void aTargetWithAnHttpSchemeIsMeantAsAUrlEvenWhenItIsNotAValidOne() {
        assertThat(HttpUrls.hasHttpScheme("http://bad host/")).isTrue();
        assertThat(HttpUrls.hasHttpScheme("HTTPS://example.com")).isTrue();
        assertThat(HttpUrls.hasHttpScheme("data/http-notes.txt")).isFalse();
    }
}
