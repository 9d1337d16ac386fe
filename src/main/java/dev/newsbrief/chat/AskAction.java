package dev.newsbrief.chat;

import dev.newsbrief.store.CallbackState;

/** An example-question button from /start: asks it. */
final class AskAction implements ButtonAction {
    private final AskCommand ask;

    AskAction(AskCommand ask) {
        this.ask = ask;
    }

    @Override
    public ButtonKind kind() {
        return ButtonKind.ASK;
    }

    @Override
    public Reply press(ButtonPress press, CallbackState state) {
        IncomingMessage asked = new IncomingMessage(press.chatId(), press.chatKind(), null, press.userId(),
                press.admin(), state.payload(), press.language());
        return ask.handle(asked, state.payload());
    }
}
