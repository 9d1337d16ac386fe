package dev.newsbrief.alerts;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a chat's due deliveries into one {@link AlertMessage}: grouped by topic, newest first
 * within a topic, cut to fit {@link AlertHtml#MAX_CHARS} with "+N more" and a button for the rest.
 */
final class AlertComposer {
    private static final int MAX_LABEL_TOPIC = 40;
    private static final int MAX_UNSUBSCRIBE_BUTTONS = 8;

    private AlertComposer() {
    }

    /**
     * @param rows    the chat's due deliveries (at least one), all for subscribed topics
     * @param digest  whether this is the daily digest (else an instant alert or bundle)
     * @param batchAt the time the rows will be marked sent, which identifies the batch for "+N more"
     */
    static AlertMessage compose(long chatId, List<DueDelivery> rows, boolean digest, ZoneId zone, Instant batchAt) {
        AlertMessage.Kind kind = digest ? AlertMessage.Kind.DIGEST
                : rows.size() == 1 ? AlertMessage.Kind.ALERT : AlertMessage.Kind.BUNDLE;
        Map<String, List<DueDelivery>> byTopic = new LinkedHashMap<>();
        for (DueDelivery d : rows) {
            byTopic.computeIfAbsent(d.topicKey(), k -> new ArrayList<>()).add(d);
        }
        byTopic.values().forEach(list -> list.sort((a, b) -> compareNewestFirst(a.published(), b.published())));
        // Round-robin over topics, so a cut for length leaves every topic its newest articles.
        List<DueDelivery> ordered = new ArrayList<>(rows.size());
        for (int depth = 0; ordered.size() < rows.size(); depth++) {
            for (List<DueDelivery> list : byTopic.values()) {
                if (depth < list.size()) {
                    ordered.add(list.get(depth));
                }
            }
        }

        AlertMessage best = null;
        for (int included = ordered.size(); included >= 1; included--) {
            AlertMessage m = build(chatId, kind, ordered.subList(0, included), ordered.size() - included, zone, batchAt);
            if (AlertHtml.render(m).length() <= AlertHtml.MAX_CHARS) {
                best = m;
                break;
            }
        }
        if (best == null) {
            // Even one item is too long only with an absurd headline: shorten its brief to nothing.
            DueDelivery first = ordered.get(0);
            AlertItem item = first.item();
            AlertItem bare = new AlertItem(item.articleId(), PassagePicker.shorten(item.headline()), "", item.source(),
                    item.published(), item.url());
            best = build(chatId, kind, List.of(new DueDelivery(first.id(), chatId, first.topicKey(), first.topicDisplay(),
                    first.attempts(), bare)), ordered.size() - 1, zone, batchAt);
        }
        return best;
    }

    private static AlertMessage build(long chatId, AlertMessage.Kind kind, List<DueDelivery> included, int more,
            ZoneId zone, Instant batchAt) {
        Map<String, List<AlertItem>> items = new LinkedHashMap<>();
        Map<String, String> displays = new LinkedHashMap<>();
        List<DueDelivery> grouped = new ArrayList<>(included);
        List<String> topicOrder = included.stream().map(DueDelivery::topicKey).distinct().toList();
        grouped.sort(java.util.Comparator.comparingInt(d -> topicOrder.indexOf(d.topicKey())));
        for (DueDelivery d : grouped) {
            items.computeIfAbsent(d.topicKey(), k -> new ArrayList<>()).add(d.item());
            displays.putIfAbsent(d.topicKey(), d.topicDisplay());
        }
        List<AlertSection> sections = new ArrayList<>();
        List<AlertButton> buttons = new ArrayList<>();
        items.forEach((key, list) -> {
            sections.add(new AlertSection(key, displays.get(key), list));
            if (buttons.size() < MAX_UNSUBSCRIBE_BUTTONS) {
                buttons.add(new AlertButton("Unsubscribe from ‘" + label(displays.get(key)) + "’",
                        AlertButton.Action.UNSUBSCRIBE, key));
            }
        });
        if (more > 0) {
            buttons.add(new AlertButton("+" + more + " more", AlertButton.Action.MORE,
                    Long.toString(batchAt.toEpochMilli())));
        }
        return new AlertMessage(chatId, kind, sections, more, buttons, zone);
    }

    private static String label(String topic) {
        return topic.length() <= MAX_LABEL_TOPIC ? topic : topic.substring(0, MAX_LABEL_TOPIC - 1).strip() + "…";
    }

    private static int compareNewestFirst(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        return b.compareTo(a);
    }
}
