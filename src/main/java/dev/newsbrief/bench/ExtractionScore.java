package dev.newsbrief.bench;

import java.util.List;

/**
 * The snippet metric of trafilatura's evaluation: in both the snippet and the extracted text every
 * run of whitespace becomes one space; a "with" snippet found in the text (case-sensitive) is a true
 * positive, one not found a false negative, and a "without" snippet found is a false positive.
 */
public final class ExtractionScore {
    private ExtractionScore() {
    }

    /** Counts for one page or a sum over pages. */
    public record Counts(long truePositives, long falseNegatives, long falsePositives) {
        public static final Counts ZERO = new Counts(0, 0, 0);

        public Counts plus(Counts o) {
            return new Counts(truePositives + o.truePositives, falseNegatives + o.falseNegatives,
                    falsePositives + o.falsePositives);
        }

        public double precision() {
            long found = truePositives + falsePositives;
            return found == 0 ? 0 : (double) truePositives / found;
        }

        public double recall() {
            long wanted = truePositives + falseNegatives;
            return wanted == 0 ? 0 : (double) truePositives / wanted;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /** Scores {@code text} (null when extraction failed or the page was skipped) against one page's snippets. */
    public static Counts score(String text, List<String> with, List<String> without) {
        if (text == null) {
            return new Counts(0, with.size(), 0);
        }
        String collapsed = collapse(text);
        long tp = with.stream().filter(s -> collapsed.contains(collapse(s))).count();
        long fp = without.stream().filter(s -> collapsed.contains(collapse(s))).count();
        return new Counts(tp, with.size() - tp, fp);
    }

    /** Every run of whitespace (Python's {@code str.isspace}: Unicode separators included) as one space. */
    public static String collapse(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean inSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                if (!inSpace) {
                    out.append(' ');
                }
                inSpace = true;
            } else {
                out.append(c);
                inSpace = false;
            }
        }
        return out.toString();
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }
}
