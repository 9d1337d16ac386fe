package dev.newsbrief.chat;

import dev.newsbrief.lang.Messages;
import dev.newsbrief.store.CallbackStateStore;

/** Makes inline buttons whose meaning is stored server-side under a short token. */
public final class Buttons {
    private static final int MAX_LABEL_TOPIC = 40;

    private final CallbackStateStore states;

    public Buttons(CallbackStateStore states) {
        this.states = states;
    }

    public Button more(long chatId, String cursor, Messages m) {
        return make(chatId, ButtonKind.MORE, cursor, m.get("button.more"));
    }

    public Button subscribe(long chatId, String topic, Messages m) {
        return make(chatId, ButtonKind.SUBSCRIBE, topic, m.get("button.subscribe", shorten(topic)));
    }

    public Button unsubscribe(long chatId, String topic, Messages m) {
        return make(chatId, ButtonKind.UNSUBSCRIBE, topic, m.get("button.unsubscribe", shorten(topic)));
    }

    /** "Unsubscribe from ‘topic’" under an alert: the payload is the topic's key, the label already made. */
    public Button unsubscribeTopic(long chatId, String topicKey, String label) {
        return make(chatId, ButtonKind.UNSUBSCRIBE, topicKey, label);
    }

    /** "+N more" under an alert digest or bundle. */
    public Button alertMore(long chatId, String pageArgument, String label) {
        return make(chatId, ButtonKind.ALERT_MORE, pageArgument, label);
    }

    public Button ask(long chatId, String question) {
        return make(chatId, ButtonKind.ASK, question, question);
    }

    private Button make(long chatId, ButtonKind kind, String payload, String label) {
        return new Button(label, states.create(chatId, kind.storeName(), payload));
    }

    static String shorten(String topic) {
        String t = topic.strip();
        if (t.codePointCount(0, t.length()) <= MAX_LABEL_TOPIC) {
            return t;
        }
        return t.substring(0, t.offsetByCodePoints(0, MAX_LABEL_TOPIC - 1)) + "…";
    }
}
