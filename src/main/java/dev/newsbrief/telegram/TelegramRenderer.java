package dev.newsbrief.telegram;

import dev.newsbrief.brief.TelegramHtml;
import dev.newsbrief.chat.Button;
import dev.newsbrief.chat.Content;
import dev.newsbrief.chat.OutgoingMessage;
import java.util.List;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/** Renders chat-port messages as Telegram HTML and inline keyboards. */
final class TelegramRenderer {
    private TelegramRenderer() {}

    static String html(Content content) {
        return switch (content) {
            case Content.Brief brief -> brief.briefing().telegramHtml();
            case Content.Alert alert -> alert.telegramHtml();
            case Content.Text text -> {
                StringBuilder sb = new StringBuilder();
                if (text.title() != null && !text.title().isBlank()) {
                    sb.append("<b>").append(TelegramHtml.escape(text.title())).append("</b>");
                }
                for (String paragraph : text.paragraphs()) {
                    if (!sb.isEmpty()) {
                        sb.append("\n\n");
                    }
                    sb.append(TelegramHtml.escape(paragraph));
                }
                yield sb.toString();
            }
        };
    }

    /** The message's buttons as an inline keyboard, or null when it has none. */
    static InlineKeyboardMarkup keyboard(OutgoingMessage message) {
        if (message.buttons().isEmpty()) {
            return null;
        }
        List<InlineKeyboardRow> rows = message.buttons().stream()
                .map(row -> new InlineKeyboardRow(row.stream().map(TelegramRenderer::button).toList()))
                .toList();
        return new InlineKeyboardMarkup(rows);
    }

    private static InlineKeyboardButton button(Button b) {
        return InlineKeyboardButton.builder().text(b.label()).callbackData(b.token()).build();
    }
}
