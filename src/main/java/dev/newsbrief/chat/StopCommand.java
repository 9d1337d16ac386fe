package dev.newsbrief.chat;

import dev.newsbrief.store.ChatStore;

/** /stop: forget this chat — its subscriptions, pending alerts and buttons. */
final class StopCommand implements Command {
    private final ChatStore chats;

    StopCommand(ChatStore chats) {
        this.chats = chats;
    }

    @Override
    public String name() {
        return "stop";
    }

    @Override
    public String description() {
        return "Forget me: delete this chat's subscriptions and data";
    }

    @Override
    public Reply handle(IncomingMessage message, String args) {
        chats.delete(message.chatId());
        return Reply.text("Done: I deleted this chat's subscriptions and everything I stored about it. "
                + "Send /start if you want to come back.");
    }
}
