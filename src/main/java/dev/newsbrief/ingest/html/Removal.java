package dev.newsbrief.ingest.html;

import java.util.Arrays;
import java.util.Set;

/**
 * Guarded removal of page chrome before scoring. Each {@link Level} removes less than the one
 * before; an element is never removed when it holds most of the page's prose, nor (except for
 * comment sections) when its class or id also carries a content word, as in
 * {@code content-with-sidebar-wrp}.
 */
final class Removal {
    /** How much to remove: the extractor starts strict and loosens when too little text is left. */
    enum Level {
        /** Chrome tags, hidden elements and chrome classes. */
        STRICT,
        /** Chrome tags and hidden elements only. */
        TAGS,
        /** Nothing (the text is chosen by scoring alone). */
        NONE
    }

    /** Tags of page chrome. */
    private static final Set<String> CHROME_TAGS = Set.of("nav", "aside", "footer", "header", "menu", "form",
            "figure", "figcaption", "fieldset", "address");
    /** An element holding this share of the page's prose or more is never removed. */
    private static final double MOST_OF_THE_TEXT = 0.5;

    private Removal() {
    }

    /** The removed flags (whole subtrees) for {@code level}. */
    static boolean[] mark(DomIndex index, TextStats page, Level level) {
        int n = index.size();
        boolean[] removed = new boolean[n];
        if (level == Level.NONE || n == 0) {
            return removed;
        }
        int rootProse = page.prose[0];
        boolean[] inArticle = new boolean[n];
        for (int i = 1; i < n; i++) {
            int p = index.parent[i];
            inArticle[i] = inArticle[p] || index.tags[p].equals("article") || index.tags[p].equals("main");
            if (removed[p]) {
                removed[i] = true;
                continue;
            }
            removed[i] = isChrome(index, i, level, inArticle[i]) && !guarded(index, page, i, rootProse);
        }
        return removed;
    }

    private static boolean isChrome(DomIndex index, int i, Level level, boolean inArticle) {
        int bits = index.hints[i];
        String tag = index.tags[i];
        // an article's own header holds its headline and lead, not the site's banner
        if ((bits & ClassHints.HIDDEN) != 0 || CHROME_TAGS.contains(tag) && !(inArticle && tag.equals("header"))) {
            return true;
        }
        // class words name boxes; a heading's id is often made from its own text ("nav_the_result")
        return level == Level.STRICT && (bits & ClassHints.CHROME) != 0 && Tags.headingLevel(tag) == 0;
    }

    private static boolean guarded(DomIndex index, TextStats page, int i, int rootProse) {
        int bits = index.hints[i];
        if ((bits & ClassHints.CONTENT) != 0 && (bits & ClassHints.STRONG_CHROME) == 0) {
            return true;
        }
        return rootProse > 0 && page.prose[i] >= MOST_OF_THE_TEXT * rootProse;
    }

    /** Flags for nothing removed. */
    static boolean[] none(DomIndex index) {
        return new boolean[index.size()];
    }

    /** A copy of {@code removed} with the subtree of {@code id} removed too. */
    static void removeSubtree(DomIndex index, boolean[] removed, int id) {
        Arrays.fill(removed, id, index.end[id], true);
    }
}
