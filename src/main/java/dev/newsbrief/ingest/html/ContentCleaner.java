package dev.newsbrief.ingest.html;

import java.util.Set;

/**
 * Removes what a reader skips inside the chosen article: captions, bios, share and tag bars,
 * newsletter and related boxes (by class words), navigation lists (by link density), and
 * containers that hold links, images or embeds rather than text (Readability's conditional
 * cleaning). Never the top candidate or an ancestor of it, nor an element holding most of the
 * article's prose.
 */
final class ContentCleaner {
    private static final Set<String> CONDITIONAL = Set.of("div", "section", "table", "ul", "ol", "dl", "form",
            "fieldset", "aside", "header", "footer", "nav", "center", "span");
    private static final Set<String> LISTS = Set.of("ul", "ol", "dl");
    private static final double MOST_OF_THE_TEXT = 0.5;

    private final DomIndex index;
    private final TextStats stats;
    private final CandidateScorer scorer;

    private final boolean classRules;

    /** With {@code classRules} false, only structure counts (link density, media), not class words. */
    ContentCleaner(DomIndex index, TextStats stats, CandidateScorer scorer, boolean classRules) {
        this.index = index;
        this.stats = stats;
        this.scorer = scorer;
        this.classRules = classRules;
    }

    /** Marks the removed elements inside {@code selection} in {@code removed}. */
    void clean(CandidateScorer.Selection selection, boolean[] removed) {
        int articleProse = 0;
        for (int part : selection.parts()) {
            articleProse += stats.prose[part];
        }
        for (int part : selection.parts()) {
            for (int i = part + 1; i < index.end[part]; i++) {
                if (removed[i]) {
                    i = index.end[i] - 1;
                    continue;
                }
                if (index.contains(i, selection.top()) || stats.prose[i] >= MOST_OF_THE_TEXT * articleProse
                        && articleProse > 0) {
                    continue;
                }
                if (skipped(i)) {
                    Removal.removeSubtree(index, removed, i);
                    i = index.end[i] - 1;
                }
            }
        }
    }

    private boolean skipped(int i) {
        int bits = index.hints[i];
        if ((bits & ClassHints.HIDDEN) != 0) {
            return true;
        }
        String tag = index.tags[i];
        int chrome = Tags.headingLevel(tag) > 0 ? ClassHints.INSET : ClassHints.CHROME | ClassHints.INSET;
        if (classRules && ((bits & ClassHints.CHROME_HEAD) != 0 || (bits & chrome) != 0
                && (bits & (ClassHints.CONTENT | ClassHints.STRONG_CHROME)) != ClassHints.CONTENT)) {
            return true;
        }
        if (Tags.headingLevel(tag) > 0) {
            return false;
        }
        if (!CONDITIONAL.contains(tag)) {
            return false;
        }
        double density = stats.linkDensity(i);
        if (LISTS.contains(tag)) {
            return density > 0.5;
        }
        double weight = classRules ? scorer.classWeight(i) : 0;
        if (weight < 0) {
            return true;
        }
        if (index.isParagraph(i) || stats.commas[i] >= 10) {
            return false;
        }
        int images = stats.images[i];
        int embeds = stats.embeds[i];
        int chars = stats.chars[i];
        return images > 1 && stats.paragraphs[i] < images / 2.0
                || chars < TextStats.MIN_PARAGRAPH && stats.headings[i] == 0 && (images == 0 || images > 2)
                || weight < CandidateScorer.CLASS_WEIGHT && density > 0.2
                || weight >= CandidateScorer.CLASS_WEIGHT && density > 0.5
                || embeds == 1 && chars < 75 || embeds > 1;
    }
}
