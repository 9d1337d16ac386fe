package dev.newsbrief.alerts;

import dev.newsbrief.index.LanguageAnalyzers;
import dev.newsbrief.index.PassageFields;
import dev.newsbrief.lang.Languages;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.stories.StoryStore;
import dev.newsbrief.store.Database;
import dev.newsbrief.store.Notifications;
import dev.newsbrief.store.SubscriptionStore;
import java.io.IOException;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.Predicate;
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
    private Notifications wakeUps;

    private Alerts(Database db, AlertsOptions options, Clock clock,
            Function<String, ToLongFunction<String>> documentFrequency) {
        this.options = options;
        this.clock = clock;
        this.topics = new TopicIndex(ByteBuffersDirectory::new, documentFrequency.apply(Languages.ENGLISH));
        this.matcher = new TopicMatcher(topics, new LanguageAnalyzers(), documentFrequency);
        this.deliveries = new DeliveryStore(db);
        this.subscriptions = new SubscriptionService(db, new TopicParser(), matcher, options, clock);
        this.queue = new AlertQueue(matcher, deliveries, new StoryStore(db), options, clock, subscriptions);
    }

    /**
     * Builds the services and indexes every subscribed topic.
     *
     * @param documentFrequency how common a term is, to file topics under their rarest term
     *                          ({@link #documentFrequencyIn} reads it from the passage index)
     */
    public static Alerts open(Database db, AlertsOptions options, Clock clock, ToLongFunction<String> documentFrequency) {
        Function<String, ToLongFunction<String>> byLanguage = language -> Languages.ENGLISH.equals(language)
                ? documentFrequency : term -> 0;
        return openByLanguage(db, options, clock, byLanguage);
    }

    /**
     * Like {@link #open(Database, AlertsOptions, Clock, ToLongFunction)} with term rarity per
     * language ({@link #documentFrequenciesIn}), for the topic index of each language's articles.
     */
    public static Alerts openByLanguage(Database db, AlertsOptions options, Clock clock,
            Function<String, ToLongFunction<String>> documentFrequency) {
        Alerts alerts = new Alerts(db, options, clock, documentFrequency);
        try {
            alerts.subscriptions.loadTopics();
            // another instance's /subscribe wakes this one to index the topic early; the version
            // check in every ingest transaction is what guarantees it (no-op on SQLite)
            alerts.wakeUps = Notifications.listen(db, SubscriptionStore.CHANNEL, alerts.subscriptions::reloadTopics);
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

    /** Passage counts per analysed term in each language's text in {@code index}. */
    public static Function<String, ToLongFunction<String>> documentFrequenciesIn(PassageIndex index) {
        return language -> {
            String field = PassageFields.of(PassageFields.TEXT, language);
            return term -> index.withSearcher(s -> (long) s.getIndexReader().docFreq(new Term(field, term)));
        };
    }

    public SubscriptionService subscriptions() {
        return subscriptions;
    }

    /** The ingester's new-article listener: {@code ingester.addListener(alerts.queue()::onNewArticle)}. */
    public AlertQueue queue() {
        return queue;
    }

    /**
     * The continuations behind "+N more" buttons, for the chat handler, cut where {@code fits}
     * says a page no longer fits in one message of the front end that shows them.
     */
    public AlertPages pages(Predicate<AlertMessage> fits) {
        return new AlertPages(deliveries, fits);
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
        if (wakeUps != null) {
            wakeUps.close();
        }
        try {
            matcher.closeLanguages();
            topics.close();
        } catch (IOException e) {
            throw new AlertsException("closing the topic index failed: " + e.getMessage(), e);
        }
    }
}
