package dev.newsbrief.brief;

import java.util.Objects;

/**
 * One supporting point of a briefing: 1–2 sentences from one article, with its citation and the
 * other outlets that reported the same story. The text may be empty for the lead's own article
 * when the lead already said everything relevant.
 */
public record BriefItem(Citation citation, MarkedText text, AlsoReported alsoReported) {
    public BriefItem {
        Objects.requireNonNull(alsoReported, "alsoReported");
    }

    /** An item whose story no other outlet reported (or whose story is not known). */
    public BriefItem(Citation citation, MarkedText text) {
        this(citation, text, AlsoReported.NONE);
    }
}
