package dev.newsbrief.telegram;

import dev.newsbrief.core.OptionException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The Telegram settings (section {@code telegram:} of the config).
 *
 * @param baseUrl          Bot API server, e.g. {@code https://api.telegram.org} or a local test server;
 *                         scheme, host and port only, as that is all the TelegramBots client can address
 * @param tokenFile        file holding the token when {@code TELEGRAM_BOT_TOKEN} is unset, or null
 * @param admins           user ids allowed to run admin commands
 * @param requestTimeout   HTTP timeout for one API call (long polls add the poll timeout)
 * @param pollTimeout      long-poll wait passed to getUpdates
 * @param workers          threads that handle updates (updates of one chat stay in order)
 * @param senderThreads    threads that perform API calls
 * @param rate             Telegram's sending limits
 * @param retry            how a failed call is retried
 */
public record TelegramSettings(URI baseUrl, Path tokenFile, Set<Long> admins, Duration requestTimeout,
        Duration pollTimeout, int workers, int senderThreads, Rate rate, Retry retry) {

    public TelegramSettings {
        admins = Set.copyOf(admins);
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(retry, "retry");
        positive("workers", workers);
        positive("senderThreads", senderThreads);
        String problem = baseUrlProblem(baseUrl);
        if (problem != null) {
            // the value itself is not repeated: a mistaken .../bot<token> path would put the token in the message
            throw new OptionException("baseUrl", problem);
        }
    }

    /**
     * Telegram's sending limits.
     *
     * @param globalPerSecond  messages per second over all chats
     * @param chatInterval     minimum gap between two messages to one chat
     * @param groupPerMinute   messages per minute to one group
     */
    public record Rate(int globalPerSecond, Duration chatInterval, int groupPerMinute) {
        public Rate {
            positive("globalPerSecond", globalPerSecond);
            positive("groupPerMinute", groupPerMinute);
        }
    }

    /**
     * How a call that failed with a 5xx or a timeout is retried.
     *
     * @param maxAttempts     attempts for a call before giving up
     * @param initialBackoff  first retry delay; doubles per attempt
     * @param maxBackoff      cap on the retry delay
     */
    public record Retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        public Retry {
            positive("maxAttempts", maxAttempts);
        }
    }

    private static void positive(String option, int value) {
        if (value < 1) {
            throw new OptionException(option, "must be positive (got " + value + ")");
        }
    }

    /**
     * Why {@code url} cannot be the Bot API server, or null when it can. A path is refused rather
     * than dropped: the client's {@code TelegramUrl} holds only scheme, host and port, so
     * {@code http://host/tg} would silently call {@code http://host/bot...}.
     */
    static String baseUrlProblem(URI url) {
        if (url == null) {
            return "must be an http:// or https:// URL";
        }
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            return "must be an http:// or https:// URL";
        }
        if (url.getHost() == null) {
            return "must name a host";
        }
        String path = url.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            return "must not have a path (only scheme, host and port are supported; run the Bot API server"
                    + " at the root of its host)";
        }
        if (url.getRawUserInfo() != null || url.getRawQuery() != null || url.getRawFragment() != null) {
            return "must hold only scheme, host and port";
        }
        return null;
    }

    /**
     * The sender's retry budget for one call: every attempt running into the request timeout and
     * every backoff at its cap. An update waits at most this long for its replies before it is
     * counted handled; a 429 pause longer than that is the only way to reach it.
     */
    public Duration replyWait() {
        return requestTimeout.plus(retry.maxBackoff()).multipliedBy(retry.maxAttempts());
    }
}
