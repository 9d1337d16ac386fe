package dev.newsbrief.telegram;

import dev.newsbrief.chat.ButtonPress;
import dev.newsbrief.chat.ChatHandler;
import dev.newsbrief.chat.ChatKind;
import dev.newsbrief.chat.IncomingMessage;
import dev.newsbrief.chat.InlineAnswer;
import dev.newsbrief.chat.OutgoingMessage;
import dev.newsbrief.chat.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.AnswerInlineQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.inlinequery.InlineQuery;
import org.telegram.telegrambots.meta.api.objects.inlinequery.inputmessagecontent.InputTextMessageContent;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResult;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResultArticle;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Turns one Telegram update into calls on the {@link ChatHandler} and sends the replies through
 * the {@link OutboundSender}: messages, button presses (each acknowledged with
 * answerCallbackQuery), inline queries, group migrations and the bot's own membership changes.
 *
 * <p>{@link #accept} returns only once the update's replies were accepted by Telegram or finally
 * failed (or {@code replyWait} passed): the caller marks the update done after it returns, and a
 * reply still queued when the process dies would otherwise be lost with the update confirmed.
 */
final class UpdateRouter implements Consumer<Update> {
    private static final Logger log = LoggerFactory.getLogger(UpdateRouter.class);
    private static final int MAX_TOAST = 190;

    private final ChatHandler handler;
    private final OutboundSender sender;
    private final Addressing addressing;
    private final long botId;
    private final Set<Long> admins;
    private final MeterRegistry metrics;
    private final Duration replyWait;

    UpdateRouter(ChatHandler handler, OutboundSender sender, long botId, String botUsername, Set<Long> admins,
            Duration replyWait) {
        this(handler, sender, botId, botUsername, admins, replyWait, new CompositeMeterRegistry());
    }

    /** @param replyWait longest wait for an update's replies to settle before it is counted handled anyway */
    UpdateRouter(ChatHandler handler, OutboundSender sender, long botId, String botUsername, Set<Long> admins,
            Duration replyWait, MeterRegistry metrics) {
        this.metrics = metrics;
        this.replyWait = replyWait;
        this.handler = handler;
        this.sender = sender;
        this.addressing = new Addressing(botUsername);
        this.botId = botId;
        this.admins = admins;
    }

    /** The ordering lane of an update: its chat, else its user. */
    static long laneOf(Update u) {
        if (u.hasMessage()) {
            return u.getMessage().getChatId();
        }
        if (u.hasCallbackQuery()) {
            CallbackQuery q = u.getCallbackQuery();
            return q.getMessage() != null ? q.getMessage().getChatId() : q.getFrom().getId();
        }
        if (u.hasInlineQuery()) {
            return u.getInlineQuery().getFrom().getId();
        }
        if (u.getMyChatMember() != null) {
            return u.getMyChatMember().getChat().getId();
        }
        return 0;
    }

    /**
     * Handles one update with its chat id and command in the logging context (MDC keys
     * {@code chat_id}, {@code command}), counts it by type, and logs one line for it; the
     * message text itself is never logged. Returns after the replies settled (see the class comment).
     */
    @Override
    public void accept(Update u) {
        String type = typeOf(u);
        long started = System.nanoTime();
        MDC.put("chat_id", String.valueOf(laneOf(u)));
        MDC.put("command", commandOf(u, type));
        try {
            List<CompletableFuture<SendOutcome>> replies = new ArrayList<>();
            route(u, replies);
            awaitReplies(u, replies);
            log.info("handled {} in {} ms", type, (System.nanoTime() - started) / 1_000_000);
        } finally {
            metrics.counter("newsbrief.telegram.updates", "type", type).increment();
            MDC.remove("chat_id");
            MDC.remove("command");
        }
    }

    private void awaitReplies(Update u, List<CompletableFuture<SendOutcome>> replies) {
        if (replies.isEmpty()) {
            return;
        }
        try {
            CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new))
                    .get(replyWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            log.warn("replies to update {} not settled after {}; counting it handled, they stay queued",
                    u.getUpdateId(), replyWait);
        } catch (ExecutionException e) {
            // the sender completes its futures with outcomes, never exceptionally; kept for safety
            log.warn("replies to update {} failed: {}", u.getUpdateId(), e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            // shutdown gave up waiting; the sender's drain still tries to send what is queued
            Thread.currentThread().interrupt();
        }
    }

    /** message (plain text), command (/...), callback, inline, member, or other. */
    static String typeOf(Update u) {
        if (u.hasMessage()) {
            String text = u.getMessage().getText();
            return text != null && text.startsWith("/") ? "command" : "message";
        }
        if (u.hasCallbackQuery()) {
            return "callback";
        }
        if (u.hasInlineQuery()) {
            return "inline";
        }
        return u.getMyChatMember() != null ? "member" : "other";
    }

    /** The command name for the log: {@code /ask@bot tea} gives {@code ask}; plain text is a question. */
    static String commandOf(Update u, String type) {
        return switch (type) {
            case "command" -> {
                String first = u.getMessage().getText().substring(1).split("[\\s@]", 2)[0];
                yield first.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "");
            }
            case "message" -> "ask";
            case "callback" -> "button";
            default -> type;
        };
    }

    private void route(Update u, List<CompletableFuture<SendOutcome>> replies) {
        if (u.hasMessage()) {
            onMessage(u.getMessage(), replies);
        } else if (u.hasCallbackQuery()) {
            onCallback(u.getCallbackQuery(), replies);
        } else if (u.hasInlineQuery()) {
            onInline(u.getInlineQuery(), replies);
        } else if (u.getMyChatMember() != null) {
            onMembership(u.getMyChatMember());
        }
    }

    private void onMessage(Message m, List<CompletableFuture<SendOutcome>> replies) {
        if (m.getMigrateToChatId() != null) {
            handler.onChatMigrated(m.getChatId(), m.getMigrateToChatId());
            log.info("chat {} migrated to supergroup {}", m.getChatId(), m.getMigrateToChatId());
            return;
        }
        if (m.getMigrateFromChatId() != null) {
            handler.onChatMigrated(m.getMigrateFromChatId(), m.getChatId());
            return;
        }
        ChatKind kind = kindOf(m.getChat());
        boolean replyToBot = m.getReplyToMessage() != null && m.getReplyToMessage().getFrom() != null
                && m.getReplyToMessage().getFrom().getId() == botId;
        Optional<String> text = addressing.forBot(m.getText(), kind.isGroup(), replyToBot);
        if (text.isEmpty() || m.getFrom() == null) {
            return;
        }
        long userId = m.getFrom().getId();
        if (!text.get().startsWith("/")) {
            sender.call(SendChatAction.builder().chatId(m.getChatId()).action("typing").build());
        }
        IncomingMessage incoming = new IncomingMessage(m.getChatId(), kind, m.getChat().getTitle(), userId,
                admins.contains(userId), text.get(), m.getFrom().getLanguageCode());
        send(m.getChatId(), handler.onMessage(incoming), replies);
    }

    private void onCallback(CallbackQuery q, List<CompletableFuture<SendOutcome>> replies) {
        if (q.getMessage() == null) {
            replies.add(answer(q, "Sorry, this button has expired. Please ask again."));
            return;
        }
        long chatId = q.getMessage().getChatId();
        long userId = q.getFrom().getId();
        Reply reply = handler.onButton(new ButtonPress(chatId, kindOf(q.getMessage().getChat()), userId,
                admins.contains(userId), q.getData(), q.getFrom().getLanguageCode()));
        replies.add(answer(q, reply.notice()));
        send(chatId, reply, replies);
    }

    private CompletableFuture<SendOutcome> answer(CallbackQuery q, String notice) {
        AnswerCallbackQuery.AnswerCallbackQueryBuilder<?, ?> b = AnswerCallbackQuery.builder().callbackQueryId(q.getId());
        if (notice != null && !notice.isBlank()) {
            b.text(notice.length() > MAX_TOAST ? notice.substring(0, MAX_TOAST - 1) + "…" : notice);
        }
        return sender.call(b.build());
    }

    private void onInline(InlineQuery q, List<CompletableFuture<SendOutcome>> replies) {
        List<InlineAnswer> answers = handler.onInlineQuery(q.getFrom().getId(), q.getQuery());
        List<InlineQueryResult> results = answers.stream().limit(10).map(UpdateRouter::inlineResult).toList();
        replies.add(sender.call(AnswerInlineQuery.builder().inlineQueryId(q.getId()).results(results).cacheTime(60).build()));
    }

    private static InlineQueryResult inlineResult(InlineAnswer a) {
        String html = new TelegramBriefingFormatter(a.briefing().zone(), a.briefing().language()).format(a.briefing().briefing());
        return InlineQueryResultArticle.builder()
                .id(a.id())
                .title(a.title())
                .description(a.description())
                .inputMessageContent(InputTextMessageContent.builder()
                        .messageText(html.isBlank() ? TelegramHtml.escape(a.title()) : html)
                        .parseMode("HTML")
                        .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                        .build())
                .build();
    }

    private void onMembership(ChatMemberUpdated change) {
        String status = change.getNewChatMember() == null ? "" : change.getNewChatMember().getStatus();
        if ("kicked".equals(status) || "left".equals(status)) {
            handler.onChatGone(change.getChat().getId());
            log.info("bot removed from chat {} ({}); marked inactive", change.getChat().getId(), status);
        }
    }

    private void send(long chatId, Reply reply, List<CompletableFuture<SendOutcome>> replies) {
        for (OutgoingMessage m : reply.messages()) {
            replies.add(sender.send(chatId, m));
        }
    }

    static ChatKind kindOf(Chat chat) {
        if (chat == null || chat.getType() == null) {
            return ChatKind.PRIVATE;
        }
        return switch (chat.getType().toLowerCase(Locale.ROOT)) {
            case "group" -> ChatKind.GROUP;
            case "supergroup" -> ChatKind.SUPERGROUP;
            case "channel" -> ChatKind.CHANNEL;
            default -> ChatKind.PRIVATE;
        };
    }
}
