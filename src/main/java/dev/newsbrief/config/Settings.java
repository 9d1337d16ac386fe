package dev.newsbrief.config;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.newsbrief.alerts.AlertsOptions;
import dev.newsbrief.brief.BriefOptions;
import dev.newsbrief.chat.ChatSettings;
import dev.newsbrief.core.DataSize;
import dev.newsbrief.core.OptionException;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.index.RetrievalOptions;
import dev.newsbrief.ingest.Ingester;
import dev.newsbrief.lang.LanguageOptions;
import dev.newsbrief.ops.LogOptions;
import dev.newsbrief.ops.OpsSettings;
import dev.newsbrief.sources.SourcesOptions;
import dev.newsbrief.store.StoreOptions;
import dev.newsbrief.stories.StoryOptions;
import dev.newsbrief.telegram.TelegramSettings;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Every setting, as one tree of typed records that mirrors {@code config/newsbrief.yaml} section
 * by section. Each section is the options record of the package that uses it, so a package
 * receives its own record from the wiring and never reads a key. The few sections that feed
 * the command line as well are small records here.
 */
public record Settings(Data data, SourcesOptions sources, OpsSettings ops, LogOptions log, BriefOptions brief,
        Ingest ingest, StoryOptions stories, PassageIndex.Options index, RetrievalOptions retrieval,
        TelegramSettings telegram, Chat chat,
        AlertsOptions alerts, StoreOptions store, LanguageOptions languages) {

    public Settings {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(sources, "sources");
        Objects.requireNonNull(ops, "ops");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(brief, "brief");
        Objects.requireNonNull(ingest, "ingest");
        Objects.requireNonNull(stories, "stories");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(retrieval, "retrieval");
        Objects.requireNonNull(telegram, "telegram");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(languages, "languages");
    }

    /**
     * Where data lives (section {@code data:}).
     *
     * @param dir   data directory: SQLite file and Lucene index (the {@code --data} flag wins)
     * @param seeds folder ingested at start-up, or null for none
     */
    public record Data(Path dir, Path seeds) {
        public Data {
            if (dir == null) {
                throw new OptionException("dir", "must name a directory such as ./data");
            }
        }

        public Optional<Path> seedsFolder() {
            return Optional.ofNullable(seeds);
        }
    }

    /**
     * Section {@code ingest:}: the ingester's options, and when {@code ingest} draws a progress bar.
     *
     * @param ingester        how files are read, deduplicated and batched
     * @param progressMinSize inputs at least this big get a progress bar on a console
     */
    public record Ingest(@JsonUnwrapped Ingester.Options ingester, DataSize progressMinSize) {
        public Ingest {
            Objects.requireNonNull(ingester, "ingester");
        }
    }

    /**
     * Section {@code chat:}: the conversation's settings, and the chat id of the terminal chat.
     *
     * @param conversation   the chat handler's settings (its admins come from {@code telegram.admins})
     * @param terminalChatId chat id the terminal chat stores its subscriptions under
     */
    public record Chat(@JsonUnwrapped ChatSettings conversation, long terminalChatId) {
        public Chat {
            Objects.requireNonNull(conversation, "conversation");
        }
    }

    /**
     * The store's connection pool size when {@code store.postgresql.pool-size} is 0: every worker
     * that holds a claim (update handlers, alert senders, feed fetchers) may need one more
     * connection meanwhile, and a few serve the follower, the listener and the heartbeat.
     */
    public int autoPoolSize() {
        return 2 * (telegram.workers() + alerts.deliveryConcurrency() + sources.fetch().maxConcurrentFetches()) + 4;
    }

    /** The chat handler's settings: section {@code chat:} with the admins configured under {@code telegram:}. */
    public ChatSettings chatSettings() {
        return chat.conversation().withAdmins(telegram.admins());
    }
}
