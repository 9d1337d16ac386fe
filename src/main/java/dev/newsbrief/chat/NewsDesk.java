package dev.newsbrief.chat;

import java.util.List;
import java.util.Optional;

/** The news the chat needs: answers to questions, the next page, the newest articles. */
public interface NewsDesk {
    /** A briefing answering {@code question}; never throws on odd input, says "nothing found" instead. */
    BriefingView ask(String question);

    /** The next items for an earlier briefing's cursor, or empty when the cursor is unknown or exhausted. */
    Optional<BriefingView> more(String cursor);

    /** The newest articles, on {@code topic} when it is not blank. */
    BriefingView latest(String topic);

    /**
     * Like {@link #ask(String)} for a chat answered in {@code language}: the question's likely
     * languages are searched with it as a prior, and the briefing is rendered in it.
     */
    default BriefingView ask(String question, String language) {
        return ask(question).inLanguage(language);
    }

    /** Like {@link #more(String)} for a chat answered in {@code language}. */
    default Optional<BriefingView> more(String cursor, String language) {
        return more(cursor).map(v -> v.inLanguage(language));
    }

    /** Like {@link #latest(String)} for a chat answered in {@code language}. */
    default BriefingView latest(String topic, String language) {
        return latest(topic).inLanguage(language);
    }

    /** Up to {@code limit} single-article results for inline mode. */
    List<InlineAnswer> inline(String query, int limit);
}
