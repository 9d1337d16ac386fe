package dev.newsbrief.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbrief.chat.ChatHandler;
import dev.newsbrief.chat.ChatServices;
import dev.newsbrief.chat.ChatSettings;
import dev.newsbrief.chat.ListNewsDesk;
import dev.newsbrief.lang.Messages;
import dev.newsbrief.store.ChatStore;
import dev.newsbrief.store.Database;
import dev.newsbrief.store.SubscriptionStore;
import dev.newsbrief.store.UpdateOffsetStore;
import dev.newsbrief.telegram.fake.FakeBotApi.Call;
import dev.newsbrief.telegram.fake.FakeBotApi.Fault;
import dev.newsbrief.telegram.fake.FakeBotApi;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** End-to-end: the real TelegramBots client and our bot against the in-repo fake Bot API server. */
class TelegramBotIT {
    private static final String TOKEN = "123456:SECRET-test-token-xyz";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final long ALICE = 501;
    private static final long GROUP = -9001;

    @TempDir
    Path dir;

    private FakeBotApi api;
    private Database db;
    private TelegramBot bot;
    private ListAppender<ILoggingEvent> logs;
    private ListNewsDesk desk;

    @BeforeEach
    void setUp() throws Exception {
        api = new FakeBotApi(TOKEN);
        db = Database.open(dir.resolve("newsbrief.db"));
        logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        List<ListNewsDesk.Item> items = new ArrayList<>();
        items.add(new ListNewsDesk.Item("a1", "Oil output rises", "OPEC raised oil output in May.", "https://ex.com/1"));
        items.add(new ListNewsDesk.Item("a2", "Oil prices fall", "Brent oil fell 3% on Monday.", "https://ex.com/2"));
        items.add(new ListNewsDesk.Item("a3", "Oil & gas <deal>", "A \"big\" oil deal with <b>tags</b> & ampersands.",
                "https://ex.com/3?a=1&b=\"2\""));
        items.add(new ListNewsDesk.Item("a4", "Shoigu meets Kim", "Kim Jong Un said Pyongyang will invariably support Russia.",
                null));
        desk = new ListNewsDesk(items);
    }

