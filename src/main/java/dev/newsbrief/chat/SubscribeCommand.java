package dev.newsbrief.chat;

import dev.newsbrief.lang.Messages;
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
    public Reply handle(IncomingMessage message, String args) {
        return Reply.text(Messages.of(message.language()).get(
                subscriptions.subscribe(message.chatId(), message.chatKind(), args)));
    }
}
