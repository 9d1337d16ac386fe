package dev.newsbrief.telegram;

/** What happened to a message handed to the {@link OutboundSender}. */
public sealed interface SendOutcome {

    /** Telegram accepted every part of it; {@code messageId} is the last part's id. */
    record Accepted(int messageId) implements SendOutcome {}

    /**
     * It was not delivered: a 4xx other than 403, or the retries on 5xx/timeouts ran out.
     *
     * @param status HTTP-style error code, or 0 when no response arrived
     */
    record Failed(int status, String description) implements SendOutcome {
        /**
         * Telegram refused it for good: a 4xx other than 429 (only 429, 5xx and no answer at all
         * are transient), so sending the same message again cannot succeed.
         */
        public boolean permanent() {
            return status >= 400 && status < 500 && status != 429;
        }
    }

    /** The chat blocked or removed the bot (403, chat not found); it is now inactive. */
    record Blocked() implements SendOutcome {}

    default boolean accepted() {
        return this instanceof Accepted;
    }
}
