package dev.newsbrief.telegram;

import okhttp3.OkHttpClient;

/**
 * The HTTP clients the bot talks to the Bot API with. Sending never lets OkHttp repeat a request on
 * its own: OkHttp's connection-failure recovery would post a {@code sendMessage} a second time when
 * a connection dies after the request went out (Telegram may already have delivered it), and that
 * second post would bypass the {@link OutboundSender}'s rate limits and attempt count. A failed send
 * comes back to the sender instead, which retries it with backoff within its limits.
 */
final class TelegramHttp {
    private TelegramHttp() {
    }

    /** The client for sending (and every other call but polling): timeouts from the settings, no silent retries. */
    static OkHttpClient forSending(TelegramSettings settings) {
        return new OkHttpClient.Builder()
                .connectTimeout(settings.requestTimeout())
                .readTimeout(settings.requestTimeout())
                .writeTimeout(settings.requestTimeout())
                .retryOnConnectionFailure(false)
                .build();
    }

    /**
     * The long-poll client, sharing {@code sending}'s pool: its read timeout covers the poll, and a
     * {@code getUpdates} may be repeated safely (the offset makes it idempotent).
     */
    static OkHttpClient.Builder forPolling(OkHttpClient sending, TelegramSettings settings) {
        return sending.newBuilder()
                .readTimeout(settings.requestTimeout().plus(settings.pollTimeout()))
                .retryOnConnectionFailure(true);
    }
}
