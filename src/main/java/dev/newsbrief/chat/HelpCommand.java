package dev.newsbrief.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** /help: every command the user may run, one line each. */
final class HelpCommand implements Command {
    private final Supplier<List<Command>> commands;

    HelpCommand(Supplier<List<Command>> commands) {
        this.commands = commands;
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String description() {
        return "What I can do";
    }

    @Override
    public Reply handle(IncomingMessage message, String args) {
        List<String> lines = new ArrayList<>();
        lines.add("Send me a question, or use a command:");
        StringBuilder list = new StringBuilder();
        for (Command c : commands.get()) {
            if (!c.adminOnly() || message.admin()) {
                if (!list.isEmpty()) {
                    list.append('\n');
                }
                list.append('/').append(c.name()).append(" — ").append(c.description());
            }
        }
        lines.add(list.toString());
        if (message.chatKind().isGroup()) {
            lines.add("In groups, mention me or reply to one of my messages to ask a question.");
        }
        return Reply.of(new OutgoingMessage(new Content.Text("newsbrief help", lines), List.of()));
    }
}
