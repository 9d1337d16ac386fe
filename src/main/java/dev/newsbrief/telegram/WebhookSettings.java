package dev.newsbrief.telegram;

import dev.newsbrief.config.Config;
import dev.newsbrief.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Webhook mode ({@code telegram.mode: webhook}): where this instance listens for Telegram's pushes
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

    public static WebhookSettings from(Config config, Map<String, String> env) {
        String mode = config.string("telegram.mode").strip().toLowerCase(Locale.ROOT);
        if (!mode.equals("polling") && !mode.equals("webhook")) {
            throw new ConfigException("telegram.mode must be polling or webhook, not \"" + mode + "\" ("
                    + config.origin("telegram.mode") + ")");
        }
        String path = config.string("telegram.webhook.path").strip();
        if (!path.startsWith("/")) {
            throw new ConfigException("telegram.webhook.path must start with / (" + config.origin("telegram.webhook.path")
                    + ")");
        }
        boolean enabled = mode.equals("webhook");
        return new WebhookSettings(enabled, config.string("telegram.webhook.bind").strip(),
                config.integer("telegram.webhook.port"), path, enabled ? secret(config, env) : null);
    }

    /** The secret from the environment or the secret file; required for webhook mode and {@code webhook set}. */
    static String secret(Config config, Map<String, String> env) {
        String secret = env.get(SECRET_VARIABLE);
        if (secret == null || secret.isBlank()) {
            String file = config.string("telegram.webhook.secret-file");
            if (file == null || file.isBlank()) {
                throw new ConfigException("webhook mode needs a secret: set " + SECRET_VARIABLE
                        + " or telegram.webhook.secret-file");
            }
            try {
                secret = Files.readString(Path.of(file.strip())).strip();
            } catch (IOException e) {
                throw new ConfigException("cannot read telegram.webhook.secret-file " + file + ": " + e.getMessage(), e);
            }
        }
        secret = secret.strip();
        if (!SECRET.matcher(secret).matches()) {
            throw new ConfigException("the webhook secret must be 1-256 characters of A-Z, a-z, 0-9, _ and - "
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
