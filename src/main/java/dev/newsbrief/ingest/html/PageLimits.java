package dev.newsbrief.ingest.html;

/**
 * How much page the extractor takes on, so that hostile HTML costs bounded time and memory.
 *
 * @param maxChars  characters of HTML
 * @param maxTags   start tags in the source (an upper bound on the elements jsoup builds)
 * @param maxDepth  levels of nested elements; browsers stop nesting at 512 as well
 */
public record PageLimits(int maxChars, int maxTags, int maxDepth) {
    /** 16 M characters, 250,000 tags, 512 levels: far beyond real pages, whose largest here are 1.6 MB, 12,000 elements and 42 levels. */
    public static final PageLimits DEFAULTS = new PageLimits(16 << 20, 250_000, 512);

    public PageLimits {
        if (maxChars <= 0 || maxTags <= 0 || maxDepth <= 0) {
            throw new IllegalArgumentException("page limits must be positive");
        }
    }
}
