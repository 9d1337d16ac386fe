package dev.newsbrief.alerts;

import dev.newsbrief.lang.Messages;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Turns a chat's due deliveries into one {@link AlertMessage}: grouped by topic, newest first
 * within a topic, cut where the front end says it no longer fits (Telegram: 4096 characters of
 * HTML) with "+N more" and a button for the rest.
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
     * @param fits    whether a message fits in one message of the front end (see {@link AlertSink#fits})
     */
    static AlertMessage compose(long chatId, List<DueDelivery> rows, boolean digest, ZoneId zone, Instant batchAt,
            Predicate<AlertMessage> fits) {
        return compose(chatId, rows, digest, zone, null, batchAt, fits);
    }

    /** Like {@link #compose(long, List, boolean, ZoneId, Instant, Predicate)} in the chat's {@code language}. */
    static AlertMessage compose(long chatId, List<DueDelivery> rows, boolean digest, ZoneId zone, String language,
            Instant batchAt, Predicate<AlertMessage> fits) {
        AlertMessage.Kind kind = digest ? AlertMessage.Kind.DIGEST
                : rows.size() == 1 ? AlertMessage.Kind.ALERT : AlertMessage.Kind.BUNDLE;
        return page(chatId, kind, order(rows), 0, zone, language, batchAt, fits).orElseThrow();
    }

    /**
     * The order in which a batch's rows are shown, and cut for length: round-robin over topics
     * (in the order they first appear in {@code rows}), newest first within a topic, so a cut
     * leaves every topic its newest articles. The same rows in the same order (by row id) always
     * give the same order, which is what lets "+N more" continue where a message stopped.
     */
    static List<DueDelivery> order(List<DueDelivery> rows) {
        Map<String, List<DueDelivery>> byTopic = new LinkedHashMap<>();
        for (DueDelivery d : rows) {
            byTopic.computeIfAbsent(d.topicKey(), k -> new ArrayList<>()).add(d);
        }
        byTopic.values().forEach(list -> list.sort((a, b) -> compareNewestFirst(a.published(), b.published())));
        List<DueDelivery> ordered = new ArrayList<>(rows.size());
        for (int depth = 0; ordered.size() < rows.size(); depth++) {
            for (List<DueDelivery> list : byTopic.values()) {
                if (depth < list.size()) {
                    ordered.add(list.get(depth));
                }
            }
        }
        return ordered;
    }

    /**
     * The message showing {@code ordered} from position {@code skip} on, as many as {@code fits}
     * allows, with a "+N more" button continuing after them. Rows whose topic
     * the chat no longer follows ({@code topicDisplay} null) are passed over but keep their place,
     * so positions stay those of the whole batch. Empty when nothing from {@code skip} on is left.
     */
    static Optional<AlertMessage> page(long chatId, AlertMessage.Kind kind, List<DueDelivery> ordered, int skip,
            ZoneId zone, Instant batchAt, Predicate<AlertMessage> fits) {
        return page(chatId, kind, ordered, skip, zone, null, batchAt, fits);
    }

    /** Like {@link #page(long, AlertMessage.Kind, List, int, ZoneId, Instant, Predicate)} in {@code language}. */
    static Optional<AlertMessage> page(long chatId, AlertMessage.Kind kind, List<DueDelivery> ordered, int skip,
            ZoneId zone, String language, Instant batchAt, Predicate<AlertMessage> fits) {
        List<Integer> positions = new ArrayList<>();
        for (int i = Math.max(0, skip); i < ordered.size(); i++) {
            if (ordered.get(i).topicDisplay() != null) {
                positions.add(i);
            }
        }
        if (positions.isEmpty()) {
            return Optional.empty();
        }
        // The longest prefix that fits, found by doubling then bisecting, so a batch of thousands
        // of rows costs a few measures no longer than about twice the limit instead of one per
        // row count. Bisecting is exact because a front end's measure grows with every item added
        // (in Telegram HTML an item takes at least "\n• " and " — <i></i>", 13 chars, while the
        // "+N more" line it shortens loses at most 9, "\n\n+1 more").
        if (fitting(chatId, kind, ordered, positions, 1, zone, language, batchAt, fits) != null) {
            int fitCount = 1;
            int tooLong = positions.size() + 1;
            for (int probe = 2; probe <= positions.size(); probe *= 2) {
                if (fitting(chatId, kind, ordered, positions, probe, zone, language, batchAt, fits) == null) {
                    tooLong = probe;
                    break;
                }
                fitCount = probe;
            }
            while (tooLong - fitCount > 1) {
                int mid = (fitCount + tooLong) >>> 1;
                if (fitting(chatId, kind, ordered, positions, mid, zone, language, batchAt, fits) != null) {
                    fitCount = mid;
                } else {
                    tooLong = mid;
                }
            }
            return Optional.of(fitting(chatId, kind, ordered, positions, fitCount, zone, language, batchAt, fits));
        }
        // Even one item is too long only with an absurd headline: shorten its brief to nothing.
        DueDelivery first = ordered.get(positions.get(0));
        AlertItem item = first.item();
        AlertItem bare = new AlertItem(item.articleId(), PassagePicker.shorten(item.headline()), "", item.source(),
                item.published(), item.url());
        return Optional.of(build(chatId, kind, List.of(new DueDelivery(first.id(), chatId, first.topicKey(),
                first.topicDisplay(), first.attempts(), bare)), positions.size() - 1, zone, language, batchAt,
                positions.get(0) + 1));
    }

    /** The message showing the first {@code included} of {@code positions}, or null when it is too long. */
    private static AlertMessage fitting(long chatId, AlertMessage.Kind kind, List<DueDelivery> ordered,
            List<Integer> positions, int included, ZoneId zone, String language, Instant batchAt,
            Predicate<AlertMessage> fits) {
        AlertMessage m = prefix(chatId, kind, ordered, positions, included, zone, language, batchAt);
        return fits.test(m) ? m : null;
    }

    /**
     * The message showing the rows of {@code ordered} at the first {@code included} of
     * {@code positions}, whatever its length, with "+N more" for the rest of {@code positions}.
     */
    static AlertMessage prefix(long chatId, AlertMessage.Kind kind, List<DueDelivery> ordered,
            List<Integer> positions, int included, ZoneId zone, Instant batchAt) {
        return prefix(chatId, kind, ordered, positions, included, zone, null, batchAt);
    }

    static AlertMessage prefix(long chatId, AlertMessage.Kind kind, List<DueDelivery> ordered,
            List<Integer> positions, int included, ZoneId zone, String language, Instant batchAt) {
        List<DueDelivery> shown = positions.subList(0, included).stream().map(ordered::get).toList();
        int next = positions.get(included - 1) + 1;
        return build(chatId, kind, shown, positions.size() - included, zone, language, batchAt, next);
    }

    private static AlertMessage build(long chatId, AlertMessage.Kind kind, List<DueDelivery> included, int more,
            ZoneId zone, String language, Instant batchAt, int next) {
        Map<String, List<AlertItem>> items = new LinkedHashMap<>();
        Map<String, String> displays = new LinkedHashMap<>();
        for (DueDelivery d : included) {
            items.computeIfAbsent(d.topicKey(), k -> new ArrayList<>()).add(d.item());
            displays.putIfAbsent(d.topicKey(), d.topicDisplay());
        }
        Messages m = Messages.of(language);
        List<AlertSection> sections = new ArrayList<>();
        List<AlertButton> buttons = new ArrayList<>();
        items.forEach((key, list) -> {
            sections.add(new AlertSection(key, displays.get(key), list));
            if (buttons.size() < MAX_UNSUBSCRIBE_BUTTONS) {
                buttons.add(new AlertButton(m.get("button.unsubscribe", label(displays.get(key))),
                        AlertButton.Action.UNSUBSCRIBE, key));
            }
        });
        if (more > 0) {
            buttons.add(new AlertButton(m.get("button.alert-more", more), AlertButton.Action.MORE,
                    MorePage.argument(batchAt, next, included.get(0).id())));
        }
        return new AlertMessage(chatId, kind, sections, more, buttons, zone, language);
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
