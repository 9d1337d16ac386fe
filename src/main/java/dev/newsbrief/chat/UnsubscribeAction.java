package dev.newsbrief.chat;

import dev.newsbrief.lang.Messages;
import dev.newsbrief.store.CallbackState;

/** "Unsubscribe from ‘topic’". */
final class UnsubscribeAction implements ButtonAction {
    private final Subscriptions subscriptions;

    UnsubscribeAction(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public ButtonKind kind() {
        return ButtonKind.UNSUBSCRIBE;
    }

    @Override
    public Reply press(ButtonPress press, CallbackState state) {
        String result = Messages.of(press.language()).get(subscriptions.unsubscribe(press.chatId(), state.payload()));
        return Reply.text(result).withNotice(result);
    }
}
