package dev.newsbrief.ingest.html;

/**
 * A run of inline text between block boundaries: a paragraph, a heading, a list item, a table
 * cell, or text separated from its neighbours by a run of {@code <br>}.
 *
 * @param owner      the id of the nearest block-level element holding the text
 * @param paragraph  true when the owner is itself the paragraph (it has no block children before
 *                   the text), false for loose text beside block children, which is a paragraph
 *                   of its own inside the owner
 * @param kind       what the text is, by its owner's tag
 * @param level      heading level 1..6, else 0
 * @param text       the text, whitespace collapsed as a browser renders it; {@code \n} for one {@code <br>}
 * @param linkChars  characters of the text inside links
 * @param commas     commas (of several scripts) in the text, a cue for prose
 */
record TextBlock(int owner, boolean paragraph, Kind kind, int level, String text, int linkChars, int commas) {
    /** What a block is. */
    enum Kind {
        PARAGRAPH, HEADING, LIST_ITEM, CELL, PREFORMATTED, QUOTE
    }

    int chars() {
        return text.length();
    }

    double linkDensity() {
        return text.isEmpty() ? 0 : (double) linkChars / text.length();
    }

    /** Whether the text ends like a sentence (any script's full stop, question or exclamation mark). */
    boolean endsSentence() {
        String t = text.stripTrailing();
        if (t.isEmpty()) {
            return false;
        }
        char last = t.charAt(t.length() - 1);
        if (last == '"' || last == '”' || last == '»' || last == ')' || last == '’' || last == '\'') {
            t = t.substring(0, t.length() - 1).stripTrailing();
            if (t.isEmpty()) {
                return false;
            }
            last = t.charAt(t.length() - 1);
        }
        return ".!?。！？؟।…".indexOf(last) >= 0;
    }
}
