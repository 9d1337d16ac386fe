package dev.newsbrief.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.alerts.AlertMessage;
import dev.newsbrief.alerts.AlertSink;
import dev.newsbrief.alerts.Alerts;
import dev.newsbrief.alerts.AlertsOptions;
import dev.newsbrief.alerts.DeliveryOutcome;
import dev.newsbrief.store.Article;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.CallbackStateStore;
import dev.newsbrief.store.Database;
import dev.newsbrief.telegram.AlertHtml;
import dev.newsbrief.terminal.AlertText;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The subscription commands with the alerts services wired, as the running bot has them. */
class ChatAlertsTest {
    private static final long CHAT = 21;

    @TempDir
    Path dir;

    private Database db;
    private Alerts alerts;
    private ChatHandler handler;

    @BeforeEach
    void setUp() {
        db = Database.open(dir.resolve("t.db"));
        // instant window 0: queued alerts are due at once, so the test can run the worker on the real clock
        alerts = Alerts.open(db, AlertsOptions.DEFAULTS.withInstantWindow(Duration.ZERO), Clock.systemUTC(), term -> 0);
        ChatSettings s = new ChatSettings(List.of("q1", "q2", "q3"), Duration.ofHours(1), 200, 10, Set.of());
        handler = new ChatHandler(ChatServices.over(db, new ListNewsDesk(List.of())).withAlerts(alerts.subscriptions())
                .withAlertPages(alerts.pages(AlertHtml::fits)), s, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        alerts.close();
        db.close();
    }

    private String say(String text) {
        Reply r = handler.onMessage(new IncomingMessage(CHAT, ChatKind.PRIVATE, null, 7, false, text));
        StringBuilder sb = new StringBuilder();
        r.messages().forEach(m -> {
            if (m.content() instanceof Content.Text t) {
                if (t.title() != null) {
                    sb.append(t.title()).append('\n');
                }
                t.paragraphs().forEach(p -> sb.append(p).append('\n'));
            }
        });
        return sb.toString();
    }

    @Test
    void subscribeNormalisesRefusesDuplicatesAndUnsubscribesByAnySpelling() {
        assertThat(say("/subscribe Ukraine")).startsWith("Subscribed to ‘Ukraine’: alerts when an article mentions Ukraine.");
        assertThat(say("/subscribe \"North Korea\" the Russia -sports"))
                .startsWith("Subscribed to ‘\"North Korea\" the Russia -sports’: alerts when an article mentions all of: "
                        + "Russia, \"North Korea\"; and none of: sports.");
        assertThat(say("/help")).contains("/subscribe — Follow a topic", "alerts need all its words");
        assertThat(say("/subscribe ukraine")).isEqualTo("You already follow ‘Ukraine’.\n");
        assertThat(say("/subscribe -sports")).contains("exclusions alone");
        assertThat(say("/subscriptions")).contains("• Ukraine", "Alerts: instant");
        assertThat(say("/unsubscribe UKRAINE")).isEqualTo("Unsubscribed from ‘Ukraine’.\n");
    }

    @Test
    void stopForgetsTheChatsTopicsInTheMatcherToo() {
        say("/subscribe wheat exports");
        assertThat(alerts.matcher().topics().size()).isEqualTo(1);
        assertThat(say("/stop")).startsWith("Done: I deleted this chat's subscriptions");
        assertThat(alerts.matcher().topics().size()).as("no follower left, so no topic to match").isZero();
        assertThat(say("/subscriptions")).doesNotContain("wheat");
    }

    @Test
    void digestCommandSetsAndReportsTheMode() {
        assertThat(say("/digest daily 08:00 Europe/Berlin")).contains("08:00 (Europe/Berlin)");
        assertThat(say("/digest")).contains("daily at 08:00 (Europe/Berlin)");
        assertThat(say("/digest off")).contains("paused");
        assertThat(say("/digest weekly")).contains("/digest instant");
    }

    @Test
    void theMoreButtonUnderAnOverflowingAlertShowsTheNextArticlesThenSaysThatIsAll() {
        say("/subscribe oil");
        Instant past = Instant.now().minusSeconds(3600);
        ArticleStore articles = new ArticleStore(db);
        for (int i = 0; i < 60; i++) {
            Article a = new Article("o" + i, "https://news.example/o" + i, "Oil story " + i, "Wire", past.minusSeconds(i),
                    past, past, "Oil moved on day " + i + ", traders said, at length. " + "More words here. ".repeat(10),
                    "h" + i, null, Map.of());
            db.inTransaction(c -> {
                articles.upsert(c, a);
                return alerts.queue().onNewArticle(c, a);
            });
        }
        AlertReplies replies = new AlertReplies(new CallbackStateStore(db));
        List<OutgoingMessage> sent = new ArrayList<>();
        alerts.worker(new AlertSink() {
            @Override
            public DeliveryOutcome send(AlertMessage m) {
                sent.add(replies.message(m));
                return new DeliveryOutcome.Accepted();
            }

            @Override
            public boolean fits(AlertMessage m) {
                return AlertHtml.fits(m);
            }
        }).runOnce();
        assertThat(sent).hasSize(1);
        Set<String> headlines = new HashSet<>();
        OutgoingMessage message = sent.get(0);
        int pages = 0;
        while (true) {
            Content.Alert alert = (Content.Alert) message.content();
            alert.message().sections().forEach(sec -> sec.items().forEach(i -> assertThat(headlines.add(i.headline()))
                    .isTrue()));
            assertThat(AlertHtml.render(alert.message()).length()).isLessThanOrEqualTo(4096);
            assertThat(message.allButtons()).first().extracting(Button::label).isEqualTo("Unsubscribe from ‘oil’");
            Button more = message.allButtons().get(message.allButtons().size() - 1);
            if (alert.message().moreCount() == 0) {
                assertThat(more.label()).startsWith("Unsubscribe");
                break;
            }
            assertThat(more.label()).isEqualTo("+" + alert.message().moreCount() + " more");
            assertThat(handler.onButton(new ButtonPress(CHAT + 1, ChatKind.PRIVATE, 9, false, more.token())).notice())
                    .as("another chat cannot use the button").contains("expired");
            Reply next = handler.onButton(new ButtonPress(CHAT, ChatKind.PRIVATE, 7, false, more.token()));
            assertThat(next.messages()).hasSize(1);
            message = next.messages().get(0);
            assertThat(AlertText.plain(((Content.Alert) message.content()).message())).startsWith("More on your topics");
            pages++;
        }
        assertThat(pages).isGreaterThanOrEqualTo(1);
        assertThat(headlines).hasSize(60);
    }
}
