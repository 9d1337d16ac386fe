package dev.newsbrief.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.telegram.AlertHtml;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class AlertComposerTest {
    /** The front end whose message limit the cuts are checked against. */
    private static final Predicate<AlertMessage> TELEGRAM = AlertHtml::fits;
    private static final Instant AT = Instant.parse("2025-03-22T10:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private static DueDelivery row(long id, String topicKey, String display, String headline, String brief) {
        return new DueDelivery(id, 1, topicKey, display, 0, new AlertItem("a" + id, headline, brief, "Wire <&>",
                AT.minusSeconds(id), "https://news.example/a?x=1&y=" + id));
    }

    @Test
    void singleAlertShowsTopicHeadlineBriefSourceDateLinkAndUnsubscribeButton() {
        AlertMessage m = AlertComposer.compose(1, List.of(row(1, "ukrain", "Ukraine", "Talks <resume>",
                "Talks resumed in Geneva.")), false, ZONE, AT, TELEGRAM);
        assertThat(m.kind()).isEqualTo(AlertMessage.Kind.ALERT);
        assertThat(m.buttons()).containsExactly(new AlertButton("Unsubscribe from ‘Ukraine’",
                AlertButton.Action.UNSUBSCRIBE, "ukrain"));
        String html = AlertHtml.render(m);
        assertThat(html).contains("<b>Ukraine</b>", "Talks &lt;resume&gt;", "Talks resumed in Geneva.",
                "Wire &lt;&amp;&gt; · 22 Mar 2025", "href=\"https://news.example/a?x=1&amp;y=1\"");
    }

    @Test
    void digestGroupsByTopicAndOverflowsWithMoreButtonWithin4096Chars() {
        List<DueDelivery> rows = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            rows.add(row(i, i % 2 == 0 ? "oil" : "gold", i % 2 == 0 ? "Oil" : "Gold", "Headline number " + i,
                    "A brief sentence that is long enough to fill the message quickly, number " + i + ". ".repeat(3)));
        }
        AlertMessage m = AlertComposer.compose(1, rows, true, ZONE, AT, TELEGRAM);
        String html = AlertHtml.render(m);
        assertThat(html.length()).isLessThanOrEqualTo(4096);
        assertThat(m.kind()).isEqualTo(AlertMessage.Kind.DIGEST);
        assertThat(m.moreCount()).isPositive();
        assertThat(m.itemCount() + m.moreCount()).isEqualTo(60);
        assertThat(html).contains("Your daily digest", "+" + m.moreCount() + " more");
        assertThat(m.sections()).extracting(AlertSection::topic).containsExactly("Gold", "Oil");
        AlertButton more = m.buttons().get(m.buttons().size() - 1);
        assertThat(more.label()).isEqualTo("+" + m.moreCount() + " more");
        assertThat(more.action()).isEqualTo(AlertButton.Action.MORE);
        MorePage page = MorePage.parse(more.argument()).orElseThrow();
        assertThat(page.batch()).isEqualTo(AT);
        assertThat(page.skip()).isEqualTo(m.itemCount());
        // the anchor is a row the message shows
        assertThat(rows.stream().filter(r -> r.id() == page.anchor()).map(r -> r.item().articleId()))
                .singleElement().isIn(ids(m));
        // the cut keeps both topics, each with its newest articles
        assertThat(m.sections()).allSatisfy(s -> assertThat(s.items()).isNotEmpty());
        assertThat(m.sections().get(1).items().get(0).headline()).isEqualTo("Headline number 2");
    }

    @Test
    void aSingleHugeItemStillFits() {
        AlertMessage m = AlertComposer.compose(1, List.of(row(1, "x", "X", "H".repeat(5000), "b".repeat(5000))),
                false, ZONE, AT, TELEGRAM);
        assertThat(AlertHtml.render(m).length()).isLessThanOrEqualTo(4096);
    }

    @Test
    void theFrontEndSaysWhatFitsInOneOfItsMessages() {
        List<DueDelivery> rows = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            rows.add(row(i, "t" + i % 2, "Topic " + i % 2, "Headline " + i, "Brief " + i + "."));
        }
        // a front end whose messages hold three articles, another without a limit
        Predicate<AlertMessage> threeItems = m -> m.itemCount() <= 3;
        AlertMessage first = AlertComposer.compose(1, rows, true, ZONE, AT, threeItems);
        assertThat(first.itemCount()).isEqualTo(3);
        assertThat(first.moreCount()).isEqualTo(7);
        AlertMessage next = AlertComposer.page(1, AlertMessage.Kind.MORE, AlertComposer.order(rows), 3, ZONE, AT,
                threeItems).orElseThrow();
        assertThat(ids(next)).doesNotContainAnyElementsOf(ids(first)).hasSize(3);
        AlertMessage whole = AlertComposer.compose(1, rows, true, ZONE, AT, m -> true);
        assertThat(whole.itemCount()).isEqualTo(10);
        assertThat(whole.moreCount()).isZero();
        assertThat(whole.buttons()).extracting(AlertButton::action).containsOnly(AlertButton.Action.UNSUBSCRIBE);
    }

    @Test
    void morePagesContinueWhereTheLastStoppedUntilEveryArticleWasShownOnce() {
        List<DueDelivery> rows = new ArrayList<>();
        for (int i = 1; i <= 90; i++) {
            rows.add(row(i, "t" + i % 3, "Topic " + i % 3, "Headline number " + i,
                    "A brief sentence that is long enough to fill the message quickly, number " + i + ". ".repeat(3)));
        }
        AlertMessage m = AlertComposer.compose(1, rows, true, ZONE, AT, TELEGRAM);
        List<String> shown = new ArrayList<>(ids(m));
        List<DueDelivery> ordered = AlertComposer.order(rows);
        int pages = 1;
        while (m.moreCount() > 0) {
            AlertButton more = m.buttons().get(m.buttons().size() - 1);
            assertThat(more.action()).isEqualTo(AlertButton.Action.MORE);
            MorePage page = MorePage.parse(more.argument()).orElseThrow();
            assertThat(page.batch()).isEqualTo(AT);
            AlertMessage next = AlertComposer.page(1, AlertMessage.Kind.MORE, ordered, page.skip(), ZONE, AT, TELEGRAM).orElseThrow();
            assertThat(next.moreCount()).isEqualTo(m.moreCount() - next.itemCount());
            assertThat(AlertHtml.render(next)).hasSizeLessThanOrEqualTo(4096).contains("More on your topics");
            shown.addAll(ids(next));
            m = next;
            pages++;
        }
        assertThat(pages).isGreaterThan(2);
        assertThat(shown).doesNotHaveDuplicates().hasSize(90);
        assertThat(AlertComposer.page(1, AlertMessage.Kind.MORE, ordered, 90, ZONE, AT, TELEGRAM)).isEmpty();
    }

    @Test
    void aMorePagePassesOverTopicsUnsubscribedSinceWithoutShiftingPositions() {
        List<DueDelivery> rows = List.of(row(1, "gold", "Gold", "G1", "b"), row(2, "oil", null, "O1", "b"),
                row(3, "gold", "Gold", "G2", "b"));
        List<DueDelivery> ordered = AlertComposer.order(rows);
        AlertMessage page = AlertComposer.page(1, AlertMessage.Kind.MORE, ordered, 1, ZONE, AT, TELEGRAM).orElseThrow();
        assertThat(ids(page)).containsExactly("a3");
        assertThat(page.moreCount()).isZero();
        assertThat(MorePage.parse("junk")).isEmpty();
        assertThat(MorePage.parse("123:-1")).isEmpty();
        assertThat(MorePage.parse("123")).contains(new MorePage(Instant.ofEpochMilli(123), 0, 0));
        assertThat(MorePage.parse("123:4")).as("a button sent before anchors")
                .contains(new MorePage(Instant.ofEpochMilli(123), 4, 0));
        assertThat(MorePage.parse(MorePage.argument(Instant.ofEpochMilli(123), 4, 56)))
                .contains(new MorePage(Instant.ofEpochMilli(123), 4, 56));
        assertThat(MorePage.parse("123:4:-5")).isEmpty();
        assertThat(MorePage.parse("123:4:5:6")).isEmpty();
    }

    @Test
    void eachPageOfAHugeBatchIsTheLongestRunOfNextRowsThatFits() {
        java.util.Random random = new java.util.Random(7);
        List<DueDelivery> rows = new ArrayList<>();
        for (int i = 1; i <= 3000; i++) {
            int topic = random.nextInt(9);
            // topic 0 was unsubscribed since: its rows keep their place but are never shown
            rows.add(row(i, "t" + topic, topic == 0 ? null : "Topic " + topic, "Headline " + i + " "
                    + "h".repeat(random.nextInt(120)), "b".repeat(random.nextInt(4) == 0 ? 0 : random.nextInt(400))));
        }
        List<DueDelivery> ordered = AlertComposer.order(rows);
        List<Integer> visible = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).topicDisplay() != null) {
                visible.add(i);
            }
        }
        List<String> shown = new ArrayList<>();
        int skip = 0;
        for (var page = AlertComposer.page(1, AlertMessage.Kind.MORE, ordered, skip, ZONE, AT, TELEGRAM); page.isPresent();
                page = AlertComposer.page(1, AlertMessage.Kind.MORE, ordered, skip, ZONE, AT, TELEGRAM)) {
            AlertMessage m = page.get();
            assertThat(AlertHtml.render(m).length()).isLessThanOrEqualTo(4096);
            List<Integer> rest = visible.subList(shown.size(), visible.size());
            assertThat(ids(m)).containsExactlyInAnyOrderElementsOf(rest.subList(0, m.itemCount()).stream()
                    .map(i -> ordered.get(i).item().articleId()).toList());
            assertThat(m.moreCount()).isEqualTo(rest.size() - m.itemCount());
            if (m.moreCount() > 0) {
                AlertMessage oneMore = AlertComposer.prefix(1, AlertMessage.Kind.MORE, ordered, rest,
                        m.itemCount() + 1, ZONE, AT);
                assertThat(AlertHtml.render(oneMore).length()).as("the next row would not fit").isGreaterThan(4096);
                skip = Integer.parseInt(m.buttons().getLast().argument().split(":")[1]);
            } else {
                skip = ordered.size();
            }
            shown.addAll(ids(m));
        }
        assertThat(shown).hasSize(visible.size()).doesNotHaveDuplicates();

        // the same first page as trying every length from the longest down, as page() used to
        List<DueDelivery> first300 = ordered.subList(0, 300);
        List<Integer> candidates = visible.stream().filter(i -> i < 300).toList();
        AlertMessage longestDown = null;
        for (int n = candidates.size(); n >= 1 && longestDown == null; n--) {
            AlertMessage m = AlertComposer.prefix(1, AlertMessage.Kind.DIGEST, first300, candidates, n, ZONE, AT);
            longestDown = AlertHtml.render(m).length() <= 4096 ? m : null;
        }
        assertThat(AlertComposer.page(1, AlertMessage.Kind.DIGEST, first300, 0, ZONE, AT, TELEGRAM)).contains(longestDown);
    }

    private static List<String> ids(AlertMessage m) {
        return m.sections().stream().flatMap(s -> s.items().stream()).map(AlertItem::articleId).toList();
    }
}
