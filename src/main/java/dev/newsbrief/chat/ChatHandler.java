package dev.newsbrief.chat;

import dev.newsbrief.lang.Languages;
import dev.newsbrief.lang.Messages;
import dev.newsbrief.store.ChatStore;
import dev.newsbrief.store.CallbackState;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one conversation handler. It routes a message to its {@link Command} (plain text is a
 * question) and a button press to its {@link ButtonAction}, and turns any failure into a short
 * apology with an error id, logged once with the chat id and command. Thread-safe: it keeps no
 * per-conversation state in memory.
 */
public final class ChatHandler {
    private static final Logger log = LoggerFactory.getLogger(ChatHandler.class);
    private static final String QUESTION = "ask";

    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final Map<ButtonKind, ButtonAction> actions = new LinkedHashMap<>();
    private final ChatServices services;
    private final ChatSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ChatHandler(ChatServices services, ChatSettings settings, Clock clock) {
        this.services = services;
        this.settings = settings;
        this.clock = clock;
        Buttons buttons = new Buttons(services.callbacks());
        BriefingReplies replies = new BriefingReplies(buttons);
        Subscriptions subscriptions = new Subscriptions(services.chats(), services.subscriptions(),
                settings.maxTopicLength(), services.alerts());
        AskCommand ask = new AskCommand(services.desk(), replies, settings.maxTopicLength());
        register(new StartCommand(buttons, settings.exampleQuestions()));
        register(new HelpCommand(() -> List.copyOf(commands.values())));
        register(ask);
        register(new LatestCommand(services.desk(), replies));
        register(new SubscribeCommand(subscriptions));
        register(new UnsubscribeCommand(subscriptions, services.subscriptions(), buttons));
        register(new SubscriptionsCommand(services.subscriptions(), buttons, services.alerts()));
        register(new DigestCommand(services.chats(), services.alerts()));
        register(new LanguageCommand(services.chats()));
        register(new StopCommand(services.chats(), services.alerts()));
        register(new StatsCommand(services.articles(), services.chats(), services.subscriptions(),
                services.statsReport()));
        register(new IngestCommand(services.ingestor()));
        for (ButtonAction a : List.of(new MoreAction(services.desk(), replies), new SubscribeAction(subscriptions),
                new UnsubscribeAction(subscriptions), new AskAction(ask),
                new AlertMoreAction(services.alertPages(), new AlertReplies(buttons)))) {
            actions.put(a.kind(), a);
        }
    }

    private void register(Command command) {
        commands.put(command.name(), command);
    }

    /** The commands everyone may use, for a front end's menu (Telegram's setMyCommands), in English. */
    public List<CommandInfo> publicCommands() {
        return publicCommands("en");
    }

    /** {@link #publicCommands()} described in {@code language} (English when the bot does not speak it). */
    public List<CommandInfo> publicCommands(String language) {
        Messages messages = Messages.of(language);
        List<CommandInfo> out = new ArrayList<>();
        for (Command c : commands.values()) {
            if (!c.adminOnly()) {
                out.add(new CommandInfo(c.name(), c.description(messages)));
            }
        }
        return out;
    }

    /** The language a chat is answered in: the one /language chose, else its user's, else English. */
    private String answerLanguage(long chatId, String userLanguage) {
        ChatStore.Languages stored = services.chats().languages(chatId);
        return Messages.chatLanguage(stored.chosen(), userLanguage != null ? userLanguage : stored.user());
    }

    /** Answers a message addressed to the bot. Never throws. */
    public Reply onMessage(IncomingMessage incoming) {
        String userLanguage = incoming.language();
        IncomingMessage message;
        try {
            message = incoming.answeredIn(answerLanguage(incoming.chatId(), userLanguage));
        } catch (RuntimeException e) {
            return apology(incoming.chatId(), "language", e, Messages.english());
        }
        Messages m = Messages.of(message.language());
        String text = message.text().strip();
        String name = QUESTION;
        String args = text;
        if (text.startsWith("/")) {
            int space = indexOfWhitespace(text);
            String word = space < 0 ? text.substring(1) : text.substring(1, space);
            int at = word.indexOf('@');
            name = (at < 0 ? word : word.substring(0, at)).toLowerCase(Locale.ROOT);
            args = space < 0 ? "" : text.substring(space).strip();
        }
        String commandName = name;
        try {
            Command command = commands.get(commandName);
            if (command == null) {
                return Reply.text(m.get("chat.unknown-command", commandName));
            }
            if (command.adminOnly() && !message.admin()) {
                return Reply.text(m.get("chat.admin-only", commandName));
            }
            if (!command.name().equals("stop")) {
                services.chats().touch(message.chatId(), message.chatKind().storeName(), message.chatTitle(),
                        Languages.fromTag(userLanguage));
            }
            return command.handle(message, args);
        } catch (RuntimeException e) {
            return apology(message.chatId(), "/" + commandName, e, m);
        }
    }

    /** Answers a button press; a stale or unknown button gets a polite notice. Never throws. */
    public Reply onButton(ButtonPress pressed) {
        String kind = "button";
        Messages m = Messages.english();
        try {
            ButtonPress press = pressed.answeredIn(answerLanguage(pressed.chatId(), pressed.language()));
            m = Messages.of(press.language());
            Optional<CallbackState> state = services.callbacks().find(press.token());
            if (state.isEmpty() || state.get().chatId() != press.chatId() || expired(state.get())) {
                return Reply.none().withNotice(m.get("button.expired"));
            }
            kind = "button:" + state.get().kind();
            Optional<ButtonKind> buttonKind = ButtonKind.fromStoreName(state.get().kind());
            if (buttonKind.isEmpty() || !actions.containsKey(buttonKind.get())) {
                return Reply.none().withNotice(m.get("button.broken"));
            }
            return actions.get(buttonKind.get()).press(press, state.get());
        } catch (RuntimeException e) {
            Reply sorry = apology(pressed.chatId(), kind, e, m);
            return sorry.withNotice(m.get("chat.error-notice"));
        }
    }

    /** Results for an inline query; empty on blank input or failure. Never throws. */
    public List<InlineAnswer> onInlineQuery(long userId, String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        try {
            return services.desk().inline(query, settings.inlineResults()).stream()
                    .limit(settings.inlineResults())
                    .toList();
        } catch (RuntimeException e) {
            log.error("inline query failed: error {} user {}", errorId(), userId, e);
            return List.of();
        }
    }

    /** A group became a supergroup: its subscriptions follow the new id. */
    public void onChatMigrated(long oldChatId, long newChatId) {
        services.chats().migrate(oldChatId, newChatId);
    }

    /** The bot was removed from, or blocked in, the chat: send it nothing more. */
    public void onChatGone(long chatId) {
        services.chats().deactivate(chatId);
    }

    /** Deletes button state older than the button lifetime; returns how many went. */
    public int forgetExpiredButtons() {
        return services.callbacks().deleteOlderThan(Instant.now(clock).minus(settings.buttonTtl()));
    }

    private boolean expired(CallbackState state) {
        return state.createdAt().plus(settings.buttonTtl()).isBefore(Instant.now(clock));
    }

    private Reply apology(long chatId, String command, RuntimeException e, Messages m) {
        String id = errorId();
        log.error("handler failed: error {} chat {} command {}", id, chatId, command, e);
        return Reply.text(m.get("chat.error", id));
    }

    private String errorId() {
        byte[] b = new byte[4];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
