package dev.newsbrief.ingest.html;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes the chosen article out as paragraphs separated by blank lines: its blocks in document
 * order, without removed elements, the page's h1 (the title is kept apart), short lines that are
 * nearly all link (a "Read more" under a paragraph), and headings left with nothing under them.
 */
final class TextAssembler {
    private static final Pattern DATE_OR_TIME = Pattern.compile(
            "\\b\\d{1,2}\\.\\s?\\d{1,2}\\.\\s?(?:\\d{4}|\\d{2})\\b|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b"
                    + "|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}:\\d{2}\\b");
    /** How many blocks before the article the headline may be for the text between to be a lead. */
    private static final int LEAD_WINDOW = 12;
    private static final int LEAD_CHARS = 50;
    /** A heading this long reads as text, and stays even with nothing under it. */
    private static final int SHORT_HEADING = 60;

    private TextAssembler() {
    }

    /** The paragraphs of {@code parts}, in order, after the lead between the headline and the article. */
    static List<TextBlock> blocks(DomIndex index, List<Integer> parts, boolean[] removed) {
        List<TextBlock> out = new ArrayList<>(lead(index, parts.get(0), removed));
        for (int part : parts) {
            if (removed[part]) {
                continue;
            }
            for (TextBlock b : index.blocksOf(part)) {
                if (removed[b.owner()] || b.level() == 1 || isLinkLine(b) || isDateLine(b)) {
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

    /**
     * The standfirst: prose between the page's headline (its h1) and the start of the chosen article,
     * when the two are close. Sites put it in the article's header, outside the body the scorer finds.
     */
    private static List<TextBlock> lead(DomIndex index, int first, boolean[] removed) {
        int start = index.blockStart[first];
        int h1 = -1;
        for (int i = start - 1; i >= Math.max(0, start - LEAD_WINDOW); i--) {
            if (index.blocks.get(i).level() == 1) {
                h1 = i;
                break;
            }
        }
        List<TextBlock> lead = new ArrayList<>();
        for (int i = h1 + 1; h1 >= 0 && i < start; i++) {
            TextBlock b = index.blocks.get(i);
            if (!removed[b.owner()] && TextStats.isProse(b) && b.chars() >= LEAD_CHARS && b.linkDensity() < 0.3
                    && !isDateLine(b)) {
                lead.add(b);
            }
        }
        return lead;
    }

    /**
     * A line that is a date or a time and little else ("14.01.2020, 13:47", "Updated: 05:28"):
     * a dateline or timestamp, never the article's text.
     */
    static boolean isDateLine(TextBlock b) {
        if (b.chars() > 60 || b.kind() == TextBlock.Kind.CELL || !DATE_OR_TIME.matcher(b.text()).find()) {
            return false;
        }
        int letters = 0;
        for (int i = 0; i < b.text().length(); i++) {
            if (Character.isLetter(b.text().charAt(i))) {
                letters++;
            }
        }
        return letters <= 20;
    }

    /** A short block that is mostly link text. */
    private static boolean isLinkLine(TextBlock b) {
        return b.linkChars() > 0 && b.chars() < 100 && b.linkDensity() > 0.8;
    }
}
