package dev.newsbrief.brief;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of {@link AnswerSpotter}'s pattern families one sentence needs scanned: those of the
 * answer types asked for (and of the types they are told apart from: a count is not a count
 * inside an amount, a date or a tally), and of those only the ones that can match the text at
 * all (an amount or a count needs a digit, a currency sign or a number word; a local date a digit
 * or a local month or day word). Every check is a necessary condition of a match, so the mentions
 * of the asked-for types are exactly those a full scan finds; the scans skipped (about 30 µs each
 * per sentence) were most of the time a briefing spent choosing its sentences.
 */
record SpotPlan(boolean money, boolean localMoney, boolean percent, boolean localPercent, boolean date,
        boolean localDate, boolean score, boolean count, boolean localCount, boolean wordCount, boolean names,
        boolean angled, boolean things) {
    static final Set<AnswerType> ALL = Set.copyOf(EnumSet.allOf(AnswerType.class));
    private static final List<String> NUMBER_WORDS = List.of(AnswerSpotter.NUM_WORD.split("\\|"));
    private static final List<String> LOCAL_DATE_WORDS = localDateWords();

    private static List<String> localDateWords() {
        String months = AnswerSpotter.LOCAL_MONTH.substring("(?:".length(), AnswerSpotter.LOCAL_MONTH.length() - 1);
        return List.of((months + "|" + AnswerSpotter.LOCAL_DAYS).split("\\|"));
    }

    /** The scans {@code text} needs for mentions of {@code types}. */
    static SpotPlan of(String text, Set<AnswerType> types) {
        boolean number = types.contains(AnswerType.NUMBER);
        boolean tally = number || types.contains(AnswerType.SCORE);
        boolean wantMoney = tally || types.contains(AnswerType.MONEY);
        boolean wantPercent = tally || types.contains(AnswerType.PERCENT);
        boolean wantDate = number || types.contains(AnswerType.DATE);
        boolean organisation = types.contains(AnswerType.ORGANIZATION);
        boolean thing = types.contains(AnswerType.THING);
        boolean wantNames = organisation || thing || types.contains(AnswerType.PERSON)
                || types.contains(AnswerType.PLACE);
        if (!wantMoney && !wantPercent && !wantDate) {
            return new SpotPlan(false, false, false, false, false, false, false, false, false, false, wantNames,
                    organisation, thing);
        }
        boolean digit = false;
        boolean sign = false;
        StringBuilder folded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            digit |= Character.isDigit(c);
            sign |= c == '$' || c == '\u00A3' || c == '\u20AC' || c == '\u00A5';
            // as case-insensitive matching compares characters: by their upper and lower case
            folded.append(Character.toLowerCase(Character.toUpperCase(c)));
        }
        String lower = folded.toString();
        boolean numeric = digit || containsAny(lower, NUMBER_WORDS);
        boolean localDay = wantDate && (digit || containsAny(lower, LOCAL_DATE_WORDS));
        return new SpotPlan(wantMoney && (numeric || sign), wantMoney && (digit || sign), wantPercent && numeric,
                wantPercent && digit, wantDate, localDay, tally && digit, number && numeric, number && digit, number,
                wantNames, organisation, thing);
    }

    /** Whether any scan is needed: else the text holds no mention of the types asked for. */
    boolean any() {
        return money || localMoney || percent || localPercent || date || localDate || score || count || localCount
                || wordCount || names || angled || things;
    }

    /** A matcher of {@code pattern} over {@code text} when {@code scan}, else over nothing (it finds nothing). */
    static Matcher matcher(Pattern pattern, String text, boolean scan) {
        return pattern.matcher(scan ? text : "");
    }

    private static boolean containsAny(String text, List<String> words) {
        for (String w : words) {
            if (text.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
