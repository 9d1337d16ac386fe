package dev.newsbrief.brief;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The meaningful words of a query, as a reader would name the topic: "what happened to coffee
 * prices?" is about {@code coffee prices}, "What did Kim Jong Un tell Shoigu?" about
 * {@code Kim Jong Un Shoigu}. Free words the analyzer drops (stopwords such as "to") and the verbs
 * of a question about speech go; quoted phrases and exclusions stay exactly as typed.
 */
final class TopicText {
    /** Verbs that ask what was said: they steer the search, but name no topic. */
    private static final Set<String> ASKING_VERBS = Set.of("tell", "told", "telling", "tells", "say", "says",
            "said", "saying", "think", "thinks", "thought", "explain", "know", "mean", "means");

    private final SearchQueryBuilder analysis;

    TopicText(SearchQueryBuilder analysis) {
        this.analysis = analysis;
    }

    /** The topic of {@code user} in canonical form; its canonical text when no word would be left. */
    String of(UserQuery user) {
        List<String> words = new ArrayList<>(user.terms().size());
        for (String term : user.terms()) {
            if (!ASKING_VERBS.contains(term.toLowerCase(Locale.ROOT)) && !analysis.analyse(term).terms().isEmpty()) {
                words.add(term);
            }
        }
        if (words.size() == user.terms().size()) {
            return user.canonical();
        }
        UserQuery meaningful = new UserQuery(user.raw(), words, user.phrases(), user.exclusions(), user.recency());
        return meaningful.hasNoPositiveWords() ? user.canonical() : meaningful.canonical();
    }
}
