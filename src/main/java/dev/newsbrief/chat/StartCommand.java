package dev.newsbrief.chat;

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
    public String description() {
        return "Welcome and example questions";
    }

    @Override
    public Reply handle(IncomingMessage message, String args) {
        List<List<Button>> rows = examples.stream()
                .map(q -> List.of(buttons.ask(message.chatId(), q)))
                .toList();
        Content text = new Content.Text("Welcome to newsbrief!", List.of(
                "Ask me about the news and I answer with a short briefing that cites its sources.",
                "Follow a topic with /subscribe and I tell you when new articles arrive. /help lists everything.",
                "Try one of these:"));
        return Reply.of(new OutgoingMessage(text, rows));
    }
}
