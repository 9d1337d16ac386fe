package dev.newsbrief.brief;

import java.util.ArrayList;
import java.util.List;

/**
 * Shortens an over-long sentence to at most {@code max} characters at word boundaries, marking
 * each cut with an ellipsis. The kept part is the start of the sentence unless the phrase that
 * answers the question lies beyond it; then the part around that phrase is kept, so a long
 * sentence never loses its answer to the cut.
 */
final class SentenceWindow {
    /** What is shown of a sentence and its tokens, offsets into {@code text}. */
    record Shown(String text, List<SentenceTerms.Token> tokens) {
    }

    private static final String ELLIPSIS = "\u2026";

    private SentenceWindow() {
    }

    /**
     * @param tokens     the sentence's tokens, offsets into {@code sentence}
     * @param focusStart start of the phrase to keep, or -1
     * @param focusEnd   end of that phrase
     */
    static Shown of(String sentence, List<SentenceTerms.Token> tokens, int max, int focusStart, int focusEnd) {
        if (sentence.length() <= max) {
            return new Shown(sentence, tokens);
        }
        int from = 0;
        int to;
        if (focusStart < 0 || focusEnd <= max - 1) {
            to = cutBefore(sentence, max - 1, max / 2);
        } else {
            // keep the answer with some of what leads to it: end a little after it, start max before
            to = Math.min(sentence.length(), focusEnd + (max / 4));
            to = to == sentence.length() ? to : cutBefore(sentence, to, focusEnd);
            int room = max - (to < sentence.length() ? 2 : 1);
            from = Math.max(0, to - room);
            int space = sentence.indexOf(' ', from);
            from = space < 0 || space >= focusStart ? from : space + 1;
            if (Character.isLowSurrogate(sentence.charAt(from))) {
                from++;
            }
        }
        String core = sentence.substring(from, to).strip();
        int lead = from == 0 ? 0 : 1;
        int shift = sentence.indexOf(core, from) - lead;
        String text = (from == 0 ? "" : ELLIPSIS) + core + (to < sentence.length() ? ELLIPSIS : "");
        List<SentenceTerms.Token> kept = new ArrayList<>();
        int coreEnd = shift + lead + core.length();
        for (SentenceTerms.Token t : tokens) {
            if (t.start() >= shift + lead && t.end() <= coreEnd) {
                kept.add(new SentenceTerms.Token(t.term(), t.start() - shift, t.end() - shift));
            }
        }
        return new Shown(text, kept);
    }

    /** The last word boundary before {@code limit} (not before {@code floor}), else {@code limit} itself. */
    private static int cutBefore(String s, int limit, int floor) {
        int cut = s.lastIndexOf(' ', limit);
        if (cut < floor) {
            cut = limit;
            if (cut < s.length() && cut > 0 && Character.isLowSurrogate(s.charAt(cut))) {
                cut--;
            }
        }
        return cut;
    }
}
