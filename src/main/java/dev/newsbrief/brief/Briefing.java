package dev.newsbrief.brief;

import java.util.List;

/**
 * A short, cited answer to one query, before rendering.
 *
 * @param kind           what sort of reply this is
 * @param query          the query as understood, in readable form: its meaningful words, phrases and
 *                       exclusions ({@code coffee prices} for "what happened to coffee prices?")
 * @param lead           the one sentence that best answers the question, or null (pages, lists, misses)
 * @param leadCitation   the citation number the lead comes from, or 0
 * @param items          supporting points, each from a distinct article, in rank order
 * @param correctedQuery the spelling-corrected query that was searched instead, or null
 * @param suggestions    "did you mean" words from the index's own vocabulary, on a miss
 * @param subscribeTopic topic the reader may subscribe to (the chat layer renders the button), or null
 * @param timeLabel      the time words that restricted the search ("today"), or empty
 * @param cursor         opaque token for "More" (see {@link BriefingService#more}), or null when exhausted
 * @param asked          the user's text as typed (sanitised), which {@code query} was read from
 * @param languages      the languages the question was searched in and their weights, likeliest first
 *                       (empty when nothing was searched)
 */
public record Briefing(Kind kind, String query, MarkedText lead, int leadCitation, List<BriefItem> items,
        String correctedQuery, List<String> suggestions, String subscribeTopic, String timeLabel, String cursor,
        String asked, java.util.Map<String, Float> languages) {

    /** The sorts of reply a query can get. */
    public enum Kind {
        /** A lead and supporting items. */
        ANSWER,
        /** Further items for a query already answered ("More"). */
        MORE,
        /** The newest articles, optionally on a topic. */
        LATEST,
        /** Nothing matched; see suggestions and subscribeTopic. */
        NO_RESULTS,
        /** The text had no searchable words (empty, only stopwords, only emoji...). */
        EMPTY_QUERY,
        /** A "More" token that is malformed or has nothing left. */
        EXHAUSTED
    }

    public Briefing {
        items = List.copyOf(items);
        suggestions = List.copyOf(suggestions);
        timeLabel = timeLabel == null ? "" : timeLabel;
        query = query == null ? "" : query;
        asked = asked == null ? query : asked;
        languages = languages == null ? java.util.Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(languages));
    }

    /** A briefing that records no searched languages. */
    public Briefing(Kind kind, String query, MarkedText lead, int leadCitation, List<BriefItem> items,
            String correctedQuery, List<String> suggestions, String subscribeTopic, String timeLabel, String cursor,
            String asked) {
        this(kind, query, lead, leadCitation, items, correctedQuery, suggestions, subscribeTopic, timeLabel, cursor,
                asked, null);
    }

    /** A briefing whose text as typed is not known apart from its {@code query}. */
    public Briefing(Kind kind, String query, MarkedText lead, int leadCitation, List<BriefItem> items,
            String correctedQuery, List<String> suggestions, String subscribeTopic, String timeLabel, String cursor) {
        this(kind, query, lead, leadCitation, items, correctedQuery, suggestions, subscribeTopic, timeLabel, cursor,
                null);
    }

    public boolean hasMore() {
        return cursor != null;
    }

    /** Every article cited, in citation order. */
    public List<Citation> citations() {
        return items.stream().map(BriefItem::citation).toList();
    }
}
