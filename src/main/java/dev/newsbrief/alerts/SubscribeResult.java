package dev.newsbrief.alerts;

import dev.newsbrief.lang.Text;
/** The answer to a /subscribe, with the sentence to show the user. */
public sealed interface SubscribeResult {
    /** What to tell the user, to be put in their language. */
    Text text();

    /** What to tell the user, in English. */
    default String message() {
        return text().toString();
    }

    /**
     * Saved. {@code matchedRecent} of the {@code scanned} newest articles would have matched,
     * which tells the user whether the topic is too broad or empty; {@code wording} says that
     * every word is required.
     */
    record Subscribed(Topic topic, TopicWording wording, int matchedRecent, int scanned) implements SubscribeResult {
        @Override
        public Text text() {
            Text base = Text.of("subscribe.done-with-wording", topic.display(), wording.text());
            Text preview;
            if (scanned == 0) {
                preview = Text.of("subscribe.arrive");
            } else if (matchedRecent == 0) {
                preview = Text.of("subscribe.none-matched", scanned);
            } else {
                preview = Text.of(matchedRecent * 4 > scanned ? "subscribe.broad" : "subscribe.matched", matchedRecent,
                        scanned);
            }
            return Text.of("two-sentences", base, preview);
        }
    }

    /** The chat already follows a topic with the same key. */
    record AlreadyFollowing(String display) implements SubscribeResult {
        @Override
        public Text text() {
            return Text.of("subscribe.already", display);
        }
    }

    /** The chat follows the maximum number of topics. */
    record LimitReached(int limit) implements SubscribeResult {
        @Override
        public Text text() {
            return Text.of("subscribe.limit", limit);
        }
    }

    /** The text is not a topic. */
    record Invalid(Text text) implements SubscribeResult {}
}
