package dev.newsbrief.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.store.Database;
import dev.newsbrief.store.SubscriptionStore;
import dev.newsbrief.terminal.AlertText;
import dev.newsbrief.terminal.PlainTextBriefingFormatter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatHandlerTest {
    private static final long CHAT = 11;

    @TempDir
    Path dir;

    private Database db;
    private ListNewsDesk desk;
    private ChatHandler handler;

    @BeforeEach
    void setUp() {
        db = Database.open(dir.resolve("t.db"));
        desk = new ListNewsDesk(List.of(
                new ListNewsDesk.Item("1", "Oil output rises", "OPEC raised oil output.", null),
                new ListNewsDesk.Item("2", "Oil prices fall", "Brent oil fell.", null),
                new ListNewsDesk.Item("3", "Oil deal", "A big oil deal.", null)));
        handler = handlerWith(desk, Clock.systemUTC());
    }

    private ChatHandler handlerWith(NewsDesk d, Clock clock) {
        ChatSettings s = new ChatSettings(List.of("q1", "q2", "q3", "q4"), Duration.ofHours(1), 50, 10, Set.of(42L));
        return new ChatHandler(ChatServices.over(db, d), s, clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Reply say(String text) {
        return handler.onMessage(new IncomingMessage(CHAT, ChatKind.PRIVATE, null, 7, false, text));
    }

    private Reply press(Button b) {
        return handler.onButton(new ButtonPress(CHAT, ChatKind.PRIVATE, 7, false, b.token()));
    }

    private static Button button(Reply r, String prefix) {
        return r.messages().stream().flatMap(m -> m.allButtons().stream())
                .filter(b -> b.label().startsWith(prefix)).findFirst().orElseThrow();
    }

    private static String text(Reply r) {
        return r.messages().stream().map(m -> switch (m.content()) {
            case Content.Text t -> (t.title() == null ? "" : t.title() + "\n") + String.join("\n", t.paragraphs());
            case Content.Brief b -> new PlainTextBriefingFormatter(b.briefing().zone()).format(b.briefing().briefing());
            case Content.Alert a -> AlertText.plain(a.message());
        }).reduce("", (a, b) -> a + b);
    }

    @Test
    void startOffersThreeExampleQuestionsThatAskWhenPressed() {
        Reply start = say("/start");
        List<Button> buttons = start.messages().get(0).allButtons();
        assertThat(buttons).extracting(Button::label).containsExactly("q1", "q2", "q3");
        assertThat(buttons).allSatisfy(b -> assertThat(b.token().length()).isLessThanOrEqualTo(64));
        assertThat(press(buttons.get(0)).messages()).hasSize(1);
    }

    @Test
    void plainTextIsAQuestionWithMoreAndSubscribeButtons() {
        Reply answer = say("oil");
        assertThat(text(answer)).contains("Oil output rises").contains("Oil prices fall");
        Reply more = press(button(answer, "More"));
        assertThat(text(more)).contains("Oil deal").doesNotContain("Oil output rises");
        Reply sub = press(button(answer, "Subscribe to ‘oil’"));
        assertThat(sub.notice()).contains("Subscribed");
        assertThat(new SubscriptionStore(db).forChat(CHAT)).extracting(s -> s.topic()).containsExactly("oil");
        assertThat(say("/ask@newsbrief_bot oil").messages()).hasSize(1);
    }

    @Test
    void subscriptionsAreNormalisedListedAndRemovable() {
        assertThat(text(say("/subscribe Ukraine"))).contains("Subscribed to ‘Ukraine’");
        assertThat(text(say("/subscribe  ukraine "))).contains("already follow");
        assertThat(text(say("/subscribe"))).contains("Tell me the topic");
        assertThat(text(say("/subscribe " + "x".repeat(51)))).contains("too long");
        Reply list = say("/subscriptions");
        assertThat(text(list)).contains("Ukraine");
        Reply choose = say("/unsubscribe");
        assertThat(press(button(choose, "Unsubscribe from ‘Ukraine’")).notice()).contains("Unsubscribed");
        assertThat(text(say("/subscriptions"))).contains("don't follow any topics");
        assertThat(text(say("/unsubscribe nothing"))).contains("don't follow");
    }

    @Test
    void stopForgetsTheChat() {
        say("/subscribe oil");
        Reply stop = say("/stop");
        assertThat(text(stop)).contains("deleted");
        assertThat(new SubscriptionStore(db).forChat(CHAT)).isEmpty();
        assertThat(ChatServices.over(db, desk).chats().find(CHAT)).isEmpty();
    }

    @Test
    void staleForeignAndExpiredButtonsGetAPoliteNotice() {
        Reply answer = say("oil");
        Button more = button(answer, "More");
        assertThat(handler.onButton(new ButtonPress(CHAT, ChatKind.PRIVATE, 7, false, "bogus")).notice())
                .contains("expired");
        assertThat(handler.onButton(new ButtonPress(CHAT + 1, ChatKind.PRIVATE, 7, false, more.token())).notice())
                .contains("expired");
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofHours(2)), ZoneOffset.UTC);
        assertThat(handlerWith(desk, later).onButton(new ButtonPress(CHAT, ChatKind.PRIVATE, 7, false, more.token()))
                .notice()).contains("expired");
    }

    @Test
    void adminCommandsAreRefusedToOthersAndIngestSaysSourcesAreMissing() {
        assertThat(text(say("/stats"))).contains("only for the bot's admins");
        Reply stats = handler.onMessage(new IncomingMessage(CHAT, ChatKind.PRIVATE, null, 42, true, "/stats"));
        assertThat(text(stats)).contains("Articles: 0");
        Reply ingest = handler.onMessage(new IncomingMessage(CHAT, ChatKind.PRIVATE, null, 42, true,
                "/ingest https://example.com/feed"));
        assertThat(text(ingest)).contains("not configured");
        assertThat(handler.publicCommands()).extracting(CommandInfo::name).doesNotContain("stats", "ingest");
        assertThat(text(say("/frobnicate"))).contains("I don't know /frobnicate");
    }

    @Test
    void aFailingHandlerGivesAnApologyWithAnErrorIdAndNoTrace() {
        NewsDesk broken = new NewsDesk() {
            @Override
            public BriefingView ask(String question) {
                throw new IllegalStateException("index exploded at /secret/path");
            }

            @Override
            public Optional<BriefingView> more(String cursor) {
                throw new IllegalStateException("boom");
            }

            @Override
            public BriefingView latest(String topic) {
                throw new IllegalStateException("boom");
            }

            @Override
            public List<InlineAnswer> inline(String query, int limit) {
                throw new IllegalStateException("boom");
            }
        };
        ChatHandler h = handlerWith(broken, Clock.systemUTC());
        Reply r = h.onMessage(new IncomingMessage(CHAT, ChatKind.PRIVATE, null, 7, false, "oil"));
        assertThat(text(r)).matches("(?s)Sorry, something went wrong on my side \\(error [0-9a-f]{8}\\).*")
                .doesNotContain("exploded").doesNotContain("Exception");
        assertThat(h.onInlineQuery(7, "oil")).isEmpty();
    }

    @Test
    void migrationMovesSubscriptionsAndGoneChatsBecomeInactive() {
        handler.onMessage(new IncomingMessage(-5, ChatKind.GROUP, "G", 7, false, "/subscribe oil"));
        handler.onChatMigrated(-5, -1005);
        assertThat(new SubscriptionStore(db).forChat(-1005)).hasSize(1);
        handler.onChatGone(-1005);
        assertThat(ChatServices.over(db, desk).chats().isActive(-1005)).isFalse();
    }
}
