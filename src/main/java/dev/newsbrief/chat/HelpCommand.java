package dev.newsbrief.chat;

import dev.newsbrief.lang.Messages;
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
    public Reply handle(IncomingMessage message, String args) {
        Messages m = Messages.of(message.language());
        List<String> lines = new ArrayList<>();
        lines.add(m.get("help.intro"));
        StringBuilder list = new StringBuilder();
        for (Command c : commands.get()) {
            if (!c.adminOnly() || message.admin()) {
                if (!list.isEmpty()) {
                    list.append('\n');
                }
                list.append('/').append(c.name()).append(" — ").append(c.description(m));
            }
        }
        lines.add(list.toString());
        if (message.chatKind().isGroup()) {
            lines.add(m.get("help.groups"));
        }
        return Reply.of(new OutgoingMessage(new Content.Text(m.get("help.title"), lines), List.of()));
    }
}
