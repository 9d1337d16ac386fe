package dev.newsbrief.app;

import dev.newsbrief.chat.ChatHandler;
import dev.newsbrief.config.Config;
import dev.newsbrief.ops.LogOptions;
import dev.newsbrief.ops.LogSetup;
import dev.newsbrief.terminal.LineSource;
import dev.newsbrief.terminal.TerminalChat;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newsbrief chat}: the conversation in the terminal, through the bot's own handler. */
@Command(name = "chat", description = "Chat in the terminal: ask questions, /help, /subscribe ... (/quit ends).")
final class ChatCli implements Callable<Integer> {
    static final String BANNER = "newsbrief chat — type a question or /help, /quit to leave. "
            + "(Set TELEGRAM_BOT_TOKEN to run the Telegram bot instead.)";

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return chat(common, spec.commandLine().getOut(), true);
    }

    static int chat(CommonOptions common, PrintWriter out, boolean banner) {
        try (AppContext app = AppContext.forWriting(common, "chat");
                LineSource in = TerminalChat.lineSource(System.in)) {
            LogSetup.quietForConversation(levelChosen(app.config()));
            ChatHandler handler = ChatWiring.handler(app);
            if (banner) {
                out.println(BANNER);
                out.flush();
            }
            new TerminalChat(handler, app.settings().chat().terminalChatId(), out).run(in);
            return 0;
        }
    }

    /**
     * Whether the operator chose the log level: set in the environment, or to a value other than
     * the default (the repository's own config/newsbrief.yaml repeats the default).
     */
    private static boolean levelChosen(Config config) {
        return config.origin("log.level").startsWith("environment")
                || !LogOptions.DEFAULTS.level().equals(config.settings().log().level());
    }
}
