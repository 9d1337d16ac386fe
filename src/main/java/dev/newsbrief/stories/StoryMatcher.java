package dev.newsbrief.stories;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The exact check behind "the same story", run on each LSH candidate: containment of the shorter
 * text's word 3-shingles in the longer's, and, where that evidence is weaker or the texts are
 * short, agreement on the facts. Rewrites keep a story's facts (its numbers, the names in its
 * headline) while they change its wording; two reports of the same kind of event (two companies
 * raising a price, a morning and an afternoon market report) share wording but not facts.
 */
final class StoryMatcher {
    /** Share of each headline's names the other's headline and first paragraph must contain. */
    static final double NAMES_AGREE = 0.5;
    /** Below this share of the shorter text's numbers in the longer, even a near-copy tells another story. */
    static final double NUMBERS_CONTRADICT = 0.5;
    /** Share of the shorter headline's words the other must have for two short texts' headlines to agree. */
    static final double HEADLINES_AGREE = 0.5;
    /** A paragraph is new to a story when less than this share of its content words appear in it. */
    static final double PARAGRAPH_KNOWN = 0.5;

    /** Whether two texts are one story, and how much of the new one lies inside the other. */
    record Verdict(boolean same, double containment, double freshInStored) {
    }

    private final StoryOptions options;

    StoryMatcher(StoryOptions options) {
        this.options = options;
    }

    Verdict compare(StoryText fresh, StoryText stored) {
        double freshIn = fresh.containedIn(stored);
        boolean freshShorter = fresh.shingles().length <= stored.shingles().length;
        StoryText shorter = freshShorter ? fresh : stored;
        StoryText longer = freshShorter ? stored : fresh;
        double c = freshShorter ? freshIn : stored.containedIn(fresh);
        if (shorter.wordCount() < options.minWords() || c < options.minContainment()) {
            return new Verdict(false, c, freshIn);
        }
        double names = Math.min(share(shorter.headlineNames(), longer.leadWords()),
                share(longer.headlineNames(), shorter.leadWords()));
        boolean same;
        if (c >= options.textContainment() && shorter.wordCount() >= options.shortTextWords()) {
            // a near copy: the same story unless its facts contradict (another company, other figures)
            same = names > 0 && !numbersContradict(shorter, longer);
        } else {
            same = names >= NAMES_AGREE && numbersAgree(shorter.numbers(), longer.numbers())
                    && numbersAgree(longer.numbersCoveredBy(shorter), shorter.numbers());
        }
        return new Verdict(same, c, freshIn);
    }

    /**
     * Every number of {@code part} is in {@code whole}, but for one in ten of a long list (a figure
     * written in words, a corrected typo). Checked both ways: the shorter text's numbers in the
     * longer, and the numbers of the longer's paragraphs that the shorter retells in the shorter
     * (a copy cut short drops whole paragraphs, and their figures with them).
     */
    static boolean numbersAgree(Set<String> part, Set<String> whole) {
        return missing(part, whole) <= part.size() / 10;
    }

    /** At least two of the shorter's numbers, and half or more of them, are not in the longer. */
    static boolean numbersContradict(StoryText shorter, StoryText longer) {
        int missing = missing(shorter.numbers(), longer.numbers());
        return missing >= 2 && missing >= NUMBERS_CONTRADICT * shorter.numbers().size();
    }

    private static int missing(Set<String> part, Set<String> whole) {
        int missing = 0;
        for (String n : part) {
            if (!whole.contains(n)) {
                missing++;
            }
        }
        return missing;
    }

    /** Whether most words of the shorter headline (stopwords aside) are in the other. */
    static boolean headlinesAgree(long[] a, long[] b) {
        long[] shorter = a.length <= b.length ? a : b;
        long[] longer = shorter == a ? b : a;
        return shorter.length > 0 && share(shorter, longer) >= HEADLINES_AGREE;
    }

    /** Share of {@code part} found in {@code whole} (sorted, distinct); 1 for an empty part (nothing to disagree on). */
    private static double share(long[] part, long[] whole) {
        return part.length == 0 ? 1 : (double) StoryText.shared(part, whole) / part.length;
    }

    /**
     * The share of {@code fresh}'s words that sit in paragraphs new to the story told by
     * {@code known}: paragraphs less than half of whose content words appear in it. Rewording
     * keeps most of a paragraph's words, so rewrites score low; an update's new paragraphs bring
     * new names, numbers and events.
     */
    static Novelty novelty(StoryText fresh, List<StoryText> known) {
        Set<Long> vocabulary = new HashSet<>();
        for (StoryText k : known) {
            for (long[] paragraph : k.paragraphWords()) {
                for (long w : paragraph) {
                    if (!StoryText.isStopword(w)) {
                        vocabulary.add(w);
                    }
                }
            }
        }
        int newWords = 0;
        for (long[] paragraph : fresh.paragraphWords()) {
            int content = 0;
            int seen = 0;
            for (long w : paragraph) {
                if (!StoryText.isStopword(w)) {
                    content++;
                    if (vocabulary.contains(w)) {
                        seen++;
                    }
                }
            }
            if (content > 0 && seen < PARAGRAPH_KNOWN * content) {
                newWords += paragraph.length;
            }
        }
        return new Novelty(newWords, fresh.wordCount() == 0 ? 0 : (double) newWords / fresh.wordCount());
    }

    /** Words in paragraphs new to a story, and their share of the article. */
    record Novelty(int words, double share) {
    }

    boolean isUpdate(Novelty n) {
        return n.share() >= options.updateShare() && n.words() >= options.updateWords();
    }
}
