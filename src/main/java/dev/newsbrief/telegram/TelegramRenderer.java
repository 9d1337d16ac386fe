package dev.newsbrief.telegram;

import dev.newsbrief.chat.Button;
import dev.newsbrief.chat.Content;
import dev.newsbrief.chat.OutgoingMessage;
import java.util.ArrayList;
import java.util.List;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * Renders chat-port content as Telegram messages: HTML parts of at most 4096 characters each, cut
 * where the structure allows (between a text's paragraphs or a briefing's items), and inline keyboards.
 */
final class TelegramRenderer {
    private TelegramRenderer() {}

    /** The HTML of the messages {@code content} takes, in order (one for an alert, which alerts cut to fit). */
    static List<String> messages(Content content) {
        return switch (content) {
            // cut between the briefing's items when it is longer than a message
            case Content.Brief brief -> {
                List<String> blocks = new ArrayList<>(new TelegramBriefingFormatter(brief.briefing().zone(),
                        brief.briefing().language()).blocks(brief.briefing().briefing()));
                if (brief.briefing().notice() != null) {
                    blocks.add("<i>" + TelegramHtml.escape(brief.briefing().notice()) + "</i>");
                }
                yield TelegramHtml.pack(blocks, TelegramHtml.MAX_MESSAGE_CHARS);
            }
            // the alerts package cut it to what AlertHtml.fits allows
            case Content.Alert alert -> List.of(AlertHtml.render(alert.message()));
            case Content.Text text -> {
                List<String> blocks = new ArrayList<>();
                if (text.title() != null && !text.title().isBlank()) {
                    blocks.add("<b>" + TelegramHtml.escape(text.title()) + "</b>");
                }
                for (String paragraph : text.paragraphs()) {
                    blocks.add(TelegramHtml.escape(paragraph));
                }
                while (!blocks.isEmpty() && blocks.get(blocks.size() - 1).isEmpty()) {
                    blocks.remove(blocks.size() - 1);
                }
                yield TelegramHtml.pack(blocks, TelegramHtml.MAX_MESSAGE_CHARS);
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
