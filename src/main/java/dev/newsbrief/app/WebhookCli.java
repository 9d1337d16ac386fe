package dev.newsbrief.app;

import dev.newsbrief.core.NewsbriefException;
import dev.newsbrief.ops.LogSetup;
import dev.newsbrief.telegram.BotToken;
import dev.newsbrief.telegram.TelegramSettings;
import dev.newsbrief.telegram.WebhookRegistration;
import dev.newsbrief.telegram.WebhookSettings;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code newsbrief webhook set URL} and {@code webhook delete}: register or remove the Telegram webhook. */
@Command(name = "webhook", mixinStandardHelpOptions = true,
        description = "Register (set URL) or remove (delete) the Telegram webhook for telegram.mode: webhook.",
        subcommands = {WebhookCli.Set.class, WebhookCli.Delete.class})
final class WebhookCli {

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Point Telegram at URL (https, in front of the instances' telegram.webhook endpoints).")
    static final class Set implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "URL", description = "The public https URL Telegram calls.")
        URI url;

        @Override
        public Integer call() {
            return run(System.getenv());
        }

        int run(Map<String, String> env) {
            TelegramSettings settings = common.loadConfig().settings().telegram();
            String secret = WebhookSettings.from(settings.withMode("webhook"), env).secret();
            LogSetup.addSecrets(List.of(secret));
            WebhookRegistration.set(settings, token(settings, env), url, secret);
            System.out.println("webhook set: Telegram now pushes updates to " + url
                    + " (polling is off until `newsbrief webhook delete`)");
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Remove the webhook; polling works again.")
    static final class Delete implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Override
        public Integer call() {
            TelegramSettings settings = common.loadConfig().settings().telegram();
            WebhookRegistration.delete(settings, token(settings, System.getenv()));
            System.out.println("webhook deleted: updates wait for getUpdates (telegram.mode: polling)");
            return 0;
        }
    }

    private static BotToken token(TelegramSettings settings, Map<String, String> env) {
        return BotToken.resolve(env, settings.tokenFile()).orElseThrow(() -> new NewsbriefException(
                "no bot token: set TELEGRAM_BOT_TOKEN or telegram.token-file"));
    }
}
