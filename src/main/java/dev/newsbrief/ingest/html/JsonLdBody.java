package dev.newsbrief.ingest.html;

import org.jsoup.Jsoup;

/** JSON-LD {@code articleBody} as plain paragraphs: markup, when a site left it in, becomes text. */
final class JsonLdBody {
    private JsonLdBody() {
    }

    /** The body's text, or null when there is none. */
    static String text(String articleBody) {
        if (articleBody == null || articleBody.isBlank()) {
            return null;
        }
        String body = articleBody.strip();
        if (body.indexOf('<') >= 0 && body.indexOf('>') > 0) {
            return Jsoup.parseBodyFragment(body).body().wholeText().strip();
        }
        return body;
    }
}
