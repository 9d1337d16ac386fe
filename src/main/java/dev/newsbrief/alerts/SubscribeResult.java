package dev.newsbrief.alerts;

/** The answer to a /subscribe, with the sentence to show the user. */
public sealed interface SubscribeResult {
    /** What to tell the user. */
    String message();

    /**
     * Saved. {@code matchedRecent} of the {@code scanned} newest articles would have matched,
     * which tells the user whether the topic is too broad or empty; {@code wording} says that
     * every word is required.
     */
    record Subscribed(Topic topic, TopicWording wording, int matchedRecent, int scanned) implements SubscribeResult {
        @Override
        public String message() {
            String base = "Subscribed to ‘" + topic.display() + "’: " + wording.sentence() + ".";
            if (scanned == 0) {
                return base + " I'll tell you when new articles arrive.";
            }
            if (matchedRecent == 0) {
                return base + " None of the " + scanned + " latest articles would have matched, so alerts may be "
                        + "rare; check the spelling or use fewer words.";
            }
            String share = matchedRecent + " of the " + scanned + " latest articles would have matched";
            return matchedRecent * 4 > scanned
                    ? base + " " + share + ": that is broad, expect many alerts (add words or -exclusions to narrow it)."
                    : base + " " + share + ".";
        }
    }

    /** The chat already follows a topic with the same key. */
    record AlreadyFollowing(String display) implements SubscribeResult {
        @Override
        public String message() {
            return "You already follow ‘" + display + "’.";
        }
    }

    /** The chat follows the maximum number of topics. */
    record LimitReached(int limit) implements SubscribeResult {
        @Override
        public String message() {
            return "You follow " + limit + " topics, the most a chat can. /unsubscribe one first.";
        }
    }

    /** The text is not a topic. */
    record Invalid(String message) implements SubscribeResult {}
}
