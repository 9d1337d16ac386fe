package dev.newsbrief.brief;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads raw user text (a question, keywords, a topic such as {@code "North Korea" Russia -sports})
 * into a {@link UserQuery}. It never interprets Lucene syntax: characters such as
 * {@code ( ) * ? ~ ^ : [ ]} are just punctuation that the analyzer later drops. Time words are
 * resolved against the injected clock and its zone.
 */
public final class QueryUnderstanding {
    /** Longer input is cut (at a space) before parsing: nobody's need is longer than this. */
    static final int MAX_INPUT_CHARS = 500;
    private static final int MAX_TERMS = 32;
    private static final int MAX_PHRASES = 8;
    private static final int MAX_EXCLUSIONS = 8;

    private static final Set<String> QUESTION_WORDS = Set.of(
            "what", "whats", "what's", "who", "whom", "whose", "who's", "when", "where", "why", "which", "how",
            "did", "does", "do", "is", "are", "was", "were", "has", "have", "had", "can", "could", "would",
            "should", "will", "shall", "please", "me", "any", "anything", "about",
            "news", "update", "updates", "happened", "happening", "going", "on", "there");
    private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z!][^<>]{0,200}>");
    private static final Pattern TELL_ME = Pattern.compile("(?i)\\b(tell|show|give) me\\b");
    private static final Pattern DAYS = Pattern.compile(
            "(?i)\\bsince (monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b");
    private static final Pattern THIS_WEEK = Pattern.compile("(?i)\\bthis week\\b");
    private static final Pattern PAST_WEEK = Pattern.compile("(?i)\\b(last|past) (7 days|week)\\b");
    private static final Pattern THIS_MONTH = Pattern.compile("(?i)\\bthis month\\b");
    private static final Pattern TODAY = Pattern.compile("(?i)\\b(today|tonight)(?:'s)?\\b");
    private static final Pattern YESTERDAY = Pattern.compile("(?i)\\byesterday(?:'s)?\\b");
    private static final Pattern LATEST = Pattern.compile(
            "(?i)\\b(latest|newest|most recent|recent|breaking|right now|currently)\\b");
    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{P}\\p{S}]+|[\\p{P}\\p{S}]+$");

    private final Clock clock;

    public QueryUnderstanding(Clock clock) {
        this.clock = clock;
    }

    /** Parses {@code text}; null, empty or hostile input gives an empty query, never an exception. */
    public UserQuery understand(String text) {
        String sanitized = sanitize(text);
        String clean = sanitized;
        List<String> labels = new ArrayList<>();
        Instant[] window = new Instant[2];
        boolean[] newest = new boolean[1];
        clean = resolveTime(clean, labels, window, newest);
        if (clean.toLowerCase(Locale.ROOT).contains(" me")) {
            clean = TELL_ME.matcher(clean).replaceAll(" ");
        }

        List<String> terms = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        List<String> exclusions = new ArrayList<>();
        int i = 0;
        int n = clean.length();
        while (i < n) {
            char c = clean.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean negated = c == '-' && i + 1 < n && !Character.isWhitespace(clean.charAt(i + 1))
                    && clean.charAt(i + 1) != '-';
            int start = negated ? i + 1 : i;
            if (start < n && clean.charAt(start) == '"') {
                int close = clean.indexOf('"', start + 1);
                int end = close < 0 ? n : close;
                String phrase = WHITESPACE_RUN.matcher(clean.substring(start + 1, end).strip()).replaceAll(" ");
                addPhrase(phrase, negated ? exclusions : phrases, negated ? MAX_EXCLUSIONS : MAX_PHRASES);
                i = close < 0 ? n : close + 1;
                continue;
            }
            int end = start;
            while (end < n && !Character.isWhitespace(clean.charAt(end)) && clean.charAt(end) != '"') {
                end++;
            }
            String word = EDGE_PUNCTUATION.matcher(clean.substring(start, end)).replaceAll("");
            i = Math.max(end, i + 1);
            if (word.isEmpty() || !word.codePoints().anyMatch(Character::isLetterOrDigit)) {
                continue;
            }
            if (negated) {
                if (exclusions.size() < MAX_EXCLUSIONS) {
                    exclusions.add(word);
                }
            } else if (!QUESTION_WORDS.contains(word.toLowerCase(Locale.ROOT)) && terms.size() < MAX_TERMS) {
                terms.add(word);
            }
        }
        RecencyIntent recency = labels.isEmpty() ? RecencyIntent.NONE
                : new RecencyIntent(window[0], window[1], newest[0], String.join(" ", labels));
        return new UserQuery(sanitized, terms, phrases, exclusions, recency);
    }

    private static void addPhrase(String phrase, List<String> into, int max) {
        if (!phrase.isEmpty() && phrase.codePoints().anyMatch(Character::isLetterOrDigit) && into.size() < max) {
            into.add(phrase);
        }
    }

    /**
     * Removes what must never reach analysis or a reply: control and bidi-format characters,
     * HTML tags, and everything past {@link #MAX_INPUT_CHARS} (cut at a space).
     */
    static String sanitize(String text) {
        if (text == null) {
            return "";
        }
        String s = text.length() > MAX_INPUT_CHARS * 4 ? text.substring(0, MAX_INPUT_CHARS * 4) : text;
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.PRIVATE_USE || type == Character.UNASSIGNED) {
                sb.append(' ');
            } else if (cp == '\u201C' || cp == '\u201D' || cp == '\u201E' || cp == '\u00AB' || cp == '\u00BB') {
                sb.append('"');
            } else if (cp == '\u2212') {
                sb.append('-');
            } else {
                sb.appendCodePoint(cp);
            }
        });
        // the patterns are compiled once and skipped when they cannot match: this runs on every query
        String noTags = sb.indexOf("<") < 0 ? sb.toString() : HTML_TAG.matcher(sb).replaceAll(" ");
        String collapsed = WHITESPACE_RUN.matcher(noTags).replaceAll(" ").strip();
        if (collapsed.length() <= MAX_INPUT_CHARS) {
            return collapsed;
        }
        int cut = collapsed.lastIndexOf(' ', MAX_INPUT_CHARS);
        int end = cut > MAX_INPUT_CHARS / 2 ? cut : MAX_INPUT_CHARS;
        if (Character.isHighSurrogate(collapsed.charAt(end - 1))) {
            end--;
        }
        return collapsed.substring(0, end).strip();
    }

    private String resolveTime(String text, List<String> labels, Instant[] window, boolean[] newest) {
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        String s = text;
        // each pattern runs only if its words occur at all: most queries name no time
        String lower = text.toLowerCase(Locale.ROOT);
        Matcher m = DAYS.matcher(s);
        if (lower.contains("since ") && m.find()) {
            DayOfWeek day = DayOfWeek.valueOf(m.group(1).toUpperCase(Locale.ROOT));
            window[0] = today.with(TemporalAdjusters.previousOrSame(day)).atStartOfDay(zone).toInstant();
            labels.add(m.group().toLowerCase(Locale.ROOT));
            s = m.replaceAll(" ");
        }
        m = THIS_WEEK.matcher(s);
        if (lower.contains("this week") && m.find()) {
            window[0] = earliest(window[0],
                    today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone).toInstant());
            labels.add("this week");
            s = m.replaceAll(" ");
        }
        m = PAST_WEEK.matcher(s);
        if ((lower.contains("week") || lower.contains("7 days")) && m.find()) {
            window[0] = earliest(window[0], today.minusDays(7).atStartOfDay(zone).toInstant());
            labels.add(m.group().toLowerCase(Locale.ROOT));
            s = m.replaceAll(" ");
        }
        m = THIS_MONTH.matcher(s);
        if (lower.contains("this month") && m.find()) {
            window[0] = earliest(window[0], today.withDayOfMonth(1).atStartOfDay(zone).toInstant());
            labels.add("this month");
            s = m.replaceAll(" ");
        }
        m = YESTERDAY.matcher(s);
        boolean yesterday = lower.contains("yesterday") && m.find();
        if (yesterday) {
            window[0] = earliest(window[0], today.minusDays(1).atStartOfDay(zone).toInstant());
            labels.add("yesterday");
            s = m.replaceAll(" ");
        }
        m = TODAY.matcher(s);
        if ((lower.contains("today") || lower.contains("tonight")) && m.find()) {
            window[0] = earliest(window[0], today.atStartOfDay(zone).toInstant());
            labels.add("today");
            s = m.replaceAll(" ");
            yesterday = false;
        }
        if (yesterday) {
            window[1] = today.atStartOfDay(zone).toInstant();
        }
        m = LATEST.matcher(s);
        if ((lower.contains("latest") || lower.contains("newest") || lower.contains("recent")
                || lower.contains("breaking") || lower.contains("right now") || lower.contains("currently"))
                && m.find()) {
            newest[0] = true;
            labels.add(0, m.group().toLowerCase(Locale.ROOT));
            s = m.replaceAll(" ");
        }
        return s;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}
