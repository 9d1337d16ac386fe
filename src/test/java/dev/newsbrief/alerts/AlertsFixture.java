package dev.newsbrief.alerts;

import dev.newsbrief.stories.StoryClusterer;
import dev.newsbrief.stories.StoryOptions;
import dev.newsbrief.stories.StoryStore;
import dev.newsbrief.stories.StoryText;
import dev.newsbrief.store.Article;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.Database;
import dev.newsbrief.telegram.AlertHtml;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.lucene.store.ByteBuffersDirectory;

/** A real database (SQLite or PostgreSQL) with the alerts services wired as the app wires them. */
final class AlertsFixture implements AutoCloseable {
    final Database db;
    final ArticleStore articles;
    final TopicIndex topicIndex;
    final TopicMatcher matcher;
    final DeliveryStore deliveries;
    final SubscriptionService subscriptions;
    final AlertQueue queue;
    final AlertsOptions options;
    final StoryClusterer stories;
    final Clock clock;

    AlertsFixture(Path file, AlertsOptions options, Clock clock) {
        this(Database.open(file), options, clock);
    }

    /** The services over {@code db}, which the fixture closes. */
    AlertsFixture(Database db, AlertsOptions options, Clock clock) {
        this.db = db;
        this.articles = new ArticleStore(db);
        this.topicIndex = new TopicIndex(ByteBuffersDirectory::new, t -> 0);
        this.matcher = new TopicMatcher(topicIndex);
        this.deliveries = new DeliveryStore(db);
        this.options = options;
        this.clock = clock;
        this.subscriptions = new SubscriptionService(db, new TopicParser(), matcher, options, clock);
        this.stories = new StoryClusterer(new StoryStore(db), StoryOptions.DEFAULTS);
        this.queue = new AlertQueue(matcher, deliveries, new StoryStore(db), options, clock, subscriptions);
        subscriptions.loadTopics();
    }

    static Article article(String id, String title, String body, Instant published) {
        return new Article(id, "https://news.example/" + id, title, "Example Wire", published, published, published,
                body, "hash-" + id, null, Map.of());
    }

    /** Stores the article, finds its story and queues its alerts in one transaction, as the ingester does. */
    int ingest(Article a) {
        return db.inTransaction(c -> {
            boolean known = articles.find(c, a.id()).isPresent();
            articles.upsert(c, a);
            if (known) {
                return 0;
            }
            try (StoryClusterer.Session s = stories.session(c)) {
                Instant seen = a.publishedAt() == null ? a.ingestedAt() : a.publishedAt();
                StoryText text = StoryText.of(a.title(), a.body());
                s.record(a.id(), a.title(), seen, text, s.place(a.id(), seen, text), clock.instant());
                int queued = queue.onNewArticle(c, a);
                s.indexed();
                return queued;
            }
        });
    }

    DeliveryWorker worker(AlertSink sink) {
        return new DeliveryWorker(deliveries, sink, options, clock);
    }

    @Override
    public void close() throws Exception {
        topicIndex.close();
        db.close();
    }

    /** A sink that records every message and answers with a scripted outcome. */
    static final class RecordingSink implements AlertSink {
        final List<AlertMessage> messages = Collections.synchronizedList(new ArrayList<>());
        volatile DeliveryOutcome next = new DeliveryOutcome.Accepted();

        @Override
        public DeliveryOutcome send(AlertMessage message) {
            messages.add(message);
            return next;
        }

        /** Messages are cut as for Telegram, the front end alerts are sent to. */
        @Override
        public boolean fits(AlertMessage message) {
            return AlertHtml.fits(message);
        }

        List<String> articleIds() {
            List<String> out = new ArrayList<>();
            for (AlertMessage m : messages) {
                m.sections().forEach(s -> s.items().forEach(i -> out.add(i.articleId())));
            }
            return out;
        }
    }
}
