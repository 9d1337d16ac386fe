package dev.newsbrief.chat;

import dev.newsbrief.lang.Messages;
import dev.newsbrief.alerts.AlertPages;
import dev.newsbrief.store.CallbackState;
import java.util.Optional;

/** "+N more" under an alert digest or bundle: the next articles of that batch. */
final class AlertMoreAction implements ButtonAction {
    private final Optional<AlertPages> pages;
    private final AlertReplies replies;

    AlertMoreAction(Optional<AlertPages> pages, AlertReplies replies) {
        this.pages = pages;
        this.replies = replies;
    }

    @Override
    public ButtonKind kind() {
        return ButtonKind.ALERT_MORE;
    }

    @Override
    public Reply press(ButtonPress press, CallbackState state) {
        Messages m = Messages.of(press.language());
        if (pages.isEmpty()) {
            return Reply.none().withNotice(m.get("button.gone"));
        }
        return pages.get().next(press.chatId(), state.payload())
                .map(page -> Reply.of(replies.message(page)))
                .orElseGet(() -> Reply.none().withNotice(m.get("alert-more.none")));
    }
}
