package dev.newsbrief.chat;

import dev.newsbrief.lang.Languages;
import dev.newsbrief.lang.Messages;
import dev.newsbrief.store.ChatStore;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code /language}: shows the language the chat is answered in, {@code /language de} chooses one
 * of the languages the bot speaks, {@code /language auto} follows the users' Telegram language
 * again. Question search is not limited by it: it is the reader's language, a prior for questions.
 */
final class LanguageCommand implements Command {
    private final ChatStore chats;

    LanguageCommand(ChatStore chats) {
        this.chats = chats;
    }

    @Override
    public String name() {
        return "language";
    }

    @Override
    public Reply handle(IncomingMessage message, String args) {
        Messages m = Messages.of(message.language());
        String choices = Messages.LANGUAGES.stream().map(code -> code + " (" + nameOf(code) + ")")
                .collect(Collectors.joining(", "));
        String wanted = args.strip().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return Reply.text(m.get("language.current", nameOf(m.language())), m.get("language.available", choices));
        }
        if (wanted.equals("auto")) {
            chats.chooseLanguage(message.chatId(), null);
            String follows = Messages.chatLanguage(null, chats.languages(message.chatId()).user());
            return Reply.text(Messages.of(follows).get("language.auto", nameOf(follows)));
        }
        if (!Messages.speaks(wanted)) {
            return Reply.text(m.get("language.unknown", args.strip(), choices));
        }
        String code = Languages.fromTag(wanted);
        chats.chooseLanguage(message.chatId(), code);
        return Reply.text(Messages.of(code).get("language.set", nameOf(code)));
    }

    /** The language's own name for itself: "Deutsch", "русский", "português". */
    private static String nameOf(String code) {
        Locale locale = Locale.forLanguageTag(code);
        return locale.getDisplayLanguage(locale);
    }
}
