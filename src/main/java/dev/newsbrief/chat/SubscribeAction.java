package dev.newsbrief.chat;

import dev.newsbrief.lang.Messages;
import dev.newsbrief.store.CallbackState;

/** "Subscribe to ‘topic’". */
final class SubscribeAction implements ButtonAction {
    private final Subscriptions subscriptions;

    SubscribeAction(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public ButtonKind kind() {
        return ButtonKind.SUBSCRIBE;
    }

    @Override
    public Reply press(ButtonPress press, CallbackState state) {
        String result = Messages.of(press.language()).get(
                subscriptions.subscribe(press.chatId(), press.chatKind(), state.payload()));
        return Reply.text(result).withNotice(result);
    }
}
