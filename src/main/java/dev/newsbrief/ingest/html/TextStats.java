package dev.newsbrief.ingest.html;

/**
 * Text totals of every element's subtree, leaving out removed elements: characters, characters
 * inside links, commas, and "prose" (characters of paragraphs long enough to be sentences). One
 * bottom-up pass over the ids, so linear whatever the nesting.
 */
final class TextStats {
    /** Shorter blocks are not scored as paragraphs (Readability's threshold). */
    static final int MIN_PARAGRAPH = 25;

    final int[] chars;
    final int[] linkChars;
    final int[] commas;
    final int[] prose;
    /** Number of paragraph blocks (not headings, list items or cells). */
    final int[] paragraphs;
    /** Images, embedded frames and players, and headings inside. */
    final int[] images;
    final int[] embeds;
    final int[] headings;

    TextStats(DomIndex index, boolean[] removed) {
        int n = index.size();
        chars = new int[n];
        linkChars = new int[n];
        commas = new int[n];
        prose = new int[n];
        paragraphs = new int[n];
        images = new int[n];
        embeds = new int[n];
        headings = new int[n];
        for (int i = 0; i < n; i++) {
            String tag = index.tags[i];
            if (tag.equals("img")) {
                images[i] = 1;
            } else if (Tags.OPAQUE.contains(tag) && !tag.equals("input") && !tag.equals("picture")) {
                embeds[i] = 1;
            } else if (Tags.headingLevel(tag) > 0) {
                headings[i] = 1;
            }
        }
        for (TextBlock b : index.blocks) {
            int o = b.owner();
            if (removed[o]) {
                continue;
            }
            chars[o] += b.chars();
            linkChars[o] += b.linkChars();
            commas[o] += b.commas();
            if (isProse(b)) {
                prose[o] += b.chars();
            }
            if (b.kind() == TextBlock.Kind.PARAGRAPH || b.kind() == TextBlock.Kind.QUOTE) {
                paragraphs[o]++;
            }
        }
        for (int i = n - 1; i > 0; i--) {
            int p = index.parent[i];
            if (p < 0 || removed[i]) {
                continue;
            }
            chars[p] += chars[i];
            linkChars[p] += linkChars[i];
            commas[p] += commas[i];
            prose[p] += prose[i];
            paragraphs[p] += paragraphs[i];
            images[p] += images[i];
            embeds[p] += embeds[i];
            headings[p] += headings[i];
        }
    }

    /** Text a reader reads as sentences: long enough, and mostly not links. */
    static boolean isProse(TextBlock b) {
        return b.chars() >= MIN_PARAGRAPH && b.kind() != TextBlock.Kind.HEADING && b.linkDensity() < 0.5;
    }

    double linkDensity(int id) {
        return chars[id] == 0 ? 0 : (double) linkChars[id] / chars[id];
    }
}
