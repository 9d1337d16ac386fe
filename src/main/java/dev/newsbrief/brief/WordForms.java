package dev.newsbrief.brief;

import java.util.Set;

/**
 * How far a sentence's analysed word stands for a question's word it does not hold exactly, in a
 * language whose analysis leaves related forms apart. German writes compounds as one word and its
 * light stemmer keeps most verb endings, so a question's "Sachschaden", "Wolfsrudel",
 * "Frauenministerin" or "startet" is answered by a sentence saying "Schaden", "Rudel",
 * "Bundesministerin" or "Start":
 * <ul>
 *   <li>one word is the other's head (it ends the compound): "sachschaden" / "schaden";</li>
 *   <li>both are compounds on the same head of six letters or more, each with a first part of
 *       three or more: "frauenministerin" / "bundesministerin", "cyberangriff" / "hackerangriff";</li>
 *   <li>one is the other plus a verb or adjective ending the stemmer kept: "start" / "startet".</li>
 * </ul>
 * Each counts for a share of the word's weight, below an exact match. Other languages (English
 * included) get 0: their analysis already joins the forms this reads. Thread-safe (no state).
 */
final class WordForms {
    /** Languages whose compounds and endings are read here. */
    private static final Set<String> COMPOUNDING = Set.of("de");
    /** Share for an inflected form of the word. */
    static final double INFLECTED = 0.8;
    /** Share for a compound and its head ("Schaden" for "Sachschaden" and the other way round). */
    static final double HEAD = 0.7;
    /** Share for two compounds on one head ("Bundesministerin" for "Frauenministerin"). */
    static final double SHARED_HEAD = 0.5;
    /** The shortest head read as a word of its own ("rudel"; not "land" in "deutschland"). */
    private static final int MIN_HEAD = 5;
    /** The shortest head two compounds must share (a shorter common end is often only a suffix: "-ung"). */
    private static final int MIN_SHARED_HEAD = 6;
    /** The shortest first part of a compound ("bundes-"; not the "z" of "Zeitung" against "Leitung"). */
    private static final int MIN_MODIFIER = 3;
    /** The shortest stem an ending is read off. */
    private static final int MIN_STEM = 4;
    /** Endings the German light stemmer leaves on verbs and adjectives (after its own trimming). */
    private static final Set<String> ENDINGS = Set.of("e", "t", "et", "te", "st", "est", "ete", "ten", "tet", "en",
            "er", "em", "es", "n", "s");

    private WordForms() {
    }

    /** Whether {@code language} gets any related-form matching. */
    static boolean reads(String language) {
        return language != null && COMPOUNDING.contains(language);
    }

    /**
     * The best share of {@code wanted}'s weight one of {@code terms} earns as a related form, 0 when
     * none is related or the language is not read here. Exact matches are the caller's (1).
     */
    static double share(String language, String wanted, Set<String> terms) {
        if (!reads(language)) {
            return 0;
        }
        double best = 0;
        for (String t : terms) {
            best = Math.max(best, related(wanted, t));
            if (best >= INFLECTED) {
                break;
            }
        }
        return best;
    }

    /** The share {@code b} earns for {@code a} (symmetric), 0 when unrelated or equal. */
    static double related(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        if (shorter.length() >= MIN_STEM && longer.startsWith(shorter)
                && ENDINGS.contains(longer.substring(shorter.length())) && isLetters(shorter)) {
            return INFLECTED;
        }
        if (shorter.length() >= MIN_HEAD && longer.endsWith(shorter) && longer.length() - shorter.length() >= 3
                && isLetters(longer)) {
            return HEAD;
        }
        int common = commonEnd(a, b);
        if (common >= MIN_SHARED_HEAD && a.length() - common >= MIN_MODIFIER && b.length() - common >= MIN_MODIFIER
                && isLetters(a.substring(a.length() - common))) {
            return SHARED_HEAD;
        }
        return 0;
    }

    private static int commonEnd(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(a.length() - 1 - n) == b.charAt(b.length() - 1 - n)) {
            n++;
        }
        return n;
    }

    /** Numbers and codes ("a6", "2023") are never read as compounds or forms. */
    private static boolean isLetters(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isLetter(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
