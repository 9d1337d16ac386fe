package dev.newsbrief.telegram;

import dev.newsbrief.core.NewsbriefException;
import java.net.URI;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/** Registers and removes the bot's webhook with the Bot API ({@code newsbrief webhook set|delete}). */
public final class WebhookRegistration {
    private WebhookRegistration() {
    }

    /**
     * Tells Telegram to push updates to {@code url} (https, where TLS terminates in front of the
     * instances) with {@code secret} in every call; polling stops working while it is set.
     */
    public static void set(TelegramSettings settings, BotToken token, URI url, String secret) {
        if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
            throw new NewsbriefException("the webhook URL must be an https:// URL (got scheme " + url.getScheme() + ")");
        }
        SetWebhook request = SetWebhook.builder().url(url.toString()).secretToken(secret)
                .allowedUpdates(TelegramBot.ALLOWED_UPDATES).dropPendingUpdates(false).build();
        call(settings, token, client -> client.executeAsync(request).get(settings.requestTimeout().toMillis(),
                TimeUnit.MILLISECONDS), "set the webhook");
    }

    /** Removes the webhook (pending updates stay for getUpdates), so polling works again. */
    public static void delete(TelegramSettings settings, BotToken token) {
        call(settings, token, client -> client.execute(DeleteWebhook.builder().dropPendingUpdates(false).build()),
                "delete the webhook");
    }

    private interface Call {
        Boolean run(OkHttpTelegramClient client) throws TelegramApiException, InterruptedException,
                ExecutionException, TimeoutException;
    }

    private static void call(TelegramSettings settings, BotToken token, Call call, String what) {
        OkHttpClient http = new OkHttpClient.Builder().connectTimeout(settings.requestTimeout())
                .readTimeout(settings.requestTimeout()).build();
        try {
            Boolean ok = call.run(new OkHttpTelegramClient(http, token.value(), TelegramBot.telegramUrl(settings.baseUrl())));
            if (!Boolean.TRUE.equals(ok)) {
                throw new NewsbriefException("the Bot API at " + settings.baseUrl() + " did not " + what);
            }
        } catch (TelegramApiException | ExecutionException | TimeoutException e) {
            throw new NewsbriefException("cannot " + what + " at " + settings.baseUrl() + ": "
                    + token.redact(String.valueOf(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NewsbriefException("interrupted while trying to " + what);
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
