package dev.newsbrief.telegram;

import dev.newsbrief.config.Config;
import dev.newsbrief.config.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The {@code telegram:} settings.
 *
 * @param baseUrl          Bot API server, e.g. {@code https://api.telegram.org} or a local test server;
 *                         scheme, host and port only, as that is all the TelegramBots client can address
 * @param tokenFile        file holding the token when {@code TELEGRAM_BOT_TOKEN} is unset, or null
 * @param admins           user ids allowed to run admin commands
 * @param globalPerSecond  messages per second over all chats
 * @param chatInterval     minimum gap between two messages to one chat
 * @param groupPerMinute   messages per minute to one group
 * @param maxAttempts      attempts for a message on 5xx or timeout before giving up
 * @param backoffInitial   first retry delay; doubles per attempt
 * @param backoffMax       cap on the retry delay
 * @param requestTimeout   HTTP timeout for one API call (long polls add the poll timeout)
 * @param pollTimeout      long-poll wait passed to getUpdates
 * @param workers          threads that handle updates (updates of one chat stay in order)
 * @param senderThreads    threads that perform API calls
 */
public record TelegramSettings(URI baseUrl, Path tokenFile, Set<Long> admins, int globalPerSecond,
        Duration chatInterval, int groupPerMinute, int maxAttempts, Duration backoffInitial, Duration backoffMax,
        Duration requestTimeout, Duration pollTimeout, int workers, int senderThreads) {

    public TelegramSettings {
        admins = Set.copyOf(admins);
        if (globalPerSecond < 1 || groupPerMinute < 1 || maxAttempts < 1 || workers < 1 || senderThreads < 1) {
            throw new IllegalArgumentException("telegram rate limits, attempts and thread counts must be positive");
        }
        String problem = baseUrlProblem(baseUrl);
        if (problem != null) {
            throw new IllegalArgumentException("telegram.base-url " + problem);
        }
    }

    /**
     * Why {@code url} cannot be the Bot API server, or null when it can. A path is refused rather
     * than dropped: the client's {@code TelegramUrl} holds only scheme, host and port, so
     * {@code http://host/tg} would silently call {@code http://host/bot...}.
     */
    static String baseUrlProblem(URI url) {
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
     * Reads {@code telegram.base-url}; a malformed or unsupported value is a {@link ConfigException}
     * naming the setting and where it was set. The value itself is not repeated, as a mistaken
     * {@code .../bot<token>} path would put the token in the message.
     */
    static URI baseUrl(Config config) {
        String key = "telegram.base-url";
        String raw = config.string(key).strip();
        URI url;
        try {
            url = new URI(raw);
        } catch (URISyntaxException e) {
            throw new ConfigException("setting " + key + " is not a valid URL (" + e.getReason() + " at character "
                    + (e.getIndex() + 1) + ") (" + config.origin(key) + ")", e);
        }
        String problem = baseUrlProblem(url);
        if (problem != null) {
            throw new ConfigException("setting " + key + " " + problem + " (" + config.origin(key) + ")");
        }
        return url;
    }

    /**
     * The sender's retry budget for one call: every attempt running into the request timeout and
     * every backoff at its cap. An update waits at most this long for its replies before it is
     * counted handled; a 429 pause longer than that is the only way to reach it.
     */
    public Duration replyWait() {
        return requestTimeout.plus(backoffMax).multipliedBy(maxAttempts);
    }

    /**
     * How often a standby instance tries to take the polling lease: a dead holder is replaced
     * within about this long (docs/SCALING.md).
     */
    public Duration leaseRetry() {
        return Duration.ofSeconds(2);
    }

    /** Reads the {@code telegram:} section. */
    public static TelegramSettings from(Config config) {
        Set<Long> admins = new LinkedHashSet<>();
        for (String id : config.strings("telegram.admins")) {
            try {
                admins.add(Long.parseLong(id.strip()));
            } catch (NumberFormatException e) {
                throw new ConfigException("telegram.admins holds a non-numeric user id: " + id, e);
            }
        }
        String tokenFile = config.optionalString("telegram.token-file").filter(s -> !s.isBlank()).orElse(null);
        try {
            return read(config, admins, tokenFile);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("settings under telegram: are invalid: " + e.getMessage(), e);
        }
    }

    private static TelegramSettings read(Config config, Set<Long> admins, String tokenFile) {
        return new TelegramSettings(baseUrl(config),
                tokenFile == null ? null : Path.of(tokenFile), admins,
                config.integer("telegram.rate.global-per-second"), config.duration("telegram.rate.chat-interval"),
                config.integer("telegram.rate.group-per-minute"), config.integer("telegram.retry.max-attempts"),
                config.duration("telegram.retry.initial-backoff"), config.duration("telegram.retry.max-backoff"),
                config.duration("telegram.request-timeout"), config.duration("telegram.poll-timeout"),
                config.integer("telegram.workers"), config.integer("telegram.sender-threads"));
    }
}
