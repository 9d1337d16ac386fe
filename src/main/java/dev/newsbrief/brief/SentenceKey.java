package dev.newsbrief.brief;

/**
 * The key sentences, titles and answer phrases are compared by, so that two differing only in case,
 * punctuation or spacing count as one. Thread-safe (no state).
 */
final class SentenceKey {
    private SentenceKey() {
    }

    /** Whether {@code text} holds a letter. */
    static boolean hasLetter(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /**
     * {@code s} as sentences and titles are compared: lower-cased letters and digits, runs of
     * anything else as one space (a regex here cost 3% of ask). ASCII, most of every sentence, is
     * read without Unicode's tables: its letters are A-Z and a-z, its digits 0-9, and it has no
     * other number characters.
     */
    static String of(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean gap = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.charAt(i);
            boolean kept;
            if (cp < 0x80) {
                i++;
                boolean upper = cp >= 'A' && cp <= 'Z';
                kept = upper || cp >= 'a' && cp <= 'z' || cp >= '0' && cp <= '9';
                cp = upper ? cp + ('a' - 'A') : cp;
            } else {
                cp = s.codePointAt(i);
                i += Character.charCount(cp);
                int type = Character.getType(cp);
                kept = Character.isLetter(cp) || type == Character.DECIMAL_DIGIT_NUMBER
                        || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
                cp = Character.toLowerCase(cp);
            }
            if (!kept) {
                gap = true;
                continue;
            }
            if (gap && !out.isEmpty()) {
                out.append(' ');
            }
            gap = false;
            out.appendCodePoint(cp);
        }
        return out.toString();
    }
}
