package dev.newsbrief.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.alerts.Alerts;
import dev.newsbrief.alerts.AlertsOptions;
import dev.newsbrief.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
        alerts = Alerts.open(db, AlertsOptions.DEFAULTS, Clock.systemUTC(), term -> 0);
        ChatSettings s = new ChatSettings(List.of("q1", "q2", "q3"), Duration.ofHours(1), 200, 10, Set.of());
        handler = new ChatHandler(ChatServices.over(db, new ListNewsDesk(List.of())).withAlerts(alerts.subscriptions()),
                s, Clock.systemUTC());
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
        assertThat(say("/subscribe Ukraine")).startsWith("Subscribed to ‘Ukraine’.");
        assertThat(say("/subscribe ukraine")).isEqualTo("You already follow ‘Ukraine’.\n");
        assertThat(say("/subscribe -sports")).contains("exclusions alone");
        assertThat(say("/subscriptions")).contains("• Ukraine", "Alerts: instant");
        assertThat(say("/unsubscribe UKRAINE")).isEqualTo("Unsubscribed from ‘Ukraine’.\n");
    }

    @Test
    void digestCommandSetsAndReportsTheMode() {
        assertThat(say("/digest daily 08:00 Europe/Berlin")).contains("08:00 (Europe/Berlin)");
        assertThat(say("/digest")).contains("daily at 08:00 (Europe/Berlin)");
        assertThat(say("/digest off")).contains("paused");
        assertThat(say("/digest weekly")).contains("/digest instant");
    }
}
