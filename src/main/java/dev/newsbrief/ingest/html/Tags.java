package dev.newsbrief.ingest.html;

import java.util.Set;

/** How the extractor treats HTML tags. */
final class Tags {
    /** Never text a reader sees: skipped with everything inside. */
    static final Set<String> DROPPED = Set.of("head", "script", "style", "noscript", "template", "svg", "math",
            "frame", "frameset", "applet", "source", "track", "map", "area", "select", "option", "optgroup",
            "datalist", "textarea", "button", "meta", "link", "base", "param", "title", "dialog", "rp", "rt");

    /** Media and controls: kept as elements (the scorer counts them), their content skipped. */
    static final Set<String> OPAQUE = Set.of("img", "picture", "input", "iframe", "embed", "object", "video", "audio",
            "canvas");

    /** Elements that start and end a block of text. */
    private static final Set<String> BLOCK = Set.of("address", "article", "aside", "blockquote", "body", "caption",
            "center", "dd", "details", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
            "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav",
            "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
            "listing", "plaintext", "xmp", "output");

    private Tags() {
    }

    /** Block-level, or a custom element (its name has a hyphen), which pages use as blocks. */
    static boolean isBlock(String tag) {
        return BLOCK.contains(tag) || tag.indexOf('-') > 0;
    }

    static int headingLevel(String tag) {
        if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6') {
            return tag.charAt(1) - '0';
        }
        return 0;
    }

    static boolean isListItem(String tag) {
        return tag.equals("li") || tag.equals("dd") || tag.equals("dt");
    }

    static boolean isCell(String tag) {
        return tag.equals("td") || tag.equals("th");
    }

    static boolean isPreformatted(String tag) {
        return tag.equals("pre") || tag.equals("listing") || tag.equals("plaintext") || tag.equals("xmp");
    }
}
