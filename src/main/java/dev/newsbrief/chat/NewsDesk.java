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

    /** Up to {@code limit} single-article results for inline mode. */
    List<InlineAnswer> inline(String query, int limit);
}
