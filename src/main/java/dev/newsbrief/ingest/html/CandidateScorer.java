package dev.newsbrief.ingest.html;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the container of the article text, in the manner of Readability: every paragraph scores
 * by its length and commas; the score goes to its parent in full, its grandparent in half and on
 * up with less; class and id words add or take a little; each candidate's score is cut by its link
 * density. The best candidate, moved up when its ancestors hold comparable text, is taken with its
 * siblings that score well or read as paragraphs.
 */
final class CandidateScorer {
    /** How far up a paragraph's score travels. */
    private static final int ANCESTOR_LEVELS = 5;
    /** Weight of a content or chrome word in class or id: evidence, not a verdict. */
    static final double CLASS_WEIGHT = 25;
    /** Share of class names two siblings must have in common to be parts of one article. */
    private static final double SIMILAR_CLASSES = 0.6;
    /** Comments, pop-ups and cookie boxes that were too big to remove still score only this much. */
    private static final double STRONG_CHROME_FACTOR = 0.2;
    /** An article element is taken whole when the top candidate holds this share of its prose. */
    private static final double MOST_OF_THE_ARTICLE = 0.6;

    /** The chosen content: the top candidate and the elements (it among them) that make up the article. */
    record Selection(int top, double topScore, List<Integer> parts) {
    }

    private final DomIndex index;
    private final boolean[] removed;
    private final TextStats stats;
    private final double[] score;
    private final boolean[] scored;

    CandidateScorer(DomIndex index, boolean[] removed, TextStats stats) {
        this.index = index;
        this.removed = removed;
        this.stats = stats;
        this.score = new double[index.size()];
        this.scored = new boolean[index.size()];
    }

    Selection select() {
        for (TextBlock b : index.blocks) {
            if (removed[b.owner()] || !scores(b)) {
                continue;
            }
            double s = 1 + b.commas() + Math.min(b.chars() / 100, 3);
            int at = b.paragraph() ? index.parent[b.owner()] : b.owner();
            for (int level = 0; level < ANCESTOR_LEVELS && at >= 0; level++, at = index.parent[at]) {
                if (!scored[at]) {
                    scored[at] = true;
                    score[at] = initialScore(at);
                }
                score[at] += s / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
            }
        }
        int top = -1;
        List<Integer> candidates = new ArrayList<>();
        boolean[] inStrongChrome = new boolean[score.length];
        for (int i = 0; i < score.length; i++) {
            int p = index.parent[i];
            inStrongChrome[i] = (index.hints[i] & ClassHints.STRONG_CHROME) != 0 || p >= 0 && inStrongChrome[p];
            if (scored[i]) {
                score[i] *= 1 - stats.linkDensity(i);
                if (inStrongChrome[i]) {
                    score[i] *= STRONG_CHROME_FACTOR;
                }
                candidates.add(i);
                if (top < 0 || score[i] > score[top]) {
                    top = i;
                }
            }
        }
        if (top < 0) {
            return new Selection(0, 0, List.of(0));
        }
        top = shared(top, candidates);
        top = climb(top);
        double topScore = score[top];
        top = article(top);
        return new Selection(top, topScore, withSiblings(top, topScore));
    }

    private static boolean scores(TextBlock b) {
        return b.chars() >= TextStats.MIN_PARAGRAPH && b.kind() != TextBlock.Kind.LIST_ITEM
                && b.kind() != TextBlock.Kind.HEADING;
    }

