package dev.newsbrief.ingest.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class ClassHintsTest {
    private static int hints(String attributes) {
        Element e = Jsoup.parse("<div " + attributes + ">x</div>").selectFirst("div");
        return ClassHints.of(e);
    }

    private static boolean has(int bits, int bit) {
        return (bits & bit) != 0;
    }

    @Test
    void classNamesAreReadAsWords() {
        assertThat(ClassHints.words("l-article-body-segment articleBody post_content"))
                .containsExactly("l", "article", "body", "segment", "article", "body", "post", "content");
    }

    @Test
    void aContentWordBesideAChromeWordGuardsTheElement() {
        int wrapper = hints("class=\"l-sidebar-fixed l-article-body-segment\"");
        assertThat(has(wrapper, ClassHints.CHROME)).isTrue();
        assertThat(has(wrapper, ClassHints.CONTENT)).isTrue();
        assertThat(has(hints("class=\"content-with-sidebar-wrp\""), ClassHints.CONTENT)).isTrue();
    }

    @Test
    void wordsMatchWholeNotInsideOtherWords() {
        assertThat(has(hints("class=\"related-articles\""), ClassHints.CONTENT)).isFalse();
        assertThat(has(hints("class=\"header-lead\""), ClassHints.CHROME)).isFalse();
        assertThat(has(hints("class=\"download\""), ClassHints.CHROME)).isFalse();
        assertThat(has(hints("class=\"ad\""), ClassHints.CHROME)).isTrue();
        assertThat(has(hints("class=\"commentary\""), ClassHints.STRONG_CHROME)).isFalse();
        assertThat(has(hints("id=\"comment-content\""), ClassHints.STRONG_CHROME)).isTrue();
    }

    @Test
    void twoWordsWrittenApartAreOneWord() {
        assertThat(has(hints("class=\"news-letter-box\""), ClassHints.INSET)).isTrue();
        assertThat(has(hints("class=\"most-read\""), ClassHints.INSET)).isTrue();
    }

    @Test
    void theLastWordOfAClassNameSaysWhatTheBoxIs() {
        assertThat(has(hints("class=\"post-ratings\""), ClassHints.CHROME_HEAD)).isTrue();
        assertThat(has(hints("class=\"article-share-wrapper\""), ClassHints.CHROME_HEAD)).isTrue();
        assertThat(has(hints("class=\"teaser-text\""), ClassHints.CHROME_HEAD)).isFalse();
        assertThat(has(hints("class=\"entry-content\""), ClassHints.CHROME_HEAD)).isFalse();
        // flags about a box are not its name
        assertThat(has(hints("class=\"has-overlay\""), ClassHints.STRONG_CHROME)).isFalse();
        assertThat(has(hints("class=\"pum-overlay\""), ClassHints.STRONG_CHROME)).isTrue();
    }

    @Test
    void hiddenMeansHiddenOnEveryScreen() {
        assertThat(has(hints("style=\"display: none\""), ClassHints.HIDDEN)).isTrue();
        assertThat(has(hints("hidden"), ClassHints.HIDDEN)).isTrue();
        assertThat(has(hints("class=\"sr-only\""), ClassHints.HIDDEN)).isTrue();
        assertThat(has(hints("class=\"hidden-xs col-md-8\""), ClassHints.HIDDEN)).isFalse();
    }
}
