package dev.newsbrief.chat;

import dev.newsbrief.brief.BriefItem;
import dev.newsbrief.brief.Briefing;
import dev.newsbrief.brief.BriefingService;
import dev.newsbrief.brief.Citation;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The {@link NewsDesk} backed by the briefing service; dates are shown in {@code zone}. */
public final class BriefingNewsDesk implements NewsDesk {
    private static final int LATEST_COUNT = 5;

    private final BriefingService service;
    private final ZoneId zone;
    private final Function<String, Optional<String>> indexBehind;

    public BriefingNewsDesk(BriefingService service, ZoneId zone) {
        this(service, zone, language -> Optional.empty());
    }

    /**
     * @param indexBehind a notice in the reader's language (null for English) while the index is
     *                    behind the store ("The index is rebuilding: N of M articles ..."); every reply
     *                    then carries it, so a miss is never a silent "nothing found"
     */
    public BriefingNewsDesk(BriefingService service, ZoneId zone, Function<String, Optional<String>> indexBehind) {
        this.service = service;
        this.zone = zone;
        this.indexBehind = indexBehind;
    }

    @Override
    public BriefingView ask(String question) {
        return view(service.ask(question));
    }

    @Override
    public Optional<BriefingView> more(String cursor) {
        Briefing b = service.more(cursor);
        return b.kind() == Briefing.Kind.EXHAUSTED || b.items().isEmpty() ? Optional.empty() : Optional.of(view(b));
    }

    @Override
    public BriefingView latest(String topic) {
        return view(service.latest(topic, LATEST_COUNT));
    }

    @Override
    public BriefingView ask(String question, String language) {
        return view(service.ask(question, language), language);
    }

    @Override
    public Optional<BriefingView> more(String cursor, String language) {
        Briefing b = service.more(cursor, language);
        return b.kind() == Briefing.Kind.EXHAUSTED || b.items().isEmpty() ? Optional.empty()
                : Optional.of(view(b, language));
    }

    @Override
    public List<InlineAnswer> inline(String query, int limit) {
        List<InlineAnswer> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Briefing page = service.ask(query);
        while (out.size() < limit) {
            for (BriefItem item : page.items()) {
                if (out.size() < limit && seen.add(item.citation().articleId())) {
                    Briefing single = new Briefing(Briefing.Kind.MORE, page.query(), null, 0,
                            List.of(new BriefItem(renumbered(item.citation()), item.text(), item.alsoReported())), null,
                            List.of(), null,
                            page.timeLabel(), null);
                    out.add(new InlineAnswer(String.valueOf(out.size() + 1), item.citation().title(),
                            teaser(item.text().text()), view(single)));
                }
            }
            if (!page.hasMore() || page.items().isEmpty()) {
                break;
            }
            page = service.more(page.cursor());
        }
        return out;
    }

    private static Citation renumbered(Citation c) {
        return new Citation(1, c.articleId(), c.title(), c.source(), c.published(), c.url(), c.language());
    }

    private static String teaser(String text) {
        return text.length() <= 120 ? text : text.substring(0, 119) + "…";
    }

    private BriefingView view(Briefing b) {
        return new BriefingView(b, zone, indexBehind.apply("en").orElse(null));
    }

    private BriefingView view(Briefing b, String language) {
        return new BriefingView(b, zone, indexBehind.apply(language == null ? "en" : language).orElse(null), language);
    }
}
