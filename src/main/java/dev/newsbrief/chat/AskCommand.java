package dev.newsbrief.chat;

/** /ask and plain text: answers a question with a briefing. */
final class AskCommand implements Command {
    private final NewsDesk desk;
    private final BriefingReplies replies;
    private final int maxTopicLength;

    AskCommand(NewsDesk desk, BriefingReplies replies, int maxTopicLength) {
        this.desk = desk;
        this.replies = replies;
        this.maxTopicLength = maxTopicLength;
    }

    @Override
    public String name() {
        return "ask";
    }

    @Override
    public String description() {
        return "Ask a news question, e.g. /ask oil output opec";
    }

    @Override
    public Reply handle(IncomingMessage message, String args) {
        if (args.isBlank()) {
            return Reply.text("What would you like to know? For example: /ask oil output opec");
        }
        BriefingView briefing = desk.ask(args);
        String topic = briefing.subscribeTopic().orElse(args.length() <= maxTopicLength ? args : null);
        return Reply.of(replies.message(message.chatId(), briefing, topic));
    }
}
