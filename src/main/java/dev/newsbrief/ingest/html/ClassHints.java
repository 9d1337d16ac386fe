package dev.newsbrief.ingest.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * What an element's class and id say about it, read as words: {@code l-article-body-segment},
 * {@code articleBody} and {@code post_content} split into their words, so that "ad" never matches
 * inside "header" and "article" never matches "articles". Hints are weak evidence; the scorer and the
 * guards decide.
 */
final class ClassHints {
    /** A content word marks a container of the article text; it guards an element from removal. */
    static final int CONTENT = 1;
    /** Page chrome that is unlikely to hold the article (menus, sidebars, footers, share bars...). */
    static final int CHROME = 1 << 1;
    /** Chrome so sure that a content word beside it does not guard it ("article-comments"). */
    static final int STRONG_CHROME = 1 << 2;
    /** Scored down: meta lines, media, widgets and the like, which may sit inside the article. */
    static final int NEGATIVE = 1 << 3;
    /** Hidden from readers. */
    static final int HIDDEN = 1 << 4;
    /** Boxes inside an article that are not its text: captions, bios, bylines, share and tag bars. */
    static final int INSET = 1 << 5;
    /**
     * A class name whose last word (its head, generic words like "wrapper" aside) is chrome:
     * "post-ratings" and "article-share" are ratings and a share bar whatever the "post" and
     * "article" before them say.
     */
    static final int CHROME_HEAD = 1 << 6;

    /** Words that say how a box is laid out, not what it holds. */
    private static final Set<String> GENERIC_WORDS = Set.of("wrap", "wrapper", "wrp", "container", "inner", "outer",
            "holder", "box", "area", "block", "section", "segment", "region", "module", "col", "column", "row",
            "grid", "part", "unit", "el", "element", "component", "group", "zone", "frame", "layout", "fixed", "top",
            "bottom", "left", "right", "list", "items", "item", "bar", "links", "link", "title", "label", "js", "is",
            "has", "with", "l", "c", "m", "o", "u", "a", "b");

    private static final Set<String> CONTENT_WORDS = Set.of("article", "body", "content", "main", "story", "text",
            "post", "entry", "hentry", "blog", "prose", "articlebody", "storybody", "postbody", "richtext");

    /** Chrome words that must be the whole word ("ad" but not "adopt"). */
    private static final Set<String> CHROME_EXACT = Set.of("ad", "ads", "adv", "advert", "nav", "menu", "tags",
            "tag", "meta", "rss", "print", "share", "shares", "social", "related", "footer", "sidebar", "banner",
            "extra", "popup", "modal", "promo", "promos", "sponsor", "sponsored", "cookie", "cookies",
            "masthead", "breadcrumb", "breadcrumbs", "crumbs", "pager", "pagination", "toolbar", "login", "search",
            "skip", "gdpr", "consent", "agegate", "newsletter", "subscribe", "subscription", "widget", "widgets",
            "supplemental", "remark", "legends", "trending", "popular", "recommended", "recirculation", "outbrain",
            "taboola", "shoutbox", "skyscraper", "combx", "copyright", "disclaimer", "ticker", "topbar", "navbar",
            "submenu", "megamenu", "overlay", "community", "dialog", "signup", "signin", "register", "account", "lang",
            "languages", "switcher", "dropdown", "tabs", "aside", "rail", "more", "next", "prev", "previous",
            "pagenav", "postnav", "follow", "feedback", "rating", "ratings", "reactions",
            "bottom", "top10", "mostread", "mostpopular");
    /** Chrome stems that may start a longer word ("sidebar" in "sidebarRight", "sharing"). */
    private static final List<String> CHROME_STEMS = List.of("advert", "sharing", "sharebar", "sharethis",
            "addthis", "newsletter", "subscri", "breadcrumb", "sidebar", "navigation", "navbar", "footer",
            "masthead", "sponsor", "recommend", "related", "popular", "trending", "cookie", "banner", "widget",
            "pagination", "outbrain", "taboola", "carousel", "social", "menu");
    private static final List<String> STRONG_STEMS = List.of("comment", "disqus", "respond", "replies", "reply",
            "discussion");
    /** Boxes laid over the page; strong chrome when a class name is one ("pum-overlay"), not a flag ("has-overlay"). */
    private static final List<String> OVERLAY_STEMS = List.of("popup", "popmake", "modal", "overlay", "lightbox",
            "dialog", "cookie", "gdpr", "consent");
    /** First words of class names that are flags about a box rather than names of it ("has-sidebar", "js-modal"). */
    private static final Set<String> FLAG_WORDS = Set.of("has", "is", "use", "uses", "with", "js", "no", "show",
            "enable", "enabled", "disable", "disabled", "can", "allow", "toggle", "open", "close", "trigger");
    private static final Set<String> NEGATIVE_WORDS = Set.of("meta", "media", "contact", "scroll", "shopping",
            "hidden", "byline", "author", "authors", "date", "time", "timestamp", "dateline", "credit", "credits",
            "caption", "figcaption", "bio", "info", "infobox", "note", "tools", "utility", "utilities", "links",
            "list", "thumb", "thumbnail", "icon", "button", "btn", "badge", "label", "category", "categories");
    /** Whole class names that hide an element on every screen (not "hidden-xs", which hides it on phones only). */
    private static final Set<String> HIDDEN_CLASSES = Set.of("hidden", "hide", "is-hidden", "js-hidden", "invisible",
            "sr-only", "sr-only-focusable", "visually-hidden", "visuallyhidden", "screen-reader-text",
            "screen-reader-only", "element-invisible", "offscreen", "u-hidden", "d-none");
    /** Insets: what a reader skips inside an article. */
    private static final Set<String> INSET_WORDS = Set.of("caption", "figcaption", "credit", "credits", "bio",
            "byline", "author", "authors", "share", "sharing", "social", "tags", "tag", "related", "newsletter",
            "subscribe", "promo", "ad", "ads", "advert", "recommended", "popular", "trending", "meta", "dateline",
            "timestamp", "readmore", "more", "inline", "embed", "toolbar", "tools", "print", "rating", "breadcrumb",
            "breadcrumbs", "topics", "keywords", "categories", "sponsor", "sponsored", "outbrain", "taboola",
            "mostread", "mostpopular");

