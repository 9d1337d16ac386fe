package dev.newsbrief.ingest;

/** What parsing one input item (a file, or one line of a .jsonl file) gave. */
public sealed interface ParseOutcome {

    /** Where the item came from, e.g. {@code news/a.html} or {@code feed.jsonl:12}. */
    String origin();

    /** An article was found. */
    record Parsed(String origin, ParsedArticle article) implements ParseOutcome {
    }

    /** The item holds no usable article; {@code reason} says why in words a person understands. */
    record Rejected(String origin, String reason) implements ParseOutcome {
    }
}
