package dev.newsbrief.alerts;

import dev.newsbrief.index.PassageFields;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.stories.StoryStore;
import dev.newsbrief.store.Database;
import java.io.IOException;
import java.time.Clock;
import java.util.function.ToLongFunction;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The alerts services over one database, wired the one way the app uses them: an in-memory
 * topic index loaded from the subscriptions table, the matcher, the queue to register as the
 * ingester's new-article listener, the subscription service for the chat commands, and delivery
 * workers for a given sink. Closing it closes the topic index.
 */
public final class Alerts implements AutoCloseable {
    private final TopicIndex topics;
    private final TopicMatcher matcher;
    private final DeliveryStore deliveries;
    private final SubscriptionService subscriptions;
    private final AlertQueue queue;
    private final AlertsOptions options;
    private final Clock clock;

    private Alerts(Database db, AlertsOptions options, Clock clock, ToLongFunction<String> documentFrequency) {
        this.options = options;
        this.clock = clock;
        this.topics = new TopicIndex(ByteBuffersDirectory::new, documentFrequency);
        this.matcher = new TopicMatcher(topics);
        this.deliveries = new DeliveryStore(db);
        this.subscriptions = new SubscriptionService(db, new TopicParser(), matcher, options, clock);
        this.queue = new AlertQueue(matcher, deliveries, new StoryStore(db), options, clock);
    }

    /**
     * Builds the services and indexes every subscribed topic.
     *
     * @param documentFrequency how common a term is, to file topics under their rarest term
     *                          ({@link #documentFrequencyIn} reads it from the passage index)
     */
    public static Alerts open(Database db, AlertsOptions options, Clock clock, ToLongFunction<String> documentFrequency) {
        Alerts alerts = new Alerts(db, options, clock, documentFrequency);
        try {
            alerts.subscriptions.loadTopics();
        } catch (RuntimeException e) {
            alerts.close();
            throw e;
        }
        return alerts;
    }

    /** Passage counts per analysed term in {@code index}, as a rarity measure for anchors. */
    public static ToLongFunction<String> documentFrequencyIn(PassageIndex index) {
        return term -> index.withSearcher(s -> (long) s.getIndexReader().docFreq(new Term(PassageFields.TEXT, term)));
    }

    public SubscriptionService subscriptions() {
        return subscriptions;
    }

    /** The ingester's new-article listener: {@code ingester.addListener(alerts.queue()::onNewArticle)}. */
    public AlertQueue queue() {
        return queue;
    }

    /** The continuations behind "+N more" buttons, for the chat handler. */
    public AlertPages pages() {
        return new AlertPages(deliveries);
    }

    public DeliveryStore deliveries() {
        return deliveries;
    }

    public TopicMatcher matcher() {
        return matcher;
    }

    /** A delivery worker sending through {@code sink}; call {@link DeliveryWorker#start()} to run it. */
    public DeliveryWorker worker(AlertSink sink) {
        return new DeliveryWorker(deliveries, sink, options, clock);
    }

    @Override
    public void close() {
        try {
            topics.close();
        } catch (IOException e) {
            throw new AlertsException("closing the topic index failed: " + e.getMessage(), e);
        }
    }
}
