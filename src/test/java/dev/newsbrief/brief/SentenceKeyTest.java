package dev.newsbrief.brief;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Differential: {@link SentenceKey#of}, which reads ASCII without Unicode's tables, gives
 * exactly what the plain code-point reading gives, on every ASCII character and on mixed text.
 */
class SentenceKeyTest {
    /** The reading by code point alone: lower-cased letters and numbers, runs of anything else as one space. */
    private static String byCodePoint(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean gap = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (Character.isLetter(cp) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                    || type == Character.OTHER_NUMBER) {
                if (gap && !out.isEmpty()) {
                    out.append(' ');
                }
                gap = false;
                out.appendCodePoint(Character.toLowerCase(cp));
            } else {
                gap = true;
            }
        }
        return out.toString();
    }

    @Test
    void everyAsciiCharacterAloneAndBetweenLetters() {
        for (char c = 0; c < 0x80; c++) {
            for (String s : List.of(String.valueOf(c), "A" + c + "b", c + "Zz" + c, "" + c + c + "9")) {
                assertThat(SentenceKey.of(s)).as("code %d", (int) c).isEqualTo(byCodePoint(s));
            }
        }
    }

    @Test
    void mixedTextGivesWhatTheCodePointReadingGives() {
        List<String> texts = new ArrayList<>(List.of(
                "U.S. Treasury Secretary James Baker said on Monday: \"We'll see.\"",
                "Der Umsatz stieg um 12,7 Prozent auf 5,7 Mrd. EURO -- ÜBER Plan.",
                "Él dijo ¡HOY! que la reunión ... ² ³ ½ Ⅻ ٣ 𝟘 𝐀 \uD835\uDC00",
                "  leading and trailing gaps  ", "", "...", "İstanbul ǅ ǈ ß ẞ Σσς"));
        Random random = new Random(7);
        String alphabet = "aZ09 .,-'\"\u00E9\u00C9\u00DF\u0130\u01C5\u00B2\u00BD\u2167\u0663\uD835\uDFD8\u00A0\t\n";
        for (int i = 0; i < 2000; i++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(40);
            for (int j = 0; j < length; j++) {
                int k = random.nextInt(alphabet.length());
                char c = alphabet.charAt(k);
                if (Character.isHighSurrogate(c) && k + 1 < alphabet.length()) {
                    b.append(c).append(alphabet.charAt(k + 1));
                } else if (!Character.isLowSurrogate(c)) {
                    b.append(c);
                }
            }
            texts.add(b.toString());
        }
        for (String s : texts) {
            assertThat(SentenceKey.of(s)).as(s).isEqualTo(byCodePoint(s));
        }
    }
}
