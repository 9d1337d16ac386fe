package dev.newsbrief.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.chat.ChatHandler;
import dev.newsbrief.chat.ChatServices;
import dev.newsbrief.chat.ChatSettings;
import dev.newsbrief.chat.ListNewsDesk;
import dev.newsbrief.store.Database;
import dev.newsbrief.store.SubscriptionStore;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminalChatTest {
    @TempDir
    Path dir;

    @Test
    void drivesTheSameHandlerFromAPipeWithNumberedChoices() {
        try (Database db = Database.open(dir.resolve("t.db"))) {
            ListNewsDesk desk = new ListNewsDesk(List.of(
                    new ListNewsDesk.Item("1", "Oil output rises", "OPEC raised oil output.", null),
                    new ListNewsDesk.Item("2", "Oil prices fall", "Brent fell.", null),
                    new ListNewsDesk.Item("3", "Oil deal", "A big oil deal.", null)));
            ChatHandler handler = new ChatHandler(ChatServices.over(db, desk), ChatSettings.defaults(),
                    Clock.systemUTC());
            StringWriter text = new StringWriter();
            String input = "/help\noil\n/more\n\noil\n2\n/quit\nnever read\n";
            new TerminalChat(handler, 0, new PrintWriter(text)).run(
                    new StreamLineSource(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8))));
            String out = text.toString();
            assertThat(out).contains("/subscribe — Follow a topic");
            assertThat(out).contains("Oil output rises").contains("[1] More").contains("Oil deal");
            assertThat(out).contains("Subscribed to ‘oil’");
            assertThat(out).doesNotContain("<b>").doesNotContain("you>");
            assertThat(new SubscriptionStore(db).forChat(0)).hasSize(1);
        }
    }
}
