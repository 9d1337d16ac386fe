package dev.newsbrief.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /stats shows the report the app wires in (ops' StatsService) and stays admin-only. */
class StatsReportTest {
    @TempDir
    Path dir;

    private static final NewsDesk NO_NEWS = new NewsDesk() {
        @Override
        public BriefingView ask(String question) {
            throw new AssertionError("not asked");
        }

        @Override
        public Optional<BriefingView> more(String cursor) {
            return Optional.empty();
        }

        @Override
        public BriefingView latest(String topic) {
            throw new AssertionError("not asked");
        }

        @Override
        public List<InlineAnswer> inline(String query, int limit) {
            return List.of();
        }
    };

    private static String text(Reply r) {
        return r.messages().stream().map(m -> m.content() instanceof Content.Text t ? String.join("\n", t.paragraphs())
                : "").reduce("", String::concat);
    }

    @Test
    void adminsGetTheWiredReport() {
        try (Database db = Database.open(dir.resolve("c.db"))) {
            ChatServices services = ChatServices.over(db, NO_NEWS).withStatsReport(() -> "Articles: 21578\nPassages: 40000");
            ChatHandler handler = new ChatHandler(services, ChatSettings.defaults(), Clock.systemUTC());
            Reply admin = handler.onMessage(new IncomingMessage(5, ChatKind.PRIVATE, null, 5, true, "/stats"));
            assertThat(text(admin)).contains("Articles: 21578").contains("Passages: 40000");
            Reply user = handler.onMessage(new IncomingMessage(6, ChatKind.PRIVATE, null, 6, false, "/stats"));
            assertThat(text(user)).doesNotContain("21578");
        }
    }
}
