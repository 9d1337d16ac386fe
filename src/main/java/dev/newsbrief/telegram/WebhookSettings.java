package dev.newsbrief.telegram;

import dev.newsbrief.core.NewsbriefException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Webhook mode ({@code telegram.mode: webhook}) as this process runs it: where it listens for Telegram's pushes
 * and the secret Telegram must send with each ({@code X-Telegram-Bot-Api-Secret-Token}). The
 * secret comes only from {@code TELEGRAM_WEBHOOK_SECRET} or {@code telegram.webhook.secret-file}.
 *
 * @param enabled whether {@code telegram.mode} is webhook
 * @param bind    listen address
 * @param port    listen port (0 picks a free one)
 * @param path    the endpoint's path
 * @param secret  the secret, 1-256 of A-Z a-z 0-9 _ - as Telegram allows; null when not enabled
 */
public record WebhookSettings(boolean enabled, String bind, int port, String path, String secret) {
    /** The environment variable holding the webhook secret. */
    public static final String SECRET_VARIABLE = "TELEGRAM_WEBHOOK_SECRET";
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    /** The webhook settings of {@code telegram}, with the secret when in webhook mode. */
    public static WebhookSettings from(TelegramSettings telegram, Map<String, String> env) {
        TelegramSettings.Webhook w = telegram.webhook();
        boolean enabled = telegram.webhookMode();
        return new WebhookSettings(enabled, w.bind(), w.port(), w.path(), enabled ? secret(w, env) : null);
    }

    /** The secret from the environment or the secret file; required for webhook mode and {@code webhook set}. */
    static String secret(TelegramSettings.Webhook webhook, Map<String, String> env) {
        String secret = env.get(SECRET_VARIABLE);
        if (secret == null || secret.isBlank()) {
            if (webhook.secretFile() == null) {
                throw new NewsbriefException("webhook mode needs a secret: set " + SECRET_VARIABLE
                        + " or telegram.webhook.secret-file");
            }
            try {
                secret = Files.readString(webhook.secretFile()).strip();
            } catch (IOException e) {
                throw new NewsbriefException("cannot read telegram.webhook.secret-file " + webhook.secretFile() + ": "
                        + e.getMessage());
            }
        }
        secret = secret.strip();
        if (!SECRET.matcher(secret).matches()) {
            throw new NewsbriefException("the webhook secret must be 1-256 characters of A-Z, a-z, 0-9, _ and - "
                    + "(Telegram's rule)");
        }
        return secret;
    }

    @Override
    public String toString() {
        return "WebhookSettings[enabled=" + enabled + ", bind=" + bind + ", port=" + port + ", path=" + path
                + ", secret=" + (secret == null ? "none" : "***") + "]";
    }
}
