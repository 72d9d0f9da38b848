package com.byninja.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.byninja.protocol.LinkSecret;
import com.byninja.protocol.Message;
import com.byninja.telegram.config.TelegramServerConfig;
import com.byninja.telegram.telegram.ChatMessage;
import com.byninja.telegram.telegram.ChatOutput;
import com.byninja.telegram.telegram.ChatOutput.Priority;
import com.byninja.telegram.telegram.ChatSenders;
import com.byninja.telegram.telegram.CommandButtons;
import com.byninja.telegram.testing.FakeBotApi;
import com.byninja.telegram.testing.FakeTradingBot;
import com.byninja.telegram.testing.TestConfigs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * The chat as a control surface, end to end: the real TelegramBots client against the fake Bot API, the real link
 * server, fake trading bots on real sockets. Buttons, the order of a chat's messages under a flood, what a full queue
 * drops, flapping bots, Telegram's 429 on polling, and commands addressed to a bot in a group.
 */
class ChatControlTest {
    private static final LinkSecret SECRET = LinkSecret.of("test-secret-0123456789abcdef");
    private static final long OWNER = 111L;
    private static final long PARTNER = 222L;
    private static final long GROUP = -100_555L;
    private static final long STRANGER = 999L;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private FakeBotApi api;
    private TelegramServer server;
    private final List<FakeTradingBot> bots = new ArrayList<>();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void startServer() throws Exception {
        logged.start();
        root().addAppender(logged);
        api = new FakeBotApi(TestConfigs.TOKEN);
        start(config());
    }

    private TelegramServerConfig config() {
        return TestConfigs.forApi(api.url(), List.of(OWNER, PARTNER, GROUP));
    }

    private void start(TelegramServerConfig config) throws Exception {
        if (server != null) {
            server.close();
        }
        long pollsBefore = polls();
        server = TelegramServer.start(config, SECRET, null);
        await().atMost(WAIT).until(() -> polls() > pollsBefore);
    }

    private long polls() {
        return api.calls().stream().filter("getupdates"::equals).count();
    }

    @AfterEach
    void stopAll() {
        bots.forEach(FakeTradingBot::close);
        if (server != null) {
            server.close();
        }
        api.close();
        root().detachAppender(logged);
        assertThat(loggedEvents()).noneMatch(e -> e.getFormattedMessage().contains(TestConfigs.TOKEN));
    }

    private List<ILoggingEvent> loggedEvents() {
        synchronized (logged) {
            return List.copyOf(logged.list);
        }
    }

