package dev.newsbrief.brief;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How well a sentence holds the answer a question asks for: its best phrase of an asked-for type
 * ({@link AnswerSpotter}), weighed by the type's weight in the question's expectation, by how sure
 * the phrase is of its type, by whether it counts the thing asked about ("9.4 mln shares" for
 * "how many shares") and by how close it stands to the question's words. A phrase made only of
 * the question's own words ("Rainbow" when asked about Rainbow) answers nothing. Thread-safe.
 */
final class AnswerFit {
    /** The best phrase's fit in [0, 1] and where it is in the sentence; start -1 when there is none. */
    record Fit(double value, int start, int end) {
        static final Fit NONE = new Fit(0, -1, -1);
    }

    /** Characters after an amount within which the counted noun is looked for ("9.4 mln Progressive shares"). */
    private static final int UNIT_REACH = 30;

    /** How near a phrase is taken to be when nothing in the sentence anchors it. */
    private static final double UNANCHORED = 0.45;

    private final AnswerSpotter spotter;

    AnswerFit(AnswerSpotter spotter) {
        this.spotter = spotter;
    }

    /**
     * @param tokens the sentence's analysed tokens (offsets into {@code text})
     * @param wanted the question's terms
     * @param focus  the analysed words of what the question counts or measures ("shares", "ore"), maybe empty
     */
    Fit best(String text, List<SentenceTerms.Token> tokens, Set<String> wanted, Set<String> focus,
            AnswerExpectation expectation) {
        return best(text, tokens, wanted, focus, expectation, null);
    }

    /**
     * The same for a sentence in {@code language} (null when unknown): its names are spotted as
     * that language capitalises, and a word {@link WordForms} relates to a question's word
     * ("Start" for "startet") anchors the answer like the word itself.
     */
    Fit best(String text, List<SentenceTerms.Token> tokens, Set<String> wanted, Set<String> focus,
            AnswerExpectation expectation, String language) {
        if (expectation.isEmpty()) {
            return Fit.NONE;
        }
        List<int[]> anchors = anchors(tokens, wanted, language, false);
        Fit best = Fit.NONE;
        // only the asked-for types are looked for: the others would be weighed 0
        for (AnswerSpotter.Mention m : spotter.spot(text, language, asked(expectation))) {
            double want = expectation.want(m.type());
            if (want == 0 || isQuestionsOwn(m, tokens, wanted)) {
                continue;
            }
            double unit = 1.0;
            if (!focus.isEmpty() && (m.type() == AnswerType.NUMBER || m.type() == AnswerType.MONEY)) {
                unit = countsFocus(m, tokens, focus) ? 1.0 : 0.6;
            }
            double value = want * m.strength() * unit * nearness(m, anchors);
            if (value > best.value()) {
                best = new Fit(value, m.start(), m.end());
            }
        }
        return best;
    }

    /**
     * The tokens that anchor an answer: the question's words, and in a language {@link WordForms}
     * reads, words it relates to them; only the first when {@code any}.
     */
    private static List<int[]> anchors(List<SentenceTerms.Token> tokens, Set<String> wanted, String language,
            boolean any) {
        List<int[]> anchors = new ArrayList<>();
        boolean forms = WordForms.reads(language);
        for (SentenceTerms.Token t : tokens) {
            if (wanted.contains(t.term()) || forms && WordForms.share(language, t.term(), wanted) > 0) {
                anchors.add(new int[] {t.start(), t.end()});
                if (any) {
                    break;
                }
            }
        }
        return anchors;
    }

    /** The answer types {@code expectation} wants at all. */
    static Set<AnswerType> asked(AnswerExpectation expectation) {
        Set<AnswerType> asked = EnumSet.noneOf(AnswerType.class);
        for (AnswerType t : expectation.weights().keySet()) {
            if (expectation.want(t) > 0) {
                asked.add(t);
            }
        }
        return asked;
    }

    /**
     * The most {@link #best} can give the sentence, known without spotting its phrases: the
     * weight of the likeliest type asked for ({@code asked}: {@link #asked}), less when nothing in
     * the sentence anchors a phrase, and 0 when the text cannot hold a phrase of any asked-for type
     * ({@link SpotPlan}).
     */
    static double most(String text, List<SentenceTerms.Token> tokens, Set<String> wanted,
            AnswerExpectation expectation, Set<AnswerType> asked, String language) {
        double most = 0;
        for (AnswerType t : asked) {
            most = Math.max(most, expectation.want(t));
        }
        if (most == 0 || !SpotPlan.of(text, asked).any()) {
            return 0;
        }
        return anchors(tokens, wanted, language, true).isEmpty() ? most * UNANCHORED : most;
    }

    private static boolean countsFocus(AnswerSpotter.Mention m, List<SentenceTerms.Token> tokens, Set<String> focus) {
        for (SentenceTerms.Token t : tokens) {
            if (t.start() >= m.start() && t.start() <= m.end() + UNIT_REACH && focus.contains(t.term())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the phrase is what the question already names rather than new information: a name
     * mostly made of the question's words ("Dorian Mills Inc" when asked about Dorian Mills), or
     * an amount, date or count made only of them ("1986" when asked about 1986).
     */
    private static boolean isQuestionsOwn(AnswerSpotter.Mention m, List<SentenceTerms.Token> tokens,
            Set<String> wanted) {
        int inside = 0;
        int asked = 0;
        for (SentenceTerms.Token t : tokens) {
            if (t.start() >= m.start() && t.end() <= m.end()) {
                inside++;
                asked += wanted.contains(t.term()) ? 1 : 0;
            }
        }
        boolean name = switch (m.type()) {
            case PERSON, ORGANIZATION, PLACE, THING -> true;
            default -> false;
        };
        return inside > 0 && (name ? 2 * asked > inside : asked == inside);
    }

    /** 1 beside a query word, less farther away; a sentence without query words leans on its article. */
    private static double nearness(AnswerSpotter.Mention m, List<int[]> anchors) {
        if (anchors.isEmpty()) {
            return UNANCHORED;
        }
        int d = Integer.MAX_VALUE;
        for (int[] a : anchors) {
            int gap = a[1] <= m.start() ? m.start() - a[1] : m.end() <= a[0] ? a[0] - m.end() : 0;
            d = Math.min(d, gap);
        }
        return d <= 60 ? 1.0 : d <= 150 ? 0.75 : 0.55;
    }
}
