package dev.newsbrief.terminal;

import dev.newsbrief.chat.Button;
import dev.newsbrief.chat.ButtonPress;
import dev.newsbrief.chat.ChatHandler;
import dev.newsbrief.chat.ChatKind;
import dev.newsbrief.chat.Content;
import dev.newsbrief.chat.IncomingMessage;
import dev.newsbrief.chat.OutgoingMessage;
import dev.newsbrief.chat.Reply;
import java.io.Console;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A chat in the terminal driving the same {@link ChatHandler} as the bot. Commands and plain
 * text behave as in Telegram; a reply's buttons are listed as numbered choices that the user
 * picks by typing the number (or {@code /more} for "More").
 */
public final class TerminalChat {
    private static final long TERMINAL_USER = 0;

    private final ChatHandler handler;
    private final long chatId;
    private final PrintWriter out;
    private List<Button> choices = List.of();

    public TerminalChat(ChatHandler handler, long chatId, PrintWriter out) {
        this.handler = handler;
        this.chatId = chatId;
        this.out = out;
    }

    /** JLine when a person is at a terminal, else plain line reading (pipes, files). */
    public static LineSource lineSource(InputStream stdin) {
        return isInteractive() ? JLineSource.open() : new StreamLineSource(stdin);
    }

    private static boolean isInteractive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22+ returns a console for redirected streams too; isTerminal() tells them apart
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** Reads and answers lines until end of input or /quit. */
    public void run(LineSource in) {
        while (true) {
            String line = in.readLine("you> ");
            if (line == null) {
                break;
            }
            String text = line.strip();
            if (text.isEmpty()) {
                continue;
            }
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.equals("/quit") || lower.equals("/exit")) {
                break;
            }
            render(answer(text));
            out.flush();
        }
        out.flush();
    }

    /** One line in, one reply out; exposed for tests. */
    Reply answer(String text) {
        Button chosen = chosenButton(text);
        if (chosen != null) {
            return handler.onButton(new ButtonPress(chatId, ChatKind.TERMINAL, TERMINAL_USER, true, chosen.token()));
        }
        return handler.onMessage(new IncomingMessage(chatId, ChatKind.TERMINAL, null, TERMINAL_USER, true, text));
    }

    private Button chosenButton(String text) {
        if (text.matches("\\d{1,2}")) {
            int n = Integer.parseInt(text);
            return n >= 1 && n <= choices.size() ? choices.get(n - 1) : null;
        }
        if (text.equalsIgnoreCase("/more")) {
            return choices.stream().filter(b -> b.label().equals("More")).findFirst().orElse(null);
        }
        return null;
    }

    private void render(Reply reply) {
        List<Button> shown = new ArrayList<>();
        if (reply.notice() != null && reply.messages().isEmpty()) {
            out.println(reply.notice());
        }
        for (OutgoingMessage m : reply.messages()) {
            out.println(plain(m.content()));
            for (Button b : m.allButtons()) {
                shown.add(b);
                out.println("  [" + shown.size() + "] " + b.label());
            }
            out.println();
        }
        if (!shown.isEmpty()) {
            out.println("(type a number to choose" + (shown.stream().anyMatch(b -> b.label().equals("More"))
                    ? ", or /more)" : ")"));
        }
        if (!reply.messages().isEmpty()) {
            choices = shown;
        }
    }

    /** Content as terminal text: briefings and alerts by their plain-text renderers, links written out. */
    static String plain(Content content) {
        return switch (content) {
            case Content.Brief brief -> new PlainTextBriefingFormatter(brief.briefing().zone(),
                    brief.briefing().language())
                    .format(brief.briefing().briefing())
                    + (brief.briefing().notice() == null ? "" : "\n\n" + brief.briefing().notice());
            case Content.Alert alert -> AlertText.plain(alert.message());
            case Content.Text text -> {
                StringBuilder sb = new StringBuilder();
                if (text.title() != null && !text.title().isBlank()) {
                    sb.append(text.title()).append('\n');
                }
                sb.append(String.join("\n\n", text.paragraphs()));
                yield sb.toString().strip();
            }
        };
    }
}
