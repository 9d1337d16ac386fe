package dev.newsbrief.sources;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/** Plain text of a feed's HTML fragment: block elements become paragraphs separated by a blank line. */
final class HtmlText {
    private HtmlText() {}

    static String of(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return html.strip();
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.select("script, style, noscript, img, iframe, figure figcaption").remove();
        StringBuilder out = new StringBuilder();
        StringBuilder paragraph = new StringBuilder();
        walk(doc.body(), out, paragraph);
        flush(out, paragraph);
        return out.toString().strip();
    }

    private static void walk(Node node, StringBuilder out, StringBuilder paragraph) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode t) {
                paragraph.append(t.text());
            } else if (child instanceof Element e) {
                if (e.nameIs("br")) {
                    paragraph.append(' ');
                    continue;
                }
                boolean block = e.isBlock();
                if (block) {
                    flush(out, paragraph);
                }
                walk(e, out, paragraph);
                if (block) {
                    flush(out, paragraph);
                }
            }
        }
    }

    private static void flush(StringBuilder out, StringBuilder paragraph) {
        String p = paragraph.toString().replaceAll("\\s+", " ").strip();
        if (!p.isEmpty()) {
            out.append(out.isEmpty() ? "" : "\n\n").append(p);
        }
        paragraph.setLength(0);
    }
}
