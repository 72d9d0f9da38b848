package com.byninja.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.byninja.protocol.LinkSecret;
import com.byninja.telegram.config.TelegramServerConfig;
import com.byninja.telegram.testing.FakeBotApi;
import com.byninja.telegram.testing.FakeTradingBot;
import com.byninja.telegram.testing.TestConfigs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The watchdog end to end: a trading bot on a real socket drops, the server escalates it through the real TelegramBots
 * client to the fake Bot API with an Acknowledge button, a stranger's press of it does nothing, the owner's silences
 * it, and the bot's return resolves it. The watchdog escalates after one second here.
 */
class WatchdogChatTest {
    private static final LinkSecret SECRET = LinkSecret.of("test-secret-0123456789abcdef");
    private static final long OWNER = 111L;
    private static final long STRANGER = 999L;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private FakeBotApi api;
    private TelegramServer server;
    private final List<FakeTradingBot> bots = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        api = new FakeBotApi(TestConfigs.TOKEN);
        server = TelegramServer.start(TestConfigs.withWatchdog(TestConfigs.forApi(api.url(), List.of(OWNER)),
                new TelegramServerConfig.Watchdog(true, 1, 300, 300, 1, 60)), SECRET, null);
        await().atMost(WAIT).until(() -> api.calls().contains("getupdates"));
    }

    @AfterEach
    void stop() {
        bots.forEach(FakeTradingBot::close);
        server.close();
        api.close();
    }

    private FakeTradingBot connect() {
        long before = count("<b>alpha</b> connected");
        FakeTradingBot bot = new FakeTradingBot("alpha", server.linkPort(), SECRET);
        bots.add(bot);
        await().atMost(WAIT).until(() -> count("<b>alpha</b> connected") > before);
        return bot;
    }

    private long count(String text) {
        return api.textsTo(OWNER).stream().filter(t -> t.contains(text)).count();
    }

    private FakeBotApi.Sent awaitSent(String regex) {
        Pattern pattern = Pattern.compile(regex, Pattern.DOTALL);
        await().atMost(WAIT).until(() -> api.sentTo(OWNER).stream().anyMatch(s -> pattern.matcher(s.text()).find()));
        return api.sentTo(OWNER).stream().filter(s -> pattern.matcher(s.text()).find()).findFirst().orElseThrow();
    }

    @Test
    void aBotThatDropsIsEscalatedLoudlyTheOwnersButtonSilencesItAStrangersDoesNothingAndItsReturnResolvesIt() {
        connect().close();

        FakeBotApi.Sent escalation = awaitSent("^🚨 <b>alpha</b> is down: it disconnected [0-9]+ s ago, at "
                + "[0-9:]{8} UTC \\(.+\\), and has not come back\\.\nReminders follow, the next in 1 s, until it is "
                + "over or acknowledged\\.$");
        assertThat(api.sentSilently(escalation.messageId())).as("sent with a notification").isFalse();
        String data = escalation.replyMarkup().path("inline_keyboard").get(0).get(0).path("callback_data").asText();
        assertThat(escalation.replyMarkup().path("inline_keyboard").get(0).get(0).path("text").asText())
                .isEqualTo("Acknowledge");
        assertThat(data).matches("watchdog:ack:[0-9a-z]+-1");

        api.userPresses(STRANGER, STRANGER, escalation.messageId(), data);
        String owners = api.userPresses(OWNER, OWNER, escalation.messageId(), data);

        awaitSent("^🔕 Acknowledged: no more reminders of <b>alpha</b> being down; a message follows when it is "
                + "back\\.$");
        await().atMost(WAIT).until(() -> !api.answers().isEmpty());
        assertThat(api.answers()).singleElement().satisfies(answer -> {
            assertThat(answer.callbackQueryId()).isEqualTo(owners);
            assertThat(answer.text()).isEqualTo("Acknowledged: no more reminders.");
        });
        assertThat(api.sentTo(STRANGER)).isEmpty();

        connect();
        awaitSent("^✅ <b>alpha</b> is back, after [0-9]+ s down\\.$");
    }
}
