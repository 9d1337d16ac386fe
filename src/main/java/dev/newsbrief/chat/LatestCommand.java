package dev.newsbrief.chat;

/** /latest [topic]: the newest articles, optionally on a topic. */
final class LatestCommand implements Command {
    private final NewsDesk desk;
    private final BriefingReplies replies;

    LatestCommand(NewsDesk desk, BriefingReplies replies) {
        this.desk = desk;
        this.replies = replies;
    }

    @Override
    public String name() {
        return "latest";
    }


    @Override
    public Reply handle(IncomingMessage message, String args) {
        BriefingView briefing = desk.latest(args, message.language());
        return Reply.of(replies.message(message.chatId(), briefing, args.isBlank() ? null : args,
                message.language()));
    }
}
