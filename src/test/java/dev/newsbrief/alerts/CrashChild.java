package dev.newsbrief.alerts;

import dev.newsbrief.store.Database;
import dev.newsbrief.store.StoreBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;

/**
 * The process {@link CrashIT} kills: a delivery worker whose sink stands in for Telegram by
 * appending each accepted message to a journal (synced, like a server that has received it) and
 * then taking a few milliseconds, as a network round trip would. Arguments: the store (a SQLite file or a PostgreSQL URL), journal,
 * round-trip millis, delivery concurrency.
 */
public final class CrashChild {
    private CrashChild() {
    }

    public static void main(String[] args) throws IOException {
        String store = args[0];
        Path journal = Path.of(args[1]);
        long delayMillis = Long.parseLong(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        try (Database db = StoreBackend.openLocated(store);
                FileChannel out = FileChannel.open(journal, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND)) {
            // sends run concurrently: the journal's appends must not interleave
            Object journalLock = new Object();
            AlertSink sink = message -> {
                StringBuilder line = new StringBuilder().append(message.chatId());
                message.sections().forEach(s -> s.items().forEach(i -> line.append(' ').append(i.articleId())));
                line.append('\n');
                try {
                    synchronized (journalLock) {
                        out.write(ByteBuffer.wrap(line.toString().getBytes(StandardCharsets.UTF_8)));
                        out.force(false);
                    }
                    Thread.sleep(delayMillis);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new DeliveryOutcome.Accepted();
            };
            AlertsOptions options = AlertsOptions.DEFAULTS.withInstantWindow(Duration.ZERO)
                    .withDeliveryConcurrency(concurrency);
            new DeliveryWorker(new DeliveryStore(db), sink, options, Clock.systemUTC()).runOnce();
        }
    }
}
