package dev.newsbrief.ingest.html;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the chosen article out as paragraphs separated by blank lines: its blocks in document
 * order, without removed elements, the page's h1 (the title is kept apart), short lines that are
 * nearly all link (a "Read more" under a paragraph), and headings left with nothing under them.
 */
final class TextAssembler {
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
        while (!out.isEmpty() && out.get(out.size() - 1).kind() == TextBlock.Kind.HEADING) {
            out.remove(out.size() - 1);
        }
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
