package com.byninja.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.byninja.protocol.LinkClient;
import com.byninja.protocol.LinkSecret;
import com.byninja.protocol.Message;
import com.byninja.telegram.config.TelegramServerConfig;
import com.byninja.telegram.testing.FakeBotApi;
import com.byninja.telegram.testing.FakeTradingBot;
import com.byninja.telegram.testing.TestConfigs;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The whole daemon: real TelegramBots against a fake Bot API, real link server, fake trading bots on LinkClient. */
class TelegramServerTest {
    private static final LinkSecret SECRET = LinkSecret.of("test-secret-0123456789abcdef");
    private static final long OWNER = 111L;
    private static final long PARTNER = 222L;
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
        start(TestConfigs.forApi(api.url(), List.of(OWNER, PARTNER)));
    }

    private void start(TelegramServerConfig config) throws Exception {
        start(config, true);
    }

    private void start(TelegramServerConfig config, boolean awaitPolling) throws Exception {
        if (server != null) {
            server.close();
        }
        int pollsBefore = (int) api.calls().stream().filter("getupdates"::equals).count();
        server = TelegramServer.start(config, SECRET, null);
        if (awaitPolling) {
            await().atMost(WAIT).until(() -> api.calls().stream().filter("getupdates"::equals).count() > pollsBefore);
        }
    }

    @AfterEach
    void stopAll() {
        bots.forEach(FakeTradingBot::close);
        if (server != null) {
            server.close();
        }
        api.close();
        root().detachAppender(logged);
        assertThat(loggedEvents()).isNotEmpty().allSatisfy(event -> {
            assertThat(event.getFormattedMessage()).doesNotContain(TestConfigs.TOKEN);
            for (IThrowableProxy error = event.getThrowableProxy(); error != null; error = error.getCause()) {
                assertThat(String.valueOf(error.getMessage())).as("logged error").doesNotContain(TestConfigs.TOKEN);
            }
        });
    }

    /** ListAppender appends under its own lock (AppenderBase.doAppend is synchronized). */
    private List<ILoggingEvent> loggedEvents() {
        synchronized (logged) {
            return List.copyOf(logged.list);
        }
    }

    private static ch.qos.logback.classic.Logger root() {
        return (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private FakeTradingBot connect(String name) {
        return connect(name, command -> FakeTradingBot.didIt(name, command));
    }

    private FakeTradingBot connect(String name, Function<Message, String> answers) {
        int announcementsBefore = countContaining(OWNER, name + "</b> connected");
        FakeTradingBot bot = new FakeTradingBot(name, server.linkPort(), SECRET, answers);
        bots.add(bot);
        await().atMost(WAIT).until(() -> countContaining(OWNER, name + "</b> connected") > announcementsBefore);
        return bot;
    }

    private int countContaining(long chat, String text) {
        return (int) api.textsTo(chat).stream().filter(t -> t.contains(text)).count();
    }

    private String awaitText(long chat, String text) {
        await().atMost(WAIT).until(() -> countContaining(chat, text) > 0);
        return api.textsTo(chat).stream().filter(t -> t.contains(text)).findFirst().orElseThrow();
    }

    @Test
    void deletesTheWebhookThenPollsAndRegistersTheCommandMenu() {
        await().atMost(WAIT).until(() -> api.calls().contains("setmycommands"));
        List<String> calls = api.calls();
        assertThat(calls.indexOf("deletewebhook")).isLessThan(calls.indexOf("getupdates"));
    }

    @Test
    void answersAnAllowedChatAndIgnoresAForeignOne() {
        api.userSends(STRANGER, "/help");
        api.userSends(STRANGER, "/status");
        api.userSends(OWNER, "/help");

        assertThat(awaitText(OWNER, "/forcebuy SYMBOL [AMOUNT]")).contains("/use [NAME|all]");
        // Updates are handled in order, so the stranger's were handled before the owner's answer went out.
        assertThat(api.sentTo(STRANGER)).isEmpty();
    }

    @Test
    void startShowsTheHelpAndNeverStartsTrading() {
        FakeTradingBot alpha = connect("alpha");
        api.userSends(OWNER, "/start");

        awaitText(OWNER, "/starttrading [SYMBOL]");
        assertThat(alpha.commands()).isEmpty();
    }

    @Test
    void everyCommandReachesTheBotAndItsReplyGoesBackToTheChatThatAsked() {
        FakeTradingBot alpha = connect("alpha");
        record Case(long chat, String typed, String expectedReply) {
        }
        List<Case> cases = List.of(
                new Case(OWNER, "/starttrading", "alpha did starttrading"),
                new Case(PARTNER, "/stoptrading btc/usdt", "alpha did stoptrading BTC/USDT"),
                new Case(OWNER, "/enablebuy ETH/USDT", "alpha did enablebuy ETH/USDT"),
                new Case(PARTNER, "/disablebuy", "alpha did disablebuy"),
                new Case(OWNER, "/enablesell SOL/USDT", "alpha did enablesell SOL/USDT"),
                new Case(PARTNER, "/disablesell@ByNinjaBot", "alpha did disablesell"),
                new Case(OWNER, "/forcebuy BTC/USDT 25.50", "alpha did forcebuy BTC/USDT 25.5"),
                new Case(PARTNER, "/forcebuy ETH/USDT", "alpha did forcebuy ETH/USDT"),
                new Case(OWNER, "/forcesell all", "alpha did forcesell all"),
                new Case(PARTNER, "/forcesell ETH/USDT", "alpha did forcesell ETH/USDT"),
                new Case(OWNER, "/stats BTC/USDT", "alpha did stats BTC/USDT"),
                new Case(PARTNER, "/status", "alpha did status"));

        cases.forEach(c -> api.userSends(c.chat(), c.typed()));

        for (Case c : cases) {
            long other = c.chat() == OWNER ? PARTNER : OWNER;
            await().atMost(WAIT).until(() -> api.textsTo(c.chat()).contains("<b>alpha</b>: " + c.expectedReply()));
            assertThat(api.textsTo(other)).doesNotContain("<b>alpha</b>: " + c.expectedReply());
        }
        assertThat(alpha.commands()).hasSize(cases.size());
        assertThat(alpha.commands()).extracting(Message::id).doesNotHaveDuplicates().doesNotContainNull();
        Message forcebuy = alpha.commands().get(6);
        assertThat(forcebuy.message()).isEqualTo("forcebuy");
        assertThat(forcebuy.data().get("amount").asText()).isEqualTo("25.5");
        assertThat(alpha.commands().get(1).symbol()).isEqualTo("BTC/USDT");
    }

    @Test
    void wrongArgumentsGetAUsageLineAndReachNoBot() {
        FakeTradingBot alpha = connect("alpha");
        api.userSends(OWNER, "/forcebuy BTC/USDT -5");
        api.userSends(OWNER, "/forcesell");
        api.userSends(OWNER, "/status now");
        api.userSends(OWNER, "/moon");

        assertThat(awaitText(OWNER, "positive number")).contains("Usage: /forcebuy SYMBOL [AMOUNT]");
        awaitText(OWNER, "Usage: /forcesell SYMBOL|all");
        awaitText(OWNER, "Usage: /status");
        awaitText(OWNER, "Unknown command /moon");
        assertThat(alpha.commands()).isEmpty();
    }

    @Test
    void aBotThatIsNotConnectedIsReportedOfflineAtOnce() {
        FakeTradingBot alpha = connect("alpha");
        alpha.close();
        awaitText(OWNER, "alpha</b> disconnected");

        api.userSends(OWNER, "/status");

        awaitText(OWNER, "<b>alpha</b> is offline.");
    }

    @Test
    void aBotThatDoesNotAnswerInTimeIsReportedAndItsLateAnswerStillArrives() {
        FakeTradingBot alpha = connect("alpha", command -> null);
        long before = System.nanoTime();

        api.userSends(PARTNER, "/stats");

        awaitText(PARTNER, "<b>alpha</b> did not answer /stats within 1 s.");
        assertThat(System.nanoTime() - before).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(1_000));
        assertThat(alpha.commands()).hasSize(1);

        alpha.send(Message.replyTo(alpha.commands().get(0), "stats at last", null));

        awaitText(PARTNER, "<b>alpha</b> answered /stats late: stats at last");
        assertThat(api.textsTo(OWNER)).noneMatch(text -> text.contains("stats at last"));
    }

    @Test
    void waitsTheRetryAfterTelegramAsksForOn429() {
        api.failNextSends(OWNER, 429);
        long before = System.nanoTime();

        api.userSends(OWNER, "/help");

        awaitText(OWNER, "/forcebuy");
        FakeBotApi.Sent help = api.sentTo(OWNER).get(0);
        assertThat(help.atNanos() - before).isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(1));
        assertThat(api.calls().stream().filter("sendmessage"::equals).count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void retriesServerErrorsWithBackoff() {
        api.failNextSends(OWNER, 502, 503);

        api.userSends(OWNER, "/help");

        awaitText(OWNER, "/forcebuy");
        assertThat(api.calls().stream().filter("sendmessage"::equals).count()).isEqualTo(3);
    }

    @Test
    void splitsLongRepliesAtLineBreaksAndEscapesEveryDynamicValue() {
        StringBuilder longText = new StringBuilder("<b>not bold</b> & co\n");
        for (int i = 0; i < 300; i++) {
            longText.append("line ").append(i).append(": BTC/USDT qty 0.001 <ok>\n");
        }
        String answer = longText.toString();
        connect("alpha", command -> answer);

        api.userSends(OWNER, "/status");

        await().atMost(WAIT).until(() -> countContaining(OWNER, "line 299") > 0);
        List<String> parts = api.textsTo(OWNER).stream()
                .filter(t -> t.contains("line ")).toList();
        assertThat(parts).hasSizeGreaterThan(1).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(4096));
        assertThat(parts.get(0)).startsWith("<b>alpha</b>: &lt;b&gt;not bold&lt;/b&gt; &amp; co\n");
        String joined = String.join("\n", parts);
        for (int i = 0; i < 300; i++) {
            assertThat(joined).contains("line " + i + ": BTC/USDT qty 0.001 &lt;ok&gt;\n");
        }
        assertThat(api.sentTo(OWNER)).allSatisfy(sent -> assertThat(sent.parseMode()).isEqualToIgnoringCase("HTML"));
    }

    @Test
    void pacesABurstInEachChatWithoutHoldingUpTheOthers() throws Exception {
        TelegramServerConfig config = TestConfigs.forApi(api.url(), List.of(OWNER, PARTNER));
        start(TestConfigs.withSending(config, new TelegramServerConfig.Sending(50, 250, 2, 50, 200, 5_000)));
        for (int i = 0; i < 5; i++) {
            api.userSends(OWNER, "/help");
        }
        api.userSends(PARTNER, "/help");

        await().atMost(WAIT).until(() -> api.sentTo(OWNER).size() == 5 && api.sentTo(PARTNER).size() == 1);
        List<Long> times = api.sentTo(OWNER).stream().map(FakeBotApi.Sent::atNanos).toList();
        long interval = TimeUnit.MILLISECONDS.toNanos(250);
        long latencySlack = TimeUnit.MILLISECONDS.toNanos(100);
        // A burst of 2 at once; after that the (j+1)th message cannot go before j+1-2 intervals have passed.
        assertThat(times.get(1) - times.get(0)).isLessThan(interval - latencySlack);
        for (int j = 2; j < times.size(); j++) {
            assertThat(times.get(j) - times.get(0)).isGreaterThanOrEqualTo((j + 1 - 2) * interval - latencySlack);
        }
        // The other chat has its own queue and pace.
        assertThat(api.sentTo(PARTNER).get(0).atNanos()).isLessThan(times.get(4));
    }

    @Test
    void announcesBotsConnectingAndDroppingToEveryChat() {
        FakeTradingBot alpha = connect("alpha");
        awaitText(PARTNER, "🟢 <b>alpha</b> connected from <code>127.0.0.1:");

        alpha.close();

        awaitText(OWNER, "🔴 <b>alpha</b> disconnected");
        awaitText(PARTNER, "🔴 <b>alpha</b> disconnected");
    }

    @Test
    void useChoosesTheTargetAmongSeveralBotsAndUseAllAsksEveryBot() {
        connect("alpha");
        connect("beta");

        api.userSends(OWNER, "/status");
        awaitText(OWNER, "Several bots are connected: <b>alpha</b>, <b>beta</b>");

        api.userSends(OWNER, "/use beta");
        awaitText(OWNER, "Commands now go to <b>beta</b>.");
        api.userSends(OWNER, "/status");
        awaitText(OWNER, "<b>beta</b>: beta did status");

        api.userSends(OWNER, "/use all");
        awaitText(OWNER, "/status, /stats, /chart, /equity, /health, /logs and /version now go to every bot");
        api.userSends(OWNER, "/stats");
        awaitText(OWNER, "<b>alpha</b>: alpha did stats");
        awaitText(OWNER, "<b>beta</b>: beta did stats");
        api.userSends(OWNER, "/forcesell all");
        awaitText(OWNER, "/use all only sends /status, /stats, /chart, /equity, /health, /logs and /version");

        api.userSends(OWNER, "/bots");
        String list = awaitText(OWNER, "Connected trading bots:");
        assertThat(list).contains("<b>alpha</b> at <code>127.0.0.1:", "<b>beta</b> at <code>127.0.0.1:", ", up ");

        // The partner chat has its own target.
        api.userSends(PARTNER, "/status");
        awaitText(PARTNER, "Several bots are connected");
    }

    @Test
    void relaysAlertsToEveryChatAndGathersLogLinesAboveTheLevel() {
        FakeTradingBot alpha = connect("alpha");

        alpha.send(Message.alert("Stop loss hit <-3%>", "BTC/USDT", null));
        alpha.send(Message.log("INFO", "routine"));
        alpha.send(Message.log("WARN", "slow exchange"));
        alpha.send(Message.log("ERROR", "order rejected"));

        awaitText(OWNER, "⚠️ <b>alpha</b> <code>BTC/USDT</code>: Stop loss hit &lt;-3%&gt;");
        awaitText(PARTNER, "⚠️ <b>alpha</b> <code>BTC/USDT</code>: Stop loss hit &lt;-3%&gt;");
        await().atMost(WAIT).until(() -> countContaining(OWNER, "order rejected") > 0);
        String logs = String.join("\n", api.textsTo(OWNER));
        assertThat(logs).contains("<b>alpha</b> <code>WARN</code> slow exchange")
                .contains("<b>alpha</b> <code>ERROR</code> order rejected")
                .doesNotContain("routine");
    }

    @Test
    void underALogFloodTheOldestLinesAreDroppedAndCounted() {
        FakeTradingBot alpha = connect("alpha");

        for (int i = 0; i < 200; i++) {
            alpha.send(Message.log("WARN", "flood " + i));
        }

        await().atMost(WAIT).until(() -> countContaining(OWNER, "flood 199") > 0);
        assertThat(String.join("\n", api.textsTo(OWNER))).contains("log lines dropped");
    }

    @Test
    void aTelegramOutageLeavesTheLinkAndTheBotsAlone() throws Exception {
        FakeBotApi down = new FakeBotApi(TestConfigs.TOKEN);
        String deadUrl = down.url();
        down.close();
        start(TestConfigs.forApi(deadUrl, List.of(OWNER)), false);

        FakeTradingBot alpha = new FakeTradingBot("alpha", server.linkPort(), SECRET);
        bots.add(alpha);
        await().atMost(WAIT).until(alpha::isConnected);
        for (int i = 0; i < 500; i++) {
            assertThat(alpha.send(Message.alert("alert " + i, null, null))).isTrue();
            alpha.send(Message.log("ERROR", "log " + i));
        }

        assertThat(alpha.isConnected()).isTrue();
        await().atMost(WAIT).until(() -> loggedEvents().stream()
                .anyMatch(e -> e.getFormattedMessage().startsWith("Polling Telegram failed (cannot start: ")));
    }

    @Test
    void aTokenTelegramRefusesIsReportedWithoutShowingIt() throws Exception {
        String wrongToken = "987654321:WrongTokenWrongTokenWrongTokenWrongTo";
        TelegramServerConfig config = TestConfigs.forApi(api.url(), List.of(OWNER));
        start(new TelegramServerConfig(new TelegramServerConfig.Telegram(wrongToken, List.of(OWNER), api.url(), 2,
                1_000, 300), config.link(), config.routing(), config.sending(), config.logs(), config.dataDir()),
                false);

        await().atMost(WAIT).until(() -> loggedEvents().stream()
                .anyMatch(e -> e.getFormattedMessage().startsWith("Telegram refused the bot token")));
        assertThat(loggedEvents()).noneMatch(e -> e.getFormattedMessage().contains(wrongToken));
    }

    @Test
    void stopsEveryThreadItStarted() {
        connect("alpha");
        api.userSends(OWNER, "/status");
        awaitText(OWNER, "alpha did status");

        server.close();
        server = null;

        await().atMost(Duration.ofSeconds(5)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .noneMatch(name -> name.startsWith("chat-sender-") || name.startsWith("telegram-")
                        || name.equals("command-timeouts") || name.equals("log-relay")
                        || name.equals("connection-notices")));
    }

    @Test
    void anAlertIsAcknowledgedOnlyOnceTelegramAcceptedItInEveryAllowedChat() {
        FakeTradingBot alpha = connect("alpha");
        awaitText(PARTNER, "alpha</b> connected");
        api.failSendsUntilRecovered(PARTNER, 502);

        alpha.send(Message.alert("Stop loss hit", "BTC/USDT", null).withId("db-7"));

        awaitText(OWNER, "Stop loss hit");
        await().atMost(WAIT).until(() -> api.failedSends(PARTNER) >= 3);
        assertThat(alpha.acknowledged()).as("Telegram has not accepted it in the partner's chat").isEmpty();
        assertThat(alpha.pendingAlerts()).isEqualTo(1);

        api.recover(PARTNER);
        awaitText(PARTNER, "Stop loss hit");
        await().atMost(WAIT).until(() -> alpha.acknowledged().equals(List.of("db-7")));
        assertThat(alpha.pendingAlerts()).isZero();
    }

    @Test
    void anAlertTelegramRefusesForGoodIsAcknowledgedAnywaySoThatTheBotStopsSendingIt() {
        FakeTradingBot alpha = connect("alpha");
        awaitText(PARTNER, "alpha</b> connected");
        api.failNextSends(OWNER, 403);

        alpha.send(Message.alert("Take profit hit", "ETH/USDT", null).withId("db-8"));

        awaitText(PARTNER, "Take profit hit");
        await().atMost(WAIT).until(() -> alpha.acknowledged().equals(List.of("db-8")));
        assertThat(api.textsTo(OWNER)).noneMatch(text -> text.contains("Take profit hit"));
        assertThat(loggedEvents()).anyMatch(e -> e.getFormattedMessage()
                .startsWith("Alert db-8 from alpha was refused by Telegram in at least one chat"));
    }

    @Test
    void anAlertDroppedFromAFullChatQueueIsNotAcknowledged() throws Exception {
        TelegramServerConfig config = TestConfigs.forApi(api.url(), List.of(OWNER));
        start(TestConfigs.withSending(config, new TelegramServerConfig.Sending(2, 0, 5, 50, 200, 5_000)));
        api.failSendsUntilRecovered(OWNER, 503);
        FakeTradingBot alpha = new FakeTradingBot("alpha", server.linkPort(), SECRET);
        bots.add(alpha);
        // The announcement of the connection is in flight, failing: the queue behind it holds two messages.
        await().atMost(WAIT).until(() -> api.failedSends(OWNER) >= 1);

        for (int i = 1; i <= 3; i++) {
            alpha.send(Message.alert("alert " + i, null, null).withId("db-" + i));
        }
        await().atMost(WAIT).until(() -> loggedEvents().stream().anyMatch(e -> e.getFormattedMessage()
                .startsWith("Alert db-1 from alpha was dropped from a full chat queue; not acknowledged")));
        api.recover(OWNER);

        await().atMost(WAIT).until(() -> alpha.acknowledged().equals(List.of("db-2", "db-3")));
        assertThat(alpha.pendingAlerts()).as("db-1 waits for the next connection").isEqualTo(1);
        assertThat(api.textsTo(OWNER)).noneMatch(text -> text.contains("alert 1"));
    }

    @Test
    void aSecondBotUnderTheSameNameIsRefusedWithOneChatMessageWhileTheFirstKeepsServing() {
        FakeTradingBot first = connect("alpha");
        String firstAddress = awaitText(OWNER, "alpha</b> connected from")
                .replaceAll(".*<code>([0-9.:]+)</code>.*", "$1");
        FakeTradingBot second = new FakeTradingBot("alpha", server.linkPort(), SECRET, command -> "second did it");
        bots.add(second);

        String notice = awaitText(OWNER, "A second trading bot named");
        assertThat(notice).matches("⛔ A second trading bot named <b>alpha</b> tried to connect from "
                + "<code>127\\.0\\.0\\.1:[0-9]+</code> and was refused: <b>alpha</b> is already connected from <code>"
                + firstAddress.replace(".", "\\.") + "</code>\\. Give each bot its own name \\(name: in its "
                + "configuration, or BYNINJA_BOT_NAME\\)\\.");
        long attempts = second.stats().failedConnects();
        await().atMost(WAIT).until(() -> second.stats().failedConnects() >= attempts + 3);
        assertThat(second.state()).isEqualTo(LinkClient.State.REFUSED);

        api.userSends(OWNER, "/status");
        awaitText(OWNER, "<b>alpha</b>: alpha did status");
        assertThat(second.commands()).isEmpty();
        assertThat(first.isConnected()).isTrue();
        assertThat(countContaining(OWNER, "A second trading bot named")).isEqualTo(1);
        assertThat(countContaining(PARTNER, "A second trading bot named")).isEqualTo(1);
        assertThat(countContaining(OWNER, "alpha</b> connected")).isEqualTo(1);
        assertThat(countContaining(OWNER, "alpha</b> disconnected")).isZero();

        first.close();
        await().atMost(WAIT).until(second::isConnected);
        api.userSends(OWNER, "/status");
        awaitText(OWNER, "<b>alpha</b>: second did it");
    }

    @Test
    void aCommandTelegramKeptLongerThanTheLimitIsNotRunAndTheChatIsToldWhy() {
        FakeTradingBot alpha = connect("alpha");
        long typedAt = System.currentTimeMillis() / 1000 - 92;
        String at = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC)
                .format(Instant.ofEpochSecond(typedAt));

        api.userSendsAt(OWNER, "/forcebuy BTC/USDT 50", typedAt);

        String ignored = awaitText(OWNER, "Ignored /forcebuy");
        assertThat(ignored).matches("Ignored /forcebuy BTC/USDT 50, sent 9[23] s ago \\(at " + at + " UTC\\): "
                + "commands older than 30 s are not run, in case they no longer hold\\. Send it again if you still "
                + "want it\\.");
        assertThat(alpha.commands()).isEmpty();

        api.userSends(OWNER, "/forcebuy BTC/USDT 50");
        awaitText(OWNER, "<b>alpha</b>: alpha did forcebuy BTC/USDT 50");
        assertThat(alpha.commands()).hasSize(1);
    }
}
