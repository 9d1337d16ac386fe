package dev.newsbrief.index;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits an article body into passages. Paragraphs (separated by blank lines) are never merged;
 * a paragraph is cut between sentences so each passage holds 1 to {@code maxSentences} sentences
 * and at most about {@code maxChars} characters. A sentence is never cut: one sentence longer than
 * the limit becomes a passage of its own. Sentences are those of {@link SentenceSplitter}; each
 * passage carries its own ({@link Passage#sentences()}), which are its paragraph's when the passage
 * is the whole paragraph, and are split from the passage's text otherwise (a sentence split out of
 * a shorter text can differ from the one found in the whole paragraph).
 */
public final class PassageSplitter {

    /**
     * @param maxSentences most sentences per passage
     * @param maxChars     soft character limit per passage
     */
    public record Options(int maxSentences, int maxChars) {
        public static final Options DEFAULTS = new Options(4, 700);

        public Options {
            if (maxSentences < 1 || maxChars < 1) {
                throw new IllegalArgumentException("passage limits must be positive");
            }
        }
    }

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");
    private static final Pattern LINE_BREAK = Pattern.compile("\\s*\\n\\s*");

    private final Options options;

    public PassageSplitter(Options options) {
        this.options = options;
    }

    public PassageSplitter() {
        this(Options.DEFAULTS);
    }

    /** The passages of {@code body}, numbered from 0 in reading order. */
    public List<Passage> split(String articleId, String body) {
        List<Passage> out = new ArrayList<>();
        // BreakIterator is stateful and not thread-safe; one per call keeps the splitter shareable.
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        for (String paragraph : PARAGRAPH_BREAK.split(body)) {
            String p = paragraph.strip();
            if (p.indexOf('\n') >= 0) {
                p = LINE_BREAK.matcher(p).replaceAll(" ");
            }
            if (p.isEmpty()) {
                continue;
            }
            splitParagraph(articleId, p, sentences, out);
        }
        return out;
    }

    /** Adds the passages of {@code paragraph} to {@code out}. */
    private void splitParagraph(String articleId, String paragraph, BreakIterator it, List<Passage> out) {
        List<SentenceSplitter.Span> spans = SentenceSplitter.spans(paragraph, it);
        List<String> passages = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int inCurrent = 0;
        for (SentenceSplitter.Span span : spans) {
            String sentence = paragraph.substring(span.start(), span.end());
            boolean full = inCurrent >= options.maxSentences()
                    || (inCurrent > 0 && current.length() + 1 + sentence.length() > options.maxChars());
            if (full) {
                passages.add(current.toString());
                current.setLength(0);
                inCurrent = 0;
            }
            if (inCurrent > 0) {
                current.append(' ');
            }
            current.append(sentence);
            inCurrent++;
        }
        if (inCurrent > 0) {
            passages.add(current.toString());
        }
        if (passages.size() == 1 && passages.get(0).equals(paragraph)) {
            // the passage is the paragraph, single spaces and all: its sentences are the ones just found
            out.add(new Passage(articleId, out.size(), paragraph, spans));
            return;
        }
        for (String text : passages) {
            out.add(new Passage(articleId, out.size(), text, SentenceSplitter.spans(text, it)));
        }
    }
}
