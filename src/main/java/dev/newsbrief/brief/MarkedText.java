package dev.newsbrief.brief;

import java.util.List;

/**
 * Plain text with ranges to emphasise (the query's words), kept apart from any markup so each
 * formatter escapes the text its own way.
 *
 * @param text  the plain text
 * @param marks sorted, non-overlapping ranges of {@code text} to show in bold
 */
public record MarkedText(String text, List<Span> marks) {
    /** A half-open range {@code [start, end)} of the text. */
    public record Span(int start, int end) {
        public Span {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("bad span " + start + ".." + end);
            }
        }
    }

    public MarkedText {
        text = text == null ? "" : text;
        marks = List.copyOf(marks);
        int last = 0;
        for (Span s : marks) {
            if (s.start() < last || s.end() > text.length()) {
                throw new IllegalArgumentException("marks must be sorted, disjoint and inside the text");
            }
            last = s.end();
        }
    }

    public static MarkedText plain(String text) {
        return new MarkedText(text, List.of());
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }
}