    /** Inset stems that may start a longer word ("captionText", "metadata", "sharebuttons"). */
    private static final List<String> INSET_STEMS = List.of("caption", "credit", "byline", "newsletter", "sharing",
            "sharebar", "sharebutton", "social", "related", "subscri", "promo", "advert", "sponsor", "recommend", "popular", "trending",
            "breadcrumb", "rating", "metadata", "readmore", "readalso", "mostread", "mostpopular", "imagedescription",
            "photocredit");

    private ClassHints() {
    }

    /** The hint bits of {@code e}'s class and id. */
    static int of(Element e) {
        String cls = e.attributes().getIgnoreCase("class");
        String id = e.attributes().getIgnoreCase("id");
        int bits = 0;
        if (!cls.isEmpty() || !id.isEmpty()) {
            List<String> words = words(cls + " " + id);
            for (int i = 0; i < words.size(); i++) {
                bits |= bitsOf(words.get(i));
                if (i > 0) {
                    // "news-letter", "read-more", "most-read": two words that are one
                    bits |= bitsOf(words.get(i - 1) + words.get(i)) & ~CONTENT;
                }
            }
            for (String name : (cls + " " + id).split("\\s+")) {
                if (!name.isEmpty()) {
                    bits |= headBits(name);
                }
            }
        }
        if (e.hasAttr("hidden") || isHiddenStyle(e.attributes().getIgnoreCase("style"))
                || "true".equalsIgnoreCase(e.attributes().getIgnoreCase("aria-hidden")) || hasHiddenClass(cls)) {
            bits |= HIDDEN;
        }
        String itemprop = e.attributes().getIgnoreCase("itemprop");
        if (itemprop.equalsIgnoreCase("articleBody") || itemprop.equalsIgnoreCase("text")) {
            bits |= CONTENT;
        }
        return bits;
    }

    private static boolean hasHiddenClass(String cls) {
        if (cls.isEmpty()) {
            return false;
        }
        for (String c : cls.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (HIDDEN_CLASSES.contains(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHiddenStyle(String style) {
        if (style.isEmpty()) {
            return false;
        }
        String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
        return s.contains("display:none") || s.contains("visibility:hidden");
    }

    /** {@link #CHROME_HEAD} and overlay {@link #STRONG_CHROME} from the head word of one class name. */
    private static int headBits(String name) {
        List<String> words = words(name);
        if (words.isEmpty() || FLAG_WORDS.contains(words.get(0))) {
            return 0;
        }
        for (int i = words.size() - 1; i >= 0; i--) {
            String w = stripDigits(words.get(i));
            if (w.isEmpty() || GENERIC_WORDS.contains(w)) {
                continue;
            }
            int bits = bitsOf(w);
            int out = (bits & (CHROME | INSET)) != 0 && (bits & CONTENT) == 0 ? CHROME_HEAD : 0;
            if (startsWithAny(w, OVERLAY_STEMS)) {
                out |= CHROME_HEAD | CHROME | STRONG_CHROME | NEGATIVE;
            }
            return out;
        }
        return 0;
    }

    static int bitsOf(String word) {
        int bits = 0;
        String w = stripDigits(word);
        if (w.isEmpty()) {
            return 0;
        }
        if (isContent(w)) {
            bits |= CONTENT;
        }
        if (CHROME_EXACT.contains(w) || startsWithAny(w, CHROME_STEMS)) {
            bits |= CHROME | NEGATIVE;
        }
        if (startsWithAny(w, STRONG_STEMS) && !w.startsWith("commentar")) {
            bits |= CHROME | STRONG_CHROME | NEGATIVE;
        }
        if (NEGATIVE_WORDS.contains(w)) {
            bits |= NEGATIVE;
        }
        if (INSET_WORDS.contains(w) || startsWithAny(w, INSET_STEMS)) {
            bits |= INSET;
        }
        return bits;
    }

    /** A content word, or two run together ("storybody", "maincontent"). */
    private static boolean isContent(String w) {
        if (CONTENT_WORDS.contains(w)) {
            return true;
        }
        for (int i = 3; i <= w.length() - 3; i++) {
            if (CONTENT_WORDS.contains(w.substring(0, i)) && CONTENT_WORDS.contains(w.substring(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithAny(String w, List<String> stems) {
        for (String s : stems) {
            if (w.startsWith(s)) {
                return true;
            }
        }
        return false;
    }

    private static String stripDigits(String w) {
        int n = w.length();
        while (n > 0 && Character.isDigit(w.charAt(n - 1))) {
            n--;
        }
        return w.substring(0, n);
    }

    /** Lower-case words: split at anything not a letter or digit, and where lower case turns upper. */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        char prev = ' ';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean alnum = Character.isLetterOrDigit(c);
            if (!alnum || (Character.isUpperCase(c) && Character.isLowerCase(prev))) {
                if (!w.isEmpty()) {
                    out.add(w.toString());
                    w.setLength(0);
                }
            }
            if (alnum) {
                w.append(Character.toLowerCase(c));
            }
            prev = c;
        }
        if (!w.isEmpty()) {
            out.add(w.toString());
        }
        return out;
    }
}
