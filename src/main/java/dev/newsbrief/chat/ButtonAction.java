package dev.newsbrief.chat;

import dev.newsbrief.store.CallbackState;

/** What pressing one kind of inline button does. */
public interface ButtonAction {
    ButtonKind kind();

    Reply press(ButtonPress press, CallbackState state);
}
