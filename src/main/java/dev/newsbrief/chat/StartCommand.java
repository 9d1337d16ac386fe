package dev.newsbrief.chat;

import dev.newsbrief.lang.Messages;
import java.util.List;

/** /start: a welcome and three example questions as buttons. */
final class StartCommand implements Command {
    private final Buttons buttons;
    private final List<String> examples;

    StartCommand(Buttons buttons, List<String> examples) {
        this.buttons = buttons;
        this.examples = examples.stream().limit(3).toList();
    }

    @Override
    public String name() {
        return "start";
    }


    @Override
    public Reply handle(IncomingMessage message, String args) {
        List<List<Button>> rows = examples.stream()
                .map(q -> List.of(buttons.ask(message.chatId(), q)))
                .toList();
        Messages m = Messages.of(message.language());
        Content text = new Content.Text(m.get("start.title"), List.of(m.get("start.intro"), m.get("start.follow"),
                m.get("start.try")));
        return Reply.of(new OutgoingMessage(text, rows));
    }
}