    @AfterEach
    void tearDown() {
        if (bot != null) {
            bot.close();
        }
        db.close();
        api.close();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        List<ILoggingEvent> captured;
        // the polling thread may still be inside the appender after it is detached; AppenderBase locks itself
        synchronized (logs) {
            captured = new ArrayList<>(logs.list);
        }
        for (ILoggingEvent e : captured) {
            String all = e.getFormattedMessage()
                    + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()));
            assertThat(all).as("log line must not contain the token").doesNotContain(TOKEN).doesNotContain("SECRET");
        }
    }

    private TelegramSettings settings(int globalPerSecond, Duration chatInterval) {
        return new TelegramSettings(URI.create(api.baseUrl()), null, Set.of(42L), Duration.ofSeconds(2),
                Duration.ofSeconds(1), 4, 4, new TelegramSettings.Rate(globalPerSecond, chatInterval, 20),
                new TelegramSettings.Retry(3, Duration.ofMillis(50), Duration.ofMillis(200)), "polling",
                TelegramSettings.Webhook.DEFAULTS);
    }

    private void startBot(TelegramSettings settings) {
        ChatHandler handler = new ChatHandler(ChatServices.over(db, desk), ChatSettings.defaults(), Clock.systemUTC());
        bot = TelegramBot.start(settings, BotToken.of(TOKEN), handler, new ChatStore(db), new UpdateOffsetStore(db));
    }

    private void startBot() {
        startBot(settings(30, Duration.ofMillis(50)));
    }

    private static ObjectNode alice() {
        return FakeBotApi.user(ALICE, "Alice");
    }

    private static ObjectNode privateChat() {
        return FakeBotApi.chat(ALICE, "private", null);
    }

    private List<String> buttonsOf(Call call) {
        List<String> labels = new ArrayList<>();
        call.body().path("reply_markup").path("inline_keyboard")
                .forEach(row -> row.forEach(b -> labels.add(b.path("text").asText())));
        return labels;
    }

    private String buttonData(Call call, String labelPrefix) {
        for (var row : call.body().path("reply_markup").path("inline_keyboard")) {
            for (var b : row) {
                if (b.path("text").asText().startsWith(labelPrefix)) {
                    return b.path("callback_data").asText();
                }
            }
        }
        throw new AssertionError("no button " + labelPrefix + " in " + call.body());
    }

    @Test
    void startQuestionMoreSubscribeAndSubscriptions() {
        startBot();
        api.await("setMyCommands", WAIT, () -> !api.calls("setMyCommands").isEmpty());
        assertThat(api.calls("setMyCommands").get(0).body().path("commands").toString()).contains("ask", "subscribe")
                .doesNotContain("stats");
        assertThat(api.calls("setMyCommands").get(0).body().has("language_code")).isFalse();
        // one menu per language the bot speaks, described in that language, for users whose app uses it
        api.await("menus per language", WAIT, () -> api.calls("setMyCommands").size() == Messages.LANGUAGES.size());
        for (String language : Messages.LANGUAGES.subList(1, Messages.LANGUAGES.size())) {
            JsonNode menu = api.calls("setMyCommands").stream()
                    .filter(c -> c.body().path("language_code").asText().equals(language)).findFirst()
                    .orElseThrow(() -> new AssertionError("no menu for " + language)).body().path("commands");
            assertThat(menu.toString()).as(language).contains("\"ask\"", "\"subscribe\"").doesNotContain("stats")
                    .contains(Messages.of(language).get("command.ask").replace("\"", "\\\""));
        }

        api.push(api.messageUpdate(privateChat(), alice(), "/start"));
        api.await("welcome", WAIT, () -> api.sent(ALICE).size() == 1);
        Call welcome = api.sent(ALICE).get(0);
        assertThat(welcome.text()).contains("Welcome");
        assertThat(buttonsOf(welcome)).hasSize(3);
        assertThat(welcome.body().path("parse_mode").asText()).isEqualTo("HTML");
        assertThat(welcome.body().path("link_preview_options").path("is_disabled").asBoolean()).isTrue();

        api.push(api.messageUpdate(privateChat(), alice(), "oil news"));
        api.await("answer", WAIT, () -> api.sent(ALICE).size() == 2);
        Call answer = api.sent(ALICE).get(1);
        assertThat(answer.text()).contains("Oil output rises");
        assertThat(buttonsOf(answer)).containsExactly("More", "Subscribe to ‘oil news’");
        assertThat(api.calls("sendChatAction")).isNotEmpty();

        api.push(api.callbackUpdate(privateChat(), alice(), buttonData(answer, "More")));
        api.await("more", WAIT, () -> api.sent(ALICE).size() == 3);
        assertThat(api.sent(ALICE).get(2).text()).contains("Oil &amp; gas").doesNotContain("Oil output rises");

        api.push(api.callbackUpdate(privateChat(), alice(), buttonData(answer, "Subscribe")));
        api.await("subscribed", WAIT, () -> api.sent(ALICE).size() == 4);
        assertThat(api.sent(ALICE).get(3).text()).contains("Subscribed to ‘oil news’");

        api.push(api.messageUpdate(privateChat(), alice(), "/subscriptions"));
        api.await("list", WAIT, () -> api.sent(ALICE).size() == 5);
        Call list = api.sent(ALICE).get(4);
        assertThat(list.text()).contains("oil news");
        assertThat(buttonsOf(list)).containsExactly("Unsubscribe from ‘oil news’");

        api.push(api.callbackUpdate(privateChat(), alice(), "no-such-token"));
        api.await("callbacks answered", WAIT, () -> api.calls("answerCallbackQuery").size() == 3);
        assertThat(api.calls("answerCallbackQuery").get(2).body().path("text").asText()).contains("expired");
        for (Call c : api.sent(ALICE)) {
            buttonsOf(c);
            c.body().path("reply_markup").path("inline_keyboard").forEach(row -> row.forEach(b ->
                    assertThat(b.path("callback_data").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                            .hasSizeLessThanOrEqualTo(64)));
        }
    }

    @Test
    void groupAnswersCommandsMentionsAndRepliesButIgnoresChatter() {
        startBot();
        ObjectNode group = FakeBotApi.chat(GROUP, "supergroup", "Newsroom");
        api.push(api.messageUpdate(group, alice(), "good morning everyone"));
        api.push(api.messageUpdate(group, alice(), "/help@other_bot"));
        api.push(api.messageUpdate(group, alice(), "/help@" + FakeBotApi.BOT_USERNAME));
        api.push(api.messageUpdate(group, alice(), "@" + FakeBotApi.BOT_USERNAME + " what about Shoigu?"));
        ObjectNode reply = api.messageUpdate(group, alice(), "and oil prices?");
        ((ObjectNode) reply.get("message")).set("reply_to_message", api.message(group, FakeBotApi.botUser(), "earlier"));
        api.push(reply);
        api.push(api.messageUpdate(group, alice(), "lunch?"));
        api.await("three answers", WAIT, () -> api.sent(GROUP).size() == 3);
        api.await("all updates confirmed", WAIT, () -> new UpdateOffsetStore(db).lastProcessed(String.valueOf(
                FakeBotApi.BOT_ID)).orElse(0) >= 1005);
        List<Call> sent = api.sent(GROUP);
        assertThat(sent).hasSize(3);
        assertThat(sent.get(0).text()).contains("help");
        assertThat(sent.get(1).text()).contains("invariably support Russia");
        assertThat(sent.get(2).text()).contains("Oil");
    }

    @Test
    void supergroupMigrationMovesSubscriptions() {
        startBot();
        ObjectNode group = FakeBotApi.chat(-100, "group", "Old group");
        api.push(api.messageUpdate(group, alice(), "/subscribe Ukraine"));
        api.await("subscribed", WAIT, () -> api.sent(-100).size() == 1);
        ObjectNode migrate = api.messageUpdate(group, alice(), null);
        ((ObjectNode) migrate.get("message")).put("migrate_to_chat_id", -1001234L);
        api.push(migrate);
        api.await("moved", WAIT, () -> !new SubscriptionStore(db).forChat(-1001234L).isEmpty());
        assertThat(new SubscriptionStore(db).forChat(-100)).isEmpty();
        api.push(api.messageUpdate(FakeBotApi.chat(-1001234L, "supergroup", "New"), alice(), "/subscriptions"));
        api.await("listed", WAIT, () -> api.sent(-1001234L).size() == 1);
        assertThat(api.sent(-1001234L).get(0).text()).contains("Ukraine");
    }

    @Test
    void inlineQueryAnswersWithArticles() {
        startBot();
        api.push(api.inlineUpdate(alice(), "oil"));
        api.await("inline answer", WAIT, () -> api.calls("answerInlineQuery").size() == 1);
        var results = api.calls("answerInlineQuery").get(0).body().path("results");
        assertThat(results.size()).isBetween(1, 10);
        results.forEach(r -> {
            assertThat(r.path("type").asText()).isEqualTo("article");
            String text = r.path("input_message_content").path("message_text").asText();
            assertThat(TelegramHtmlChecker.problem(text)).isNull();
        });
    }

    @Test
    void backsOffOn429WithinRateLimitsAndLosesNothing() {
        startBot(settings(10, Duration.ofMillis(300)));
        api.inject("sendMessage", new Fault.Status(429, "Too Many Requests: retry after 1", 1));
        int chats = 6;
        int perChat = 4;
        for (int round = 0; round < perChat; round++) {
            for (int c = 1; c <= chats; c++) {
                api.push(api.messageUpdate(FakeBotApi.chat(c, "private", null), FakeBotApi.user(c, "U" + c),
                        "/subscribe topic " + round));
            }
        }
        api.await("all replies", Duration.ofSeconds(20), () -> api.calls("sendMessage").stream()
                .filter(c -> c.status() == 200).count() == chats * perChat);
        List<Call> sends = api.calls("sendMessage");
        // nothing lost and nothing twice
        Set<String> delivered = new HashSet<>();
        for (Call c : sends) {
            if (c.status() == 200) {
                assertThat(delivered.add(c.chatId() + ":" + c.text())).as("duplicate " + c.text()).isTrue();
            }
        }
        for (int c = 1; c <= chats; c++) {
            for (int round = 0; round < perChat; round++) {
                assertThat(delivered).contains(c + ":Subscribed to ‘topic " + round + "’. I'll tell you when new articles arrive.");
            }
        }
        // the 429'd message went out again, once. When messages go out (the pause, the global and per-chat
        // rates) is checked in OutboundSenderTest, where the sender hands them to its client: arrival times
        // at this fake also move with how late a loaded machine runs the HTTP threads of either side
        Call limited = sends.stream().filter(c -> c.status() == 429).findFirst().orElseThrow();
        assertThat(sends.stream().filter(c -> c.status() == 200 && c.chatId() == limited.chatId()
                && c.text().equals(limited.text()))).hasSize(1);
    }

    @Test
    void aSuccessfulPollIsSeenWhateverCaseTheClientSpellsTheMethodIn() {
        // TelegramBots calls /bot<token>/getupdates (lower case); /healthz depends on seeing it
        startBot();
        java.time.Instant connected = bot.lastSuccessfulPoll();
        assertThat(connected).as("connected: getMe succeeded").isNotNull();
        // the fake answers an empty long poll after poll-timeout (1 s here)
        api.await("a poll answered", WAIT, () -> !api.calls("getUpdates").isEmpty());
        api.await("the bot records the poll", WAIT, () -> bot.lastSuccessfulPoll().isAfter(connected));
    }

    @Test
    void forbiddenMarksChatInactiveAndSendsNothingMore() {
        startBot();
        api.injectAlways("sendMessage", b -> b.path("chat_id").asLong() == ALICE,
                new Fault.Status(403, "Forbidden: bot was blocked by the user", null));
        api.push(api.messageUpdate(privateChat(), alice(), "/help"));
        api.await("inactive", WAIT, () -> new ChatStore(db).find(ALICE).map(r -> !r.active()).orElse(false));
        SendOutcome outcome = bot.sender().sendAndWait(ALICE, dev.newsbrief.chat.OutgoingMessage.text("alert"));
        assertThat(outcome).isInstanceOf(SendOutcome.Blocked.class);
        assertThat(api.calls("sendMessage")).hasSize(1);

        api.push(api.myChatMemberUpdate(FakeBotApi.chat(GROUP, "supergroup", "G"), alice(), "member", "kicked"));
        new ChatStore(db).touch(GROUP, "supergroup", "G");
        api.await("group inactive", WAIT, () -> new ChatStore(db).find(GROUP).map(r -> !r.active()).orElse(false));
    }

    @Test
    void restartNeitherReplaysNorSkips() {
        startBot();
        api.push(api.messageUpdate(privateChat(), alice(), "/subscribe first"));
        api.await("first", WAIT, () -> api.sent(ALICE).size() == 1);
        api.await("offset stored", WAIT, () -> new UpdateOffsetStore(db).lastProcessed(
                String.valueOf(FakeBotApi.BOT_ID)).isPresent());
        bot.close();
        bot = null;
        // while the bot is down: a new update arrives, and Telegram redelivers the handled one
        int handled = 1000;
        api.pushWithId(handled, api.messageUpdate(privateChat(), alice(), "/subscribe first"));
        api.push(api.messageUpdate(privateChat(), alice(), "/subscribe second"));
        startBot();
        api.await("second", WAIT, () -> api.sent(ALICE).size() >= 2);
        api.await("drained", WAIT, () -> api.pendingUpdates() == 0);
        List<String> texts = api.sent(ALICE).stream().map(Call::text).toList();
        assertThat(texts).hasSize(2);
        assertThat(texts.get(0)).contains("‘first’");
        assertThat(texts.get(1)).contains("‘second’");
    }

    @Test
    void updateIsConfirmedOnlyAfterItsReplyWasSent() {
        startBot();
        api.await("menu registered", WAIT, () -> !api.calls("setMyCommands").isEmpty());
        // the reply hangs at the server; a crash before it returns must leave the update unconfirmed
        api.inject("sendMessage", new Fault.Delay(Duration.ofMillis(1200)));
        int id = api.push(api.messageUpdate(privateChat(), alice(), "/help"));
        UpdateOffsetStore offsets = new UpdateOffsetStore(db);
        String botId = String.valueOf(FakeBotApi.BOT_ID);
        api.await("offset stored", WAIT, () -> offsets.lastProcessed(botId).orElse(0) >= id);
        // the fake records a call just before answering it, so the reply must be on record by now
        assertThat(api.sent(ALICE)).hasSize(1);
    }

    @Test
    void hostileArticleTextAlwaysGivesValidHtml() {
        StringBuilder huge = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            huge.append("oil <script>alert(").append(i).append(")</script> & \"quotes\" ")
                    .append("x".repeat(i % 7 == 0 ? 300 : 3)).append(i % 5 == 0 ? "\n\n" : " ");
        }
        desk = new ListNewsDesk(List.of(
                new ListNewsDesk.Item("h1", "<b>Oil</b> & </i>", huge.toString(), "javascript:\"<x>\""),
                new ListNewsDesk.Item("h2", "oil \u0000\u0007 \u202Eevil", "oil &amp; &#x; <", null)));
        startBot(settings(30, Duration.ofMillis(20)));
        api.push(api.messageUpdate(privateChat(), alice(), "oil"));
        api.push(api.messageUpdate(privateChat(), alice(), "/latest <b>oil</b>"));
        api.push(api.messageUpdate(privateChat(), alice(), "/subscribe <i>oil & </b>"));
        api.await("replies", WAIT, () -> api.sent(ALICE).size() >= 4);
        api.await("quiet", WAIT, () -> new UpdateOffsetStore(db).lastProcessed(String.valueOf(FakeBotApi.BOT_ID))
                .orElse(0) >= 1002);
        assertThat(api.sent(ALICE).size()).isGreaterThan(3); // the long answer was split
        for (Call c : api.sent(ALICE)) {
            assertThat(TelegramHtmlChecker.problem(c.text())).as(c.text()).isNull();
        }
    }

    @Test
    void retriesServerErrorsThenGivesUp() {
        startBot();
        api.inject("sendMessage", new Fault.Status(500, "Internal Server Error", null));
        assertThat(bot.sender().sendHtmlAndWait(ALICE, "hello", null)).isInstanceOf(SendOutcome.Accepted.class);
        for (int i = 0; i < 3; i++) {
            api.inject("sendMessage", new Fault.Status(502, "Bad Gateway", null));
        }
        SendOutcome failed = bot.sender().sendHtmlAndWait(ALICE, "again", null);
        assertThat(failed).isEqualTo(new SendOutcome.Failed(502, failed instanceof SendOutcome.Failed f ? f.description() : ""));
        api.inject("sendMessage", new Fault.Delay(Duration.ofSeconds(5)));
        assertThat(bot.sender().sendHtmlAndWait(ALICE, "after a hang", null)).isInstanceOf(SendOutcome.Accepted.class);
        assertThat(logs.list.stream().map(ILoggingEvent::getFormattedMessage)).anyMatch(m -> m.contains("giving up"));
    }
}
