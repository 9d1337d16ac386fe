package dev.newsbrief.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.newsbrief.store.Database;
import dev.newsbrief.store.UpdateOffsetStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.Message;

class OrderedUpdateConsumerTest {
    @TempDir
    Path dir;

    private static Update update(int id, long chatId) {
        Message m = new Message();
        m.setChat(Chat.builder().id(chatId).type("private").build());
        m.setText("u" + id);
        Update u = new Update();
        u.setUpdateId(id);
        u.setMessage(m);
        return u;
    }

    @Test
    void anErrorInOneUpdateNeitherBlocksItsChatNorTheOffset() throws InterruptedException {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger logger = (Logger) LoggerFactory.getLogger(OrderedUpdateConsumer.class);
        logger.addAppender(logs);
        List<Integer> handled = new CopyOnWriteArrayList<>();
        try (Database db = Database.open(dir.resolve("o.db"))) {
            UpdateOffsetStore store = new UpdateOffsetStore(db);
            OffsetTracker offsets = new OffsetTracker(store, "bot");
            OrderedUpdateConsumer consumer = new OrderedUpdateConsumer(u -> {
                if (u.getUpdateId() == 11) {
                    throw new StackOverflowError("odd input");
                }
                handled.add(u.getUpdateId());
            }, offsets, 2);
            consumer.consume(List.of(update(10, 7), update(11, 7), update(12, 7), update(13, 8)));
            // shutdown would refuse lane steps not yet handed to the pool, so wait for the offset first
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (store.lastProcessed("bot").orElse(0) < 13 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            consumer.shutdown(10);

            assertThat(handled).containsExactlyInAnyOrder(10, 12, 13);
            assertThat(handled.indexOf(10)).isLessThan(handled.indexOf(12));
            assertThat(store.lastProcessed("bot")).hasValue(13);
            assertThat(logs.list).filteredOn(e -> e.getFormattedMessage().equals("update 11 failed in lane 7"))
                    .hasSize(1);
        } finally {
            logger.detachAppender(logs);
        }
    }
}
