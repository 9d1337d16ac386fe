package dev.newsbrief.brief;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * "Also reported by Source A, Source B (+3)": the other outlets that reported an item's story,
 * each with a link to its report, earliest first. Structured, so each front end renders it its
 * own way (Telegram links, a plain list, JSON).
 *
 * @param sources every other outlet with its report's link (null when the report has none)
 */
public record AlsoReported(List<Source> sources) {
    public static final AlsoReported NONE = new AlsoReported(List.of());

    /** How many outlets a text rendering names before "(+N)". */
    public static final int NAMED = 2;

    /** An outlet and the link to its report. */
    public record Source(String name, String url) {
    }

    public AlsoReported {
        sources = List.copyOf(sources);
    }

    public boolean isEmpty() {
        return sources.isEmpty();
    }

    /** The outlets named in a text rendering. */
    public List<Source> named() {
        return sources.subList(0, Math.min(NAMED, sources.size()));
    }

    /** How many outlets a text rendering leaves to "(+N)". */
    public int more() {
        return Math.max(0, sources.size() - NAMED);
    }

    /**
     * The other outlets among {@code others} (reports of the story besides the cited one), one
     * entry per outlet with its earliest report, leaving out {@code ownOutlet}; reports without an
     * outlet are left out.
     */
    static AlsoReported of(List<Coverage.Report> others, String ownOutlet) {
        Map<String, Source> byOutlet = new LinkedHashMap<>();
        String own = ownOutlet == null ? "" : ownOutlet.strip().toLowerCase(Locale.ROOT);
        List<Coverage.Report> ordered = new ArrayList<>(others);
        ordered.sort(java.util.Comparator.comparing(Coverage.Report::published,
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
        for (Coverage.Report r : ordered) {
            if (r.outlet() == null || r.outlet().isBlank()) {
                continue;
            }
            String key = r.outlet().strip().toLowerCase(Locale.ROOT);
            if (!key.equals(own)) {
                byOutlet.putIfAbsent(key, new Source(r.outlet().strip(), r.url()));
            }
        }
        return byOutlet.isEmpty() ? NONE : new AlsoReported(List.copyOf(byOutlet.values()));
    }
}
