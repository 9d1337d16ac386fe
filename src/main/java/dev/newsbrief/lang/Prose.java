package dev.newsbrief.lang;

/**
 * The prose of a text: its runs of ordinary words, with the figures, and the words in capitals
 * only (names, tickers, headings, abbreviations), set aside. A figure table ("Shr 45 cts vs 58 cts
 * Net 1.1 mln vs 829,000 Revs 7.9 mln") puts a number after every one to three words, so its runs
 * are short and its prose is a small part of its letters; a paragraph of news keeps most of its
 * letters in long runs even when it quotes many numbers. The language detector's n-grams read
 * the abbreviations of a table ("vs", "mln", "dlrs") as a foreign language, so
 * {@link LanguageDetector#ofArticle} judges such a text by its prose alone, or not at all.
 *
 * <p>Words are the text's whitespace-separated tokens. A token with at least as many digits as
 * letters ("1.22", "2,332,397", "21.2p", "15-30/4") is a figure; a token whose letters are all
 * capitals ("NET", "{@code <GMHC>}", "U.S.") is a name or an abbreviation; both end a run. A
 * token of punctuation alone ("-", "&amp;") neither starts nor ends one. Scripts without capitals
 * (Chinese, Arabic...) and words joined to a number ("3rd", "6月3日上午") are ordinary words.
 *
 * @param text    the runs of at least {@link #MIN_RUN_LETTERS} letters, each followed by a space
 * @param letters the letters in {@code text}
 */
record Prose(String text, int letters) {
    /**
     * A run must hold at least this many letters to count as prose: about four words, more than
     * the abbreviations a table puts between two figures ("mln Nine mths Shr", 14 letters), less
     * than a clause of a sentence.
     */
    static final int MIN_RUN_LETTERS = 20;

    /** The prose of {@code text}. */
    static Prose of(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int proseLetters = 0;
        int runStart = -1;
        int runEnd = -1;
        int runLetters = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            int letters = 0;
            int digits = 0;
            boolean lower = false;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                char c = text.charAt(i);
                if (Character.isLetter(c)) {
                    letters++;
                    lower |= !Character.isUpperCase(c);
                } else if (Character.isDigit(c)) {
                    digits++;
                }
                i++;
            }
            if ((digits > 0 && digits >= letters) || (letters > 0 && !lower)) {
                if (runLetters >= MIN_RUN_LETTERS) {
                    out.append(text, runStart, runEnd).append(' ');
                    proseLetters += runLetters;
                }
                runStart = -1;
                runLetters = 0;
            } else if (letters > 0 || runStart >= 0) {
                if (runStart < 0) {
                    runStart = start;
                }
                runEnd = i;
                runLetters += letters;
            }
        }
        if (runLetters >= MIN_RUN_LETTERS) {
            out.append(text, runStart, runEnd).append(' ');
            proseLetters += runLetters;
        }
        return new Prose(out.toString(), proseLetters);
    }
}
