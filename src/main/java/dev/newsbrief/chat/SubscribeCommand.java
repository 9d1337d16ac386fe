package dev.newsbrief.chat;

/** /subscribe &lt;topic&gt;: follow a topic. */
final class SubscribeCommand implements Command {
    private final Subscriptions subscriptions;

    SubscribeCommand(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public String name() {
        return "subscribe";
    }

    @Override
    public String description() {
        return "Follow a topic, e.g. /subscribe \"North Korea\" Russia -sports (alerts need all its words)";
    }

    @Override
    public Reply handle(IncomingMessage message, String args) {
        return Reply.text(subscriptions.subscribe(message.chatId(), message.chatKind(), args));
    }
}
