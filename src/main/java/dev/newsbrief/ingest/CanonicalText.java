package dev.newsbrief.ingest;

import java.text.Normalizer;
import java.util.BitSet;

/**
 * Unicode NFC for stored text, and nothing more: composed and decomposed spellings of one letter
 * become one, but no compatibility folding ("½" stays "½", "ﬁ" stays "ﬁ", Arabic presentation forms
 * stay), and characters that NFC would swap for a different one (the ohm sign, CJK compatibility
 * ideographs, the Greek question mark) are left as written. Search folds in its analyzer instead.
 */
final class CanonicalText {
    /** BMP characters whose canonical decomposition is a single other character. */
    private static final BitSet SINGLETONS = singletons();

    private CanonicalText() {
    }

    static String nfc(String text) {
        if (Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int runStart = 0;
        for (int i = 0; i < text.length(); i++) {
            if (isSingleton(text, i)) {
                out.append(Normalizer.normalize(text.subSequence(runStart, i), Normalizer.Form.NFC));
                int end = i + Character.charCount(text.codePointAt(i));
                out.append(text, i, end);
                runStart = end;
                i = end - 1;
            }
        }
        out.append(Normalizer.normalize(text.subSequence(runStart, text.length()), Normalizer.Form.NFC));
        return out.toString();
    }

    private static boolean isSingleton(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            int cp = text.codePointAt(i);
            return cp >= 0x2F800 && cp <= 0x2FA1F; // CJK compatibility ideographs supplement
        }
        return c >= 0x80 && SINGLETONS.get(c);
    }

    private static BitSet singletons() {
        BitSet set = new BitSet(0x10000);
        for (int c = 0x80; c < 0x10000; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            String s = String.valueOf((char) c);
            String d = Normalizer.normalize(s, Normalizer.Form.NFD);
            if (d.codePointCount(0, d.length()) == 1 && !d.equals(s)) {
                set.set(c);
            }
        }
        return set;
    }
}
