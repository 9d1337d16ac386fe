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
 * @param mode             polling (long polling; of several instances, the holder of a lease polls) or
 *                         webhook (Telegram pushes to every instance)
 * @param webhook          the endpoint served in webhook mode
 */
public record TelegramSettings(URI baseUrl, Path tokenFile, Set<Long> admins, Duration requestTimeout,
        Duration pollTimeout, int workers, int senderThreads, Rate rate, Retry retry, String mode, Webhook webhook) {

    public TelegramSettings {
        mode = mode == null ? "polling" : mode.strip().toLowerCase(java.util.Locale.ROOT);
        if (!mode.equals("polling") && !mode.equals("webhook")) {
            throw new OptionException("mode", "must be polling or webhook (got " + mode + ")");
        }
        Objects.requireNonNull(webhook, "webhook");
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

    /** The same settings with another mode (polling or webhook). */
    public TelegramSettings withMode(String newMode) {
        return new TelegramSettings(baseUrl, tokenFile, admins, requestTimeout, pollTimeout, workers, senderThreads, rate,
                retry, newMode, webhook);
    }

    /** The same settings with another Bot API server. */
    public TelegramSettings withBaseUrl(URI url) {
        return new TelegramSettings(url, tokenFile, admins, requestTimeout, pollTimeout, workers, senderThreads, rate,
                retry, mode, webhook);
    }

    public boolean webhookMode() {
        return mode.equals("webhook");
    }

    /**
     * The webhook endpoint each instance serves in webhook mode; TLS terminates in front of it.
     *
     * @param bind       listen address
     * @param port       listen port, 0 for any free port
     * @param path       the endpoint's path
     * @param secretFile file holding the secret when {@code TELEGRAM_WEBHOOK_SECRET} is unset, or null
     */
    public record Webhook(String bind, int port, String path, Path secretFile) {
        public static final Webhook DEFAULTS = new Webhook("127.0.0.1", 8443, "/telegram/webhook", null);

        public Webhook {
            if (bind == null || bind.isBlank()) {
                throw new OptionException("bind", "must name an address such as 127.0.0.1 or 0.0.0.0");
            }
            if (port < 0 || port > 65_535) {
                throw new OptionException("port", "must be between 0 and 65535 (got " + port + ")");
            }
            if (path == null || !path.startsWith("/")) {
                throw new OptionException("path", "must start with /");
            }
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

    /**
     * How often a standby instance tries to take the polling lease: a dead holder is replaced
     * within about this long (docs/SCALING.md).
     */
    public Duration leaseRetry() {
        return Duration.ofSeconds(2);
    }
}