    private double initialScore(int id) {
        double s = switch (index.tags[id]) {
            case "div", "article", "main", "section" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        return s + classWeight(id);
    }

    double classWeight(int id) {
        int bits = index.hints[id];
        double w = 0;
        if ((bits & ClassHints.CONTENT) != 0) {
            w += CLASS_WEIGHT;
        }
        if ((bits & ClassHints.NEGATIVE) != 0) {
            w -= CLASS_WEIGHT;
        }
        return w;
    }

    /** When three or more near-best candidates sit under one ancestor of the best, that ancestor is the article. */
    private int shared(int top, List<Integer> candidates) {
        candidates.sort((a, b) -> Double.compare(score[b], score[a]));
        List<Integer> near = new ArrayList<>();
        for (int i = 1; i < Math.min(5, candidates.size()); i++) {
            if (score[candidates.get(i)] >= 0.75 * score[top]) {
                near.add(candidates.get(i));
            }
        }
        if (near.size() < 3) {
            return top;
        }
        for (int a = index.parent[top]; a > 0; a = index.parent[a]) {
            int inside = 0;
            for (int c : near) {
                if (index.contains(a, c)) {
                    inside++;
                }
            }
            if (inside >= 3) {
                return a;
            }
        }
        return top;
    }

    /** Moves up while an ancestor scores higher, and past wrappers with a single child. */
    private int climb(int top) {
        double last = score[top];
        double threshold = last / 3;
        for (int p = index.parent[top]; p > 0; p = index.parent[p]) {
            if (!scored[p]) {
                continue;
            }
            if (score[p] < threshold) {
                break;
            }
            if (score[p] > last) {
                top = p;
                break;
            }
            last = score[p];
        }
        while (top > 0 && index.parent[top] > 0 && childCount(index.parent[top]) == 1) {
            top = index.parent[top];
        }
        return top;
    }

    private int childCount(int id) {
        int count = 0;
        for (int c = id + 1; c < index.end[id]; c = index.end[c]) {
            if (!removed[c]) {
                count++;
            }
        }
        return count;
    }

    /**
     * The enclosing {@code <article>} (or schema.org article) when it holds the best-scored text, so
     * that its headings and lead come too; the top candidate itself otherwise.
     */
    private int article(int top) {
        for (int a = top, level = 0; a > 0 && level <= ANCESTOR_LEVELS; a = index.parent[a], level++) {
            if (isArticle(a)) {
                return stats.prose[top] >= MOST_OF_THE_ARTICLE * stats.prose[a] ? a : top;
            }
        }
        return top;
    }

    private boolean isArticle(int id) {
        if (index.tags[id].equals("article")) {
            return true;
        }
        String type = index.elements.get(id).attributes().getIgnoreCase("itemtype");
        return type.endsWith("Article") || type.endsWith("BlogPosting");
    }

    /** The top candidate and those of its siblings that belong to the article, in document order. */
    private List<Integer> withSiblings(int top, double topScore) {
        int parent = index.parent[top];
        if (parent < 0) {
            return List.of(top);
        }
        double threshold = Math.max(10, topScore * 0.2);
        List<Integer> parts = new ArrayList<>();
        for (int c = parent + 1; c < index.end[parent]; c = index.end[c]) {
            if (c == top) {
                parts.add(c);
                continue;
            }
            if (removed[c] || stats.chars[c] == 0) {
                continue;
            }
            boolean alike = alike(top, c);
            double bonus = alike ? topScore * 0.2 : 0;
            if (scored[c] && score[c] + bonus >= threshold || readsAsParagraph(c)
                    || alike && stats.chars[c] >= TextStats.MIN_PARAGRAPH && stats.linkDensity(c) < 0.3) {
                parts.add(c);
            }
        }
        return parts;
    }

    /** Siblings of one kind: the same tag and mostly the same class names (the parts of a recipe, say). */
    private boolean alike(int a, int b) {
        if (!index.tags[a].equals(index.tags[b])) {
            return false;
        }
        java.util.Set<String> ca = index.elements.get(a).classNames();
        java.util.Set<String> cb = index.elements.get(b).classNames();
        if (ca.isEmpty() || cb.isEmpty()) {
            return false;
        }
        long shared = ca.stream().filter(cb::contains).count();
        return shared >= SIMILAR_CLASSES * (ca.size() + cb.size() - shared);
    }

    private boolean readsAsParagraph(int id) {
        List<TextBlock> blocks = index.blocksOf(id);
        if (blocks.size() != 1 || blocks.get(0).kind() != TextBlock.Kind.PARAGRAPH) {
            return false;
        }
        TextBlock b = blocks.get(0);
        double density = b.linkDensity();
        if (b.chars() > 80) {
            return density < 0.25;
        }
        return density == 0 && b.endsSentence();
    }
}
