package dev.newsbrief.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.newsbrief.store.ChatStore;
import dev.newsbrief.store.Database;
import dev.newsbrief.terminal.PlainTextBriefingFormatter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bot answers in the chat's language: the user's Telegram language, or the one /language chose. */
class ChatLanguageTest {
    private static final long CHAT = 12;

    @TempDir
    Path dir;

    private Database db;
    private ChatHandler handler;

    @BeforeEach
    void setUp() {
        db = Database.open(dir.resolve("t.db"));
        ListNewsDesk desk = new ListNewsDesk(List.of(
                new ListNewsDesk.Item("1", "Ölförderung steigt", "Die OPEC erhöhte die Ölförderung.", null),
                new ListNewsDesk.Item("2", "أسعار النفط", "ارتفعت أسعار النفط اليوم.", null)));
        ChatSettings s = new ChatSettings(List.of("q1", "q2", "q3"), Duration.ofHours(1), 50, 10, Set.of(42L));
        handler = new ChatHandler(ChatServices.over(db, desk), s, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Reply say(String text, String telegramLanguage) {
        return handler.onMessage(new IncomingMessage(CHAT, ChatKind.PRIVATE, null, 7, false, text, telegramLanguage));
    }

    private static String text(Reply r) {
        return r.messages().stream().map(m -> switch (m.content()) {
            case Content.Text t -> (t.title() == null ? "" : t.title() + "\n") + String.join("\n", t.paragraphs());
            case Content.Brief b -> new PlainTextBriefingFormatter(b.briefing().zone(), b.briefing().language())
                    .format(b.briefing().briefing());
            case Content.Alert a -> dev.newsbrief.terminal.AlertText.plain(a.message());
        }).reduce("", (a, b) -> a + b);
    }

    @Test
    void repliesFollowTheUsersTelegramLanguage() {
        assertThat(text(say("/start", "de"))).startsWith("Willkommen bei newsbrief!");
        assertThat(text(say("/help", "ru"))).contains("Пришлите вопрос").contains("/language");
        assertThat(text(say("/subscriptions", "pt-BR"))).contains("Você ainda não segue nenhum tema");
        assertThat(text(say("/start", "ja"))).startsWith("Welcome to newsbrief!");
        assertThat(text(say("/nonsense", "es"))).isEqualTo("No conozco /nonsense. /help muestra lo que puedo hacer.");
    }

    @Test
    void theLastTelegramLanguageIsRememberedForTheChat() {
        say("/start", "es");
        assertThat(new ChatStore(db).languages(CHAT).user()).isEqualTo("es");
        // a message without a language (a channel post, the terminal) keeps the chat's
        assertThat(text(say("/subscriptions", null))).contains("Aún no sigues ningún tema");
    }

    @Test
    void languageChoosesOneAndAutoGoesBackToTelegrams() {
        assertThat(text(say("/language", "de"))).contains("Ich antworte auf Deutsch").contains("ru (русский)");
        assertThat(text(say("/language es", "de"))).isEqualTo("A partir de ahora respondo en español.");
        assertThat(text(say("/start", "de"))).startsWith("¡Bienvenido a newsbrief!");
        assertThat(text(say("/language klingon", "de"))).startsWith("Todavía no hablo «klingon»");
        assertThat(text(say("/language auto", "de"))).startsWith("Ab jetzt antworte ich in deiner Telegram-Sprache");
        assertThat(text(say("/start", "de"))).startsWith("Willkommen bei newsbrief!");
    }

    @Test
    void buttonsAndBriefingsAreInTheChatsLanguage() {
        Reply r = say("Ölförderung", "de");
        List<String> labels = r.messages().get(0).allButtons().stream().map(Button::label).toList();
        assertThat(labels).anySatisfy(l -> assertThat(l).startsWith("‚Ölförderung‘ abonnieren"));
        Reply nothing = say("Weltraumbahnhof", "de");
        assertThat(text(nothing)).contains("Ich habe nichts über „Weltraumbahnhof“ gefunden.");
    }

    @Test
    void mixedScriptAndRightToLeftQuestionsGetAnAnswerInTheChatsLanguage() {
        for (String q : new String[] {"أسعار النفط", "\u202Eأسعار\u202C OPEC", "Putin Путин 普京 بوتين", "שלום", "💥"}) {
            assertThatCode(() -> say(q, "ar")).as(q).doesNotThrowAnyException();
            String reply = text(say(q, "ru"));
            assertThat(reply).as(q).isNotBlank().doesNotContain("Exception");
        }
    }
}