    private List<String> logged(Level level, String start) {
        return loggedEvents().stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.startsWith(start)).toList();
    }

    private static ch.qos.logback.classic.Logger root() {
        return (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private FakeTradingBot connect(String name) {
        int before = countContaining(OWNER, name + "</b> connected");
        FakeTradingBot bot = bot(name);
        await().atMost(WAIT).until(() -> countContaining(OWNER, name + "</b> connected") > before);
        return bot;
    }

    private FakeTradingBot bot(String name) {
        FakeTradingBot bot = new FakeTradingBot(name, server.linkPort(), SECRET);
        bots.add(bot);
        return bot;
    }

    private int countContaining(long chat, String text) {
        return (int) api.textsTo(chat).stream().filter(t -> t.contains(text)).count();
    }

    private String awaitText(long chat, String text) {
        await().atMost(WAIT).until(() -> countContaining(chat, text) > 0);
        return api.textsTo(chat).stream().filter(t -> t.contains(text)).findFirst().orElseThrow();
    }

    private ChatSenders chats() {
        return server.chatSenders();
    }

    /** The texts one chat got, with the bots' addresses and the way their links ended left out. */
    private List<String> readAs(long chat) {
        return api.textsTo(chat).stream()
                .map(t -> t.replaceAll("<code>127\\.0\\.0\\.1:[0-9]+</code>", "<code>ADDR</code>")
                        .replaceAll("disconnected: .*\\.$", "disconnected: WHY."))
                .toList();
    }

    // ---- buttons ----

    @Test
    void aPressOfACommandButtonInAnAllowedChatIsAnsweredThenRunsItsCommand() {
        FakeTradingBot alpha = connect("alpha");

        String press = api.userPresses(OWNER, OWNER, 1001, "/status");
        String inGroup = api.userPresses(GROUP, 555L, 1002, "/stats BTC/USDT");

        awaitText(OWNER, "<b>alpha</b>: alpha did status");
        awaitText(GROUP, "<b>alpha</b>: alpha did stats BTC/USDT");
        FakeBotApi.Sent reply = api.sentTo(OWNER).stream().filter(s -> s.text().contains("alpha did status"))
                .findFirst().orElseThrow();
        // Each chat has its own sender: the two answers may reach Telegram in either order.
        assertThat(api.answers()).extracting(FakeBotApi.Answer::callbackQueryId)
                .containsExactlyInAnyOrder(press, inGroup);
        FakeBotApi.Answer answer = api.answers().stream().filter(a -> a.callbackQueryId().equals(press)).findFirst()
                .orElseThrow();
        assertThat(answer.text()).isNull();
        assertThat(answer.showAlert()).isFalse();
        assertThat(answer.atNanos()).as("the spinner stops before the reply comes").isLessThan(reply.atNanos());
        assertThat(alpha.commands()).extracting(Message::message).containsExactly("status", "stats");
    }

    @Test
    void aPressFromAForeignChatOrByAForeignUserDoesNothingAndIsLoggedOncePerUser() {
        FakeTradingBot alpha = connect("alpha");

        api.userPresses(STRANGER, STRANGER, 1001, "/forcesell all");
        api.userPresses(STRANGER, STRANGER, 1001, "/forcesell all");
        api.userPresses(OWNER, 777L, 1001, "/forcesell all");
        api.userSends(OWNER, "/status");

        // Updates are handled in order: the presses were handled before the owner's command was.
        awaitText(OWNER, "<b>alpha</b>: alpha did status");
        assertThat(alpha.commands()).extracting(Message::message).containsExactly("status");
        assertThat(api.answers()).isEmpty();
        assertThat(api.sentTo(STRANGER)).isEmpty();
        assertThat(logged(Level.WARN, "Ignoring button presses")).containsExactly(
                "Ignoring button presses of user 999 (@user999) in chat 999: not allowed",
                "Ignoring button presses of user 777 (@user777) in chat 111: not allowed");
    }

    @Test
    void aMessageWithButtonsGivesItsIdToWhoSentItWhichEditsItAndAPressOfItsButtonRunsTheCommand() throws Exception {
        FakeTradingBot alpha = connect("alpha");
        InlineKeyboardMarkup keyboard = CommandButtons.keyboard(List.of(List.of(
                CommandButtons.button("Refresh", "/status"))));
        CompletableFuture<ChatOutput.Outcome> sent = new CompletableFuture<>();

        chats().send(OWNER, new ChatMessage.TextWithKeyboard("Status: <b>waiting</b>", keyboard), Priority.REPLY,
                sent::complete);
        int id = sent.get(10, TimeUnit.SECONDS).messageId().orElseThrow();
        chats().send(OWNER, new ChatMessage.Edit(id, "Status: <b>fine</b>", Optional.of(keyboard)), Priority.REPLY);
        await().atMost(WAIT).until(() -> api.edits().size() == 1);
        api.userPresses(OWNER, OWNER, id, "/status");

        awaitText(OWNER, "<b>alpha</b>: alpha did status");
        FakeBotApi.Sent withButtons = api.sentTo(OWNER).stream().filter(s -> s.text().startsWith("Status:"))
                .findFirst().orElseThrow();
        assertThat(withButtons.messageId()).isEqualTo(id);
        assertThat(withButtons.replyMarkup().path("inline_keyboard").get(0).get(0).path("callback_data").asText())
                .isEqualTo("/status");
        assertThat(api.edits().get(0).messageId()).isEqualTo(id);
        assertThat(api.edits().get(0).text()).isEqualTo("Status: <b>fine</b>");
        assertThat(alpha.commands()).extracting(Message::message).containsExactly("status");
    }

    // ---- priorities ----

    @Test
    void underAFloodOfLogLinesAndConnectionNoticesAStatusReplyGoesOutNextAndTheRestInTheirOrder() {
        FakeTradingBot alpha = connect("alpha");
        api.failSendsUntilRecovered(OWNER, 502);
        alpha.send(Message.alert("held while Telegram fails", null, null));
        await().atMost(WAIT).until(() -> api.failedSends(OWNER) >= 1);
        for (int i = 0; i < 10; i++) {
            FakeTradingBot other = bot("bot-" + i);
            int notices = 2 * i + 1;
            await().atMost(WAIT).until(() -> chats().queued(OWNER, Priority.NOTICE) == notices);
            other.close();
            await().atMost(WAIT).until(() -> chats().queued(OWNER, Priority.NOTICE) == notices + 1);
        }
        for (int i = 0; i < 200; i++) {
            alpha.send(Message.log("WARN", "flood " + i));
        }
        await().atMost(WAIT).until(() -> chats().queued(OWNER, Priority.LOG) == 1);
        api.userSends(OWNER, "/status");
        await().atMost(WAIT).until(() -> chats().queued(OWNER, Priority.REPLY) == 1);

        api.recover(OWNER);

        // The three before the flood, 20 notices, and at least one message of log lines, the last line in it.
        await().atMost(WAIT).until(() -> api.sentTo(OWNER).size() >= 24 && countContaining(OWNER, "flood 199") == 1);
        List<String> chat = readAs(OWNER);
        List<String> expected = new ArrayList<>(List.of(
                "🟢 <b>alpha</b> connected from <code>ADDR</code>.",
                "⚠️ <b>alpha</b>: held while Telegram fails",
                "<b>alpha</b>: alpha did status"));
        for (int i = 0; i < 10; i++) {
            expected.add("🟢 <b>bot-" + i + "</b> connected from <code>ADDR</code>.");
            expected.add("🔴 <b>bot-" + i + "</b> disconnected: WHY.");
        }
        assertThat(chat.subList(0, 23)).containsExactlyElementsOf(expected);
        assertThat(chat.subList(23, chat.size())).isNotEmpty()
                .allSatisfy(logs -> assertThat(logs).contains("<b>alpha</b> <code>WARN</code> flood "));
        assertThat(String.join("\n", chat.subList(23, chat.size()))).contains("log lines dropped");
    }

    @Test
    void aFullQueueDropsNoticesThenTheOldestAlertsButNoReplyAndBotsCountsTheDropsPerClass() throws Exception {
        TelegramServerConfig config = TestConfigs.forApi(api.url(), List.of(OWNER));
        start(TestConfigs.withSending(config, new TelegramServerConfig.Sending(5, 0, 5, 50, 200, 5_000)));
        api.failSendsUntilRecovered(OWNER, 502);
        FakeTradingBot alpha = bot("alpha");
        // alpha's connection notice is in flight, failing: five places wait behind it.
        await().atMost(WAIT).until(() -> api.failedSends(OWNER) >= 1);
        for (int i = 1; i <= 3; i++) {
            alpha.send(Message.alert("alert " + i, null, null).withId("db-" + i));
        }
        await().atMost(WAIT).until(() -> chats().queued(OWNER, Priority.ALERT) == 3);
        FakeTradingBot first = bot("bot-0");
        await().atMost(WAIT).until(() -> chats().queued(OWNER, Priority.NOTICE) == 1);
        first.close();
        await().atMost(WAIT).until(() -> chats().queued(OWNER, Priority.NOTICE) == 2);
        for (int i = 1; i <= 3; i++) {
            FakeTradingBot other = bot("bot-" + i);
            long dropped = 2L * i;
            await().atMost(WAIT).until(() -> chats().dropped(Priority.NOTICE) == dropped - 1);
            other.close();
            await().atMost(WAIT).until(() -> chats().dropped(Priority.NOTICE) == dropped);
        }
        for (int i = 4; i <= 6; i++) {
            alpha.send(Message.alert("alert " + i, null, null).withId("db-" + i));
        }
        await().atMost(WAIT).until(() -> chats().dropped(Priority.ALERT) == 1);
        api.userSends(OWNER, "/status");
        await().atMost(WAIT).until(() -> chats().queued(OWNER, Priority.REPLY) == 1);

        api.recover(OWNER);

        await().atMost(WAIT).until(() -> api.sentTo(OWNER).size() == 6);
        assertThat(readAs(OWNER)).containsExactly(
                "🟢 <b>alpha</b> connected from <code>ADDR</code>.",
                "<b>alpha</b>: alpha did status",
                "⚠️ <b>alpha</b>: alert 3",
                "⚠️ <b>alpha</b>: alert 4",
                "⚠️ <b>alpha</b>: alert 5",
                "⚠️ <b>alpha</b>: alert 6");
        await().atMost(WAIT).until(() -> alpha.acknowledged().size() == 4);
        assertThat(alpha.acknowledged()).as("the dropped ones come again after the next connection")
                .containsExactly("db-3", "db-4", "db-5", "db-6");
        api.userSends(OWNER, "/bots");
        assertThat(awaitText(OWNER, "Dropped from full chat queues")).endsWith(
                "\nDropped from full chat queues since the start: 0 replies, 2 alerts, 8 notices, 0 log messages.");
    }

    // ---- flapping ----

    @Test
    void aBotThatDropsAndReconnectsSevenTimesIsAnnouncedOnceThenOnceMoreWhenSteadyWithTheCount() throws Exception {
        start(TestConfigs.withFlappingWindow(config(), 2));
        FakeTradingBot alpha = connect("alpha");
        for (int drop = 1; drop <= 7; drop++) {
            alpha.close();
            int drops = drop;
            await().atMost(WAIT).until(() -> logged(Level.INFO, "Trading bot alpha at ").size() == drops);
            alpha = bot("alpha");
            await().atMost(WAIT).until(() -> logged(Level.INFO, "Trading bot alpha connected from").size()
                    == drops + 1);
        }

        String back = awaitText(OWNER, "is back after");

        assertThat(back).matches("🟢 <b>alpha</b> is back after 7 drops in [0-9]+ s: connected without a drop for "
                + "2 s\\.");
        List<String> chat = readAs(OWNER);
        assertThat(chat).containsExactly(
                "🟢 <b>alpha</b> connected from <code>ADDR</code>.",
                "🔴 <b>alpha</b> disconnected: WHY.",
                "🟢 <b>alpha</b> connected from <code>ADDR</code>.",
                back);
        awaitText(PARTNER, "is back after");
        assertThat(readAs(PARTNER)).isEqualTo(chat);
    }

    // ---- Telegram's 429 on polling ----

    @Test
    void getUpdatesWaitsTheRetryAfterOfA429BeforeItsNextCallAndSaysSoOnce() {
        api.answerNextPollsWith429(1, 2);

        await().atMost(WAIT).until(() -> {
            List<FakeBotApi.Request> polls = getUpdatesCalls();
            int first = firstTooMany(polls);
            return first >= 0 && polls.size() > first + 2;
        });
        List<FakeBotApi.Request> polls = getUpdatesCalls();
        int first = firstTooMany(polls);

        assertThat(polls.get(first + 1).status()).isEqualTo(429);
        assertThat(polls.get(first + 2).status()).isEqualTo(200);
        long firstWait = polls.get(first + 1).atNanos() - polls.get(first).atNanos();
        long secondWait = polls.get(first + 2).atNanos() - polls.get(first + 1).atNanos();
        // At least what Telegram asked each time; the upper bounds leave room for a loaded machine's scheduling.
        assertThat(firstWait).isBetween(TimeUnit.SECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(3_500));
        assertThat(secondWait).isBetween(TimeUnit.SECONDS.toNanos(2), TimeUnit.MILLISECONDS.toNanos(4_500));
        assertThat(logged(Level.WARN, "Telegram asks polling to slow down")).containsExactly(
                "Telegram asks polling to slow down (HTTP 429): no getUpdates for 1 s");
        // Ours says it once, as a warning; TelegramBots' own logging of its retries is its business.
        assertThat(loggedEvents()).noneMatch(e -> e.getLevel() == Level.ERROR
                && e.getLoggerName().startsWith("com.byninja"));
        api.userSends(OWNER, "/help");
        awaitText(OWNER, "/forcebuy SYMBOL [AMOUNT]");
    }

    /** @return the getUpdates calls, in order */
    private List<FakeBotApi.Request> getUpdatesCalls() {
        return api.requests().stream().filter(r -> r.method().equals("getupdates")).toList();
    }

    private static int firstTooMany(List<FakeBotApi.Request> polls) {
        for (int i = 0; i < polls.size(); i++) {
            if (polls.get(i).status() == 429) {
                return i;
            }
        }
        return -1;
    }

    // ---- commands addressed to a bot ----

    @Test
    void inAGroupACommandForAnotherBotIsIgnoredAndOneForThisBotInAnyCaseIsAnswered() {
        FakeTradingBot alpha = connect("alpha");

        api.userSendsInGroup(GROUP, 555L, "/status@OtherBot");
        api.userSendsInGroup(GROUP, 555L, "/stats@byninjabot");
        api.userSendsInGroup(GROUP, 555L, "/status@ByNinjaBot");

        awaitText(GROUP, "<b>alpha</b>: alpha did status");
        assertThat(readAs(GROUP)).containsExactly("🟢 <b>alpha</b> connected from <code>ADDR</code>.",
                "<b>alpha</b>: alpha did stats", "<b>alpha</b>: alpha did status");
        assertThat(alpha.commands()).extracting(Message::message).containsExactly("stats", "status");
    }

    @Test
    void whileTheBotsUserNameIsUnknownACommandWithAnyAddresseeIsIgnoredAndThatIsLoggedOnce() throws Exception {
        api.failGetMe(502);
        start(config());
        FakeTradingBot alpha = connect("alpha");

        api.userSendsInGroup(GROUP, 555L, "/status@ByNinjaBot");
        api.userSendsInGroup(GROUP, 555L, "/stats@OtherBot");
        api.userSendsInGroup(GROUP, 555L, "/status");

        awaitText(GROUP, "<b>alpha</b>: alpha did status");
        assertThat(alpha.commands()).extracting(Message::message).containsExactly("status");
        assertThat(logged(Level.WARN, "Could not learn this bot's user name")).hasSize(1);
        assertThat(logged(Level.WARN, "Ignoring /")).containsExactly("Ignoring /status@ByNinjaBot in chat -100555: "
                + "this bot's user name is not known, so a command for @ByNinjaBot cannot be told from one for "
                + "another bot (logged once)");
    }
}
