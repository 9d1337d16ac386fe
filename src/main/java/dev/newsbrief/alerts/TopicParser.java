package dev.newsbrief.alerts;

import dev.newsbrief.lang.Text;
import dev.newsbrief.brief.QueryUnderstanding;
import dev.newsbrief.brief.UserQuery;
import dev.newsbrief.index.AnalyzedTerms;
import dev.newsbrief.index.NewsAnalyzer;
import dev.newsbrief.index.PassageFields;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * Reads a topic written in the question language — keywords, {@code "quoted phrases"} and
 * {@code -exclusions} — with the same {@link QueryUnderstanding} as /ask (so question and time
 * words are dropped alike), and analyses it with the one {@link NewsAnalyzer}, so a topic and the
 * articles it is matched against reduce words to the same terms. Lucene syntax is never
 * interpreted: brackets, stars and colons are punctuation the analyzer drops. Unlike a question,
 * a topic requires every word: alerts must be precise.
 */
public final class TopicParser {
    /** Longest topic accepted, in characters. */
    public static final int MAX_CHARS = 200;
    private static final int MAX_CLAUSES = 12;

    private final Analyzer analyzer;
    private final String field;
    // Time words in a topic mean nothing (it is matched as articles arrive), so any clock will do.
    private final QueryUnderstanding understanding = new QueryUnderstanding(Clock.systemUTC());

    public TopicParser(Analyzer analyzer) {
        this(analyzer, null);
    }

    /**
     * A parser analysing topics as {@code language} ({@code null} or {@code en}: English), with
     * {@code analyzer} choosing the analysis by field ({@link dev.newsbrief.index.LanguageAnalyzers}).
     */
    public TopicParser(Analyzer analyzer, String language) {
        this.analyzer = analyzer;
        this.field = PassageFields.of(TopicMatcher.FIELD, language);
    }

    public TopicParser() {
        this(new NewsAnalyzer());
    }

    /**
     * Parses {@code typed} into a topic.
     *
     * @throws InvalidTopicException when it is empty, too long, or has no word left to look for
     */
    public Topic parse(String typed) {
        String display = clean(typed);
        if (display.isEmpty()) {
            throw new InvalidTopicException(Text.of("topic.empty"));
        }
        if (display.length() > MAX_CHARS) {
            throw new InvalidTopicException(Text.of("topic.too-long", MAX_CHARS));
        }
        Set<String> terms = new LinkedHashSet<>();
        Set<AnalyzedTerms> phrases = new LinkedHashSet<>();
        Set<AnalyzedTerms> exclusions = new LinkedHashSet<>();
        for (Clause clause : clauses(display)) {
            AnalyzedTerms analysed = analyse(clause.text());
            if (analysed == null) {
                continue;
            }
            if (clause.excluded()) {
                exclusions.add(analysed);
            } else if (analysed.terms().size() == 1) {
                terms.add(analysed.terms().get(0));
            } else {
                phrases.add(analysed);
            }
        }
        if (terms.isEmpty() && phrases.isEmpty()) {
            throw new InvalidTopicException(Text.of(exclusions.isEmpty() ? "topic.no-word" : "topic.only-exclusions",
                    display));
        }
        if (terms.size() + phrases.size() + exclusions.size() > MAX_CLAUSES) {
            throw new InvalidTopicException(Text.of("topic.too-many", MAX_CLAUSES));
        }
        return Topic.of(display, terms, phrases, exclusions);
    }

    /**
     * The clauses of a valid topic as written ({@code "North Korea"} quoted, words as typed),
     * leaving out those that analyse to nothing (stop words), for the /subscribe confirmation.
     */
    public TopicWording wording(String typed) {
        List<String> required = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (Clause clause : clauses(clean(typed))) {
            AnalyzedTerms analysed = analyse(clause.text());
            if (analysed == null) {
                continue;
            }
            String shown = clause.text().contains(" ") ? '"' + clause.text() + '"' : clause.text();
            (clause.excluded() ? excluded : required).add(shown);
        }
        return new TopicWording(required, excluded);
    }

    /** The analysed key of {@code typed}, or the cleaned text when it is not a valid topic. */
    public String keyOrText(String typed) {
        try {
            return parse(typed).key();
        } catch (InvalidTopicException e) {
            return clean(typed);
        }
    }

    private record Clause(String text, boolean excluded) {}

    private static String clean(String typed) {
        if (typed == null) {
            return "";
        }
        String s = typed.replace('\u201C', '"').replace('\u201D', '"').replace('\u201E', '"')
                .replace('\u00AB', '"').replace('\u00BB', '"').replace('\u2212', '-');
        return s.replaceAll("[\\p{Cntrl}\\p{Cf}]", " ").strip().replaceAll("\\s+", " ");
    }

    private List<Clause> clauses(String text) {
        UserQuery q = understanding.understand(text);
        List<Clause> out = new ArrayList<>();
        q.terms().forEach(t -> out.add(new Clause(t, false)));
        q.phrases().forEach(p -> out.add(new Clause(p, false)));
        q.exclusions().forEach(e -> out.add(new Clause(e, true)));
        return out;
    }

    /** The clause's terms and positions, or null when analysis leaves nothing. */
    private AnalyzedTerms analyse(String text) {
        AnalyzedTerms analysed = AnalyzedTerms.of(analyzer, field, text);
        return analysed.isEmpty() ? null : analysed.fromZero();
    }
}
