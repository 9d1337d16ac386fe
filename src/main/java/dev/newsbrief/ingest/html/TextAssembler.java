package dev.newsbrief.ingest.html;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the chosen article out as paragraphs separated by blank lines: its blocks in document
 * order, without removed elements, the page's h1 (the title is kept apart), short lines that are
 * nearly all link (a "Read more" under a paragraph), and headings left with nothing under them.
 */
final class TextAssembler {
    /** A heading this long reads as text, and stays even with nothing under it. */
    private static final int SHORT_HEADING = 60;

    private TextAssembler() {
    }

    /** The paragraphs of {@code parts}, in order. */
    static List<TextBlock> blocks(DomIndex index, List<Integer> parts, boolean[] removed) {
        List<TextBlock> out = new ArrayList<>();
        for (int part : parts) {
            if (removed[part]) {
                continue;
            }
            for (TextBlock b : index.blocksOf(part)) {
                if (removed[b.owner()] || b.level() == 1 || isLinkLine(b)) {
                    continue;
                }
                out.add(b);
            }
        }
        return withoutEmptySections(out);
    }

    /**
     * Drops short headings whose section is empty: followed by the end, or by a heading of the same
     * or a higher rank (what was under them was chrome and is gone).
     */
    private static List<TextBlock> withoutEmptySections(List<TextBlock> blocks) {
        List<TextBlock> out = new ArrayList<>(blocks.size());
        int nextLevel = 0; // the end: a heading there has nothing under it
        for (int i = blocks.size() - 1; i >= 0; i--) {
            TextBlock b = blocks.get(i);
            if (b.kind() == TextBlock.Kind.HEADING) {
                if (b.chars() < SHORT_HEADING && nextLevel <= b.level()) {
                    continue;
                }
                nextLevel = b.level();
            } else {
                nextLevel = 7; // text: the heading above has a section
            }
            out.add(b);
        }
        java.util.Collections.reverse(out);
        return out;
    }

    static String text(List<TextBlock> blocks) {
        StringBuilder sb = new StringBuilder();
        for (TextBlock b : blocks) {
            if (!sb.isEmpty()) {
                sb.append("\n\n");
            }
            sb.append(b.text());
        }
        return sb.toString();
    }

    /** A short block that is mostly link text. */
    private static boolean isLinkLine(TextBlock b) {
        return b.linkChars() > 0 && b.chars() < 100 && b.linkDensity() > 0.8;
    }
}
