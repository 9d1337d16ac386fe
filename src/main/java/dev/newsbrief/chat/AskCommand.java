package dev.newsbrief.chat;

import dev.newsbrief.lang.Messages;
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
    public Reply handle(IncomingMessage message, String args) {
        if (args.isBlank()) {
            return Reply.text(Messages.of(message.language()).get("ask.empty"));
        }
        BriefingView briefing = desk.ask(args, message.language());
        String topic = briefing.subscribeTopic().orElse(args.length() <= maxTopicLength ? args : null);
        return Reply.of(replies.message(message.chatId(), briefing, topic, message.language()));
    }
}
