package dev.newsbrief.chat;

import dev.newsbrief.brief.BriefItem;
import dev.newsbrief.brief.Briefing;
import dev.newsbrief.brief.Citation;
import dev.newsbrief.brief.MarkedText;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A small {@link NewsDesk} over a list of articles for tests of the chat and its front ends:
 * an article matches when its title or text contains a query word; two items per page.
 */
public final class ListNewsDesk implements NewsDesk {
    /** A test article. */
    public record Item(String id, String title, String text, String url) {}

    private static final int PAGE = 2;
    private final List<Item> items;

    public ListNewsDesk(List<Item> items) {
        this.items = List.copyOf(items);
    }

    @Override
    public BriefingView ask(String question) {
        return page(question, 0);
    }

    @Override
    public Optional<BriefingView> more(String cursor) {
        int bar = cursor.indexOf('|');
        if (bar < 0) {
            return Optional.empty();
        }
        int from = Integer.parseInt(cursor.substring(0, bar));
        BriefingView view = page(cursor.substring(bar + 1), from);
        return view.isEmpty() ? Optional.empty() : Optional.of(view);
    }

    @Override
    public BriefingView latest(String topic) {
        return topic.isBlank() ? view("latest", items.subList(0, Math.min(PAGE, items.size())), null) : page(topic, 0);
    }

    @Override
    public List<InlineAnswer> inline(String query, int limit) {
        return matches(query).stream().limit(limit)
                .map(i -> new InlineAnswer(i.id(), i.title(), i.text(), view(query, List.of(i), null)))
                .toList();
    }

    private BriefingView page(String query, int from) {
        List<Item> found = matches(query);
        List<Item> page = found.subList(Math.min(from, found.size()), Math.min(from + PAGE, found.size()));
        String cursor = from + PAGE < found.size() ? (from + PAGE) + "|" + query : null;
        return view(query, page, cursor);
    }

    private List<Item> matches(String query) {
        List<String> words = new ArrayList<>();
        for (String w : query.toLowerCase(Locale.ROOT).split("\\W+")) {
            if (w.length() > 2) {
                words.add(w);
            }
        }
        return items.stream()
                .filter(i -> words.stream().anyMatch(w -> (i.title() + " " + i.text()).toLowerCase(Locale.ROOT).contains(w)))
                .toList();
    }

    private static BriefingView view(String query, List<Item> page, String cursor) {
        List<BriefItem> items = new ArrayList<>();
        for (Item i : page) {
            items.add(new BriefItem(new Citation(items.size() + 1, i.id(), i.title(), null, null, i.url()),
                    MarkedText.plain(i.text())));
        }
        Briefing.Kind kind = page.isEmpty() ? Briefing.Kind.NO_RESULTS : Briefing.Kind.ANSWER;
        return new BriefingView(new Briefing(kind, query, null, 0, items, null, List.of(), null, "", cursor),
                ZoneOffset.UTC);
    }
}
