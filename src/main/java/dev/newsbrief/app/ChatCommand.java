package dev.newsbrief.app;

import dev.newsbrief.chat.ChatHandler;
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
final class ChatCommand implements Callable<Integer> {
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
            LogSetup.quietForConversation(app.config());
            ChatHandler handler = ChatWiring.handler(app);
            if (banner) {
                out.println(BANNER);
                out.flush();
            }
            new TerminalChat(handler, app.config().number("chat.terminal-chat-id"), out).run(in);
            return 0;
        }
    }
}
