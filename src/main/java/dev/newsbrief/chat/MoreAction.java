package dev.newsbrief.chat;

import dev.newsbrief.lang.Messages;
import dev.newsbrief.store.CallbackState;

/** "More": the next items of an earlier briefing, without repeats. */
final class MoreAction implements ButtonAction {
    private final NewsDesk desk;
    private final BriefingReplies replies;

    MoreAction(NewsDesk desk, BriefingReplies replies) {
        this.desk = desk;
        this.replies = replies;
    }

    @Override
    public ButtonKind kind() {
        return ButtonKind.MORE;
    }

    @Override
    public Reply press(ButtonPress press, CallbackState state) {
        return desk.more(state.payload(), press.language())
                .map(b -> Reply.of(replies.message(press.chatId(), b, null, press.language())))
                .orElseGet(() -> Reply.none().withNotice(Messages.of(press.language()).get("more.none")));
    }
}
