package dev.newsbrief.ingest.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.nodes.Attributes;
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
    private static final Stems CHROME_STEMS = new Stems("advert", "sharing", "sharebar", "sharethis",
            "addthis", "newsletter", "subscri", "breadcrumb", "sidebar", "navigation", "navbar", "footer",
            "masthead", "sponsor", "recommend", "related", "popular", "trending", "cookie", "banner", "widget",
            "pagination", "outbrain", "taboola", "carousel", "social", "menu");
    private static final Stems STRONG_STEMS = new Stems("comment", "disqus", "respond", "replies", "reply",
            "discussion");
    /** Boxes laid over the page; strong chrome when a class name is one ("pum-overlay"), not a flag ("has-overlay"). */
    private static final Stems OVERLAY_STEMS = new Stems("popup", "popmake", "modal", "overlay", "lightbox",
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
    private static final Stems INSET_STEMS = new Stems("caption", "credit", "byline", "newsletter", "sharing",
            "sharebar", "sharebutton", "social", "related", "subscri", "promo", "advert", "sponsor", "recommend", "popular", "trending",
            "breadcrumb", "rating", "metadata", "readmore", "readalso", "mostread", "mostpopular", "imagedescription",
            "photocredit");

    private ClassHints() {
    }

    /** What class and id strings say, remembered: pages and sites repeat a few of them thousands of times. */
    static final class Cache {
        /** Beyond this many strings (a hostile page of random class names) nothing more is remembered. */
        private static final int MAX_ENTRIES = 100_000;
        private final Map<String, Integer> bits = new ConcurrentHashMap<>();

        int of(String names) {
            Integer known = bits.get(names);
            if (known != null) {
                return known;
            }
            int computed = namesBits(names);
            if (bits.size() < MAX_ENTRIES) {
                bits.put(names, computed);
            }
            return computed;
        }
    }

    /** The hint bits of {@code e}'s class and id. */
    static int of(Element e) {
        return of(e, new Cache());
    }

    /** The hint bits of {@code e}, class and id strings looked up in {@code cache}. */
    static int of(Element e, Cache cache) {
        if (e.attributesSize() == 0) {
            return 0;
        }
        Attributes a = e.attributes();
        String cls = a.getIgnoreCase("class");
        String id = a.getIgnoreCase("id");
        int bits = (cls.isEmpty() ? 0 : cache.of(cls)) | (id.isEmpty() ? 0 : cache.of(id));
        String style = a.getIgnoreCase("style");
        if (a.hasKeyIgnoreCase("hidden") || !style.isEmpty() && isHiddenStyle(style)
                || "true".equalsIgnoreCase(a.getIgnoreCase("aria-hidden"))) {
            bits |= HIDDEN;
        }
        String itemprop = a.getIgnoreCase("itemprop");
        if (itemprop.equalsIgnoreCase("articleBody") || itemprop.equalsIgnoreCase("text")) {
            bits |= CONTENT;
        }
        return bits;
    }

    /** What the class names and id say, read as words. */
    private static int namesBits(String names) {
        int bits = 0;
        List<String> words = words(names);
        for (int i = 0; i < words.size(); i++) {
            bits |= bitsOf(words.get(i));
            if (i > 0) {
                // "news-letter", "read-more", "most-read": two words that are one
                bits |= bitsOf(words.get(i - 1) + words.get(i)) & ~CONTENT;
            }
        }
        boolean hidden = false;
        for (String name : names(names)) {
            bits |= headBits(name);
            hidden |= HIDDEN_CLASSES.contains(name.toLowerCase(Locale.ROOT));
        }
        return hidden ? bits | HIDDEN : bits;
    }

    private static boolean isHiddenStyle(String style) {
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
        if (w.length() >= 6) {
            for (String first : CONTENT_WORDS) {
                if (w.length() > first.length() && w.startsWith(first)
                        && CONTENT_WORDS.contains(w.substring(first.length()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean startsWithAny(String w, Stems stems) {
        return stems.startsOf(w);
    }

    /** Word stems indexed by their first letter, since every element's every word is tested against them. */
    private static final class Stems {
        private final String[][] byFirst = new String[128][];

        Stems(String... stems) {
            for (String s : stems) {
                char c = s.charAt(0);
                String[] old = byFirst[c] == null ? new String[0] : byFirst[c];
                String[] grown = java.util.Arrays.copyOf(old, old.length + 1);
                grown[old.length] = s;
                byFirst[c] = grown;
            }
        }

        boolean startsOf(String w) {
            char c = w.isEmpty() ? 0 : w.charAt(0);
            String[] candidates = c < 128 ? byFirst[c] : null;
            if (candidates != null) {
                for (String s : candidates) {
                    if (w.startsWith(s)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private static String stripDigits(String w) {
        int n = w.length();
        while (n > 0 && Character.isDigit(w.charAt(n - 1))) {
            n--;
        }
        return w.substring(0, n);
    }

    /** The white-space separated names of a class attribute. */
    private static List<String> names(String attribute) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= attribute.length(); i++) {
            boolean space = i == attribute.length() || Character.isWhitespace(attribute.charAt(i));
            if (space && start >= 0) {
                out.add(attribute.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        return out;
    }

    /** Lower-case words: split at anything not a letter or digit, and where lower case turns upper. */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        char prev = ' ';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean alnum = c < 128 ? c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    : Character.isLetterOrDigit(c);
            boolean upper = c < 128 ? c >= 'A' && c <= 'Z' : Character.isUpperCase(c);
            boolean prevLower = prev < 128 ? prev >= 'a' && prev <= 'z' : Character.isLowerCase(prev);
            if (!alnum || upper && prevLower) {
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
