package dev.newsbrief.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * The required substrings ("only-if-contains") of several cleaning rules, searched together: one
 * pass over a line tells which rules may match it, where asking each rule's list with
 * {@link String#contains} passes over the line once per string (up to 30 for one rule). Strings
 * are found by their first two characters (one-character strings by their character), then
 * compared in full, so the answer is exactly the per-string one.
 */
final class Needles {
    private static final int SLOTS = 4096;

    private record Needle(String text, long rule) {
    }

    private final Needle[][] byPair = new Needle[SLOTS][];
    private final Needle[][] bySingle = new Needle[SLOTS][];
    private final long always;
    private final long all;

    /**
     * @param perRule each rule's required strings, rule {@code i} answering to bit {@code i} (at
     *                most 64 rules); an empty list or an empty string means the rule always may match
     */
    Needles(List<List<String>> perRule) {
        if (perRule.size() > 64) {
            throw new IllegalArgumentException("at most 64 rules: " + perRule.size());
        }
        List<List<Needle>> pairs = new ArrayList<>();
        List<List<Needle>> singles = new ArrayList<>();
        for (int i = 0; i < SLOTS; i++) {
            pairs.add(new ArrayList<>());
            singles.add(new ArrayList<>());
        }
        long alwaysRules = 0;
        long allRules = 0;
        for (int r = 0; r < perRule.size(); r++) {
            long bit = 1L << r;
            allRules |= bit;
            List<String> strings = perRule.get(r);
            if (strings.isEmpty() || strings.stream().anyMatch(String::isEmpty)) {
                alwaysRules |= bit;
                continue;
            }
            for (String s : strings) {
                Needle n = new Needle(s, bit);
                if (s.length() == 1) {
                    singles.get(s.charAt(0) % SLOTS).add(n);
                } else {
                    pairs.get(slot(s.charAt(0), s.charAt(1))).add(n);
                }
            }
        }
        for (int i = 0; i < SLOTS; i++) {
            byPair[i] = pairs.get(i).isEmpty() ? null : pairs.get(i).toArray(Needle[]::new);
            bySingle[i] = singles.get(i).isEmpty() ? null : singles.get(i).toArray(Needle[]::new);
        }
        this.always = alwaysRules;
        this.all = allRules;
    }

    private static int slot(char first, char second) {
        return ((first << 5) ^ second) & (SLOTS - 1);
    }

    /** The rules (as bits) for which {@code text} contains one of the strings, plus those that need none. */
    long rulesIn(String text) {
        long found = always;
        int n = text.length();
        for (int i = 0; i < n && found != all; i++) {
            char c = text.charAt(i);
            Needle[] singles = bySingle[c % SLOTS];
            if (singles != null) {
                found = match(singles, text, i, found);
            }
            if (i + 1 < n) {
                Needle[] pairs = byPair[slot(c, text.charAt(i + 1))];
                if (pairs != null) {
                    found = match(pairs, text, i, found);
                }
            }
        }
        return found;
    }

    private static long match(Needle[] candidates, String text, int at, long found) {
        for (Needle needle : candidates) {
            if ((found & needle.rule) == 0 && text.startsWith(needle.text, at)) {
                found |= needle.rule;
            }
        }
        return found;
    }
}
