package com.byninja.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.byninja.protocol.LinkSecret;
import com.byninja.protocol.Message;
import com.byninja.telegram.config.TelegramServerConfig;
import com.byninja.telegram.testing.FakeBotApi;
import com.byninja.telegram.testing.FakeTradingBot;
import com.byninja.telegram.testing.TestConfigs;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /notify} against the fake Bot API and a real link: a chat that set stops silent gets the stop-loss alert
 * without a notification, one that turned logs off gets no log lines while the other chat does, and the settings
 * outlive a restart of the server.
 */
class NotifyChatTest {

    static final LinkSecret SECRET = LinkSecret.of("test-secret-0123456789abcdef");
    static final long OWNER = 111L;
    static final long PARTNER = 222L;
    static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    FakeBotApi api;
    TelegramServer server;
    FakeTradingBot bot;

    @BeforeEach
    void start() throws Exception {
        api = new FakeBotApi(TestConfigs.TOKEN);
        server = TelegramServer.start(config(), SECRET, null);
    }

    TelegramServerConfig config() {
        TelegramServerConfig c = TestConfigs.forApi(api.url(), List.of(OWNER, PARTNER));
        return new TelegramServerConfig(c.telegram(), c.link(), c.routing(), c.sending(), c.logs(), dir.toString(),
                c.watchdog());
    }

    @AfterEach
    void stop() throws Exception {
        if (bot != null) {
            bot.close();
        }
        server.close();
        api.close();
    }

    void awaitText(long chat, String text) {
        await().atMost(WAIT).until(() -> api.textsTo(chat).stream().anyMatch(t -> t.contains(text)));
    }

    @Test
    void aSilentTopicArrivesWithoutANotificationAndAnOffOneNotAtAllWhileTheOtherChatHearsIt() throws Exception {
        bot = new FakeTradingBot("alpha", server.linkPort(), SECRET);
        awaitText(OWNER, "alpha</b> connected");

        api.userSends(OWNER, "/notify stops silent");
        awaitText(OWNER, "Stops: silent from now on.");
        api.userSends(OWNER, "/notify logs off");
        awaitText(OWNER, "Logs: off from now on.");

        ObjectNode data = (ObjectNode) new ObjectMapper().readTree("{\"event\": \"stop_loss_hit\"}");
        bot.send(Message.alert("Stop-loss hit at 98 (entry 100); selling 1 BTC", "BTC/USDT", data));
        bot.send(Message.log("ERROR", "the exchange refused the order"));

        awaitText(OWNER, "Stop-loss hit at 98");
        awaitText(PARTNER, "Stop-loss hit at 98");
        assertThat(api.sentTo(OWNER)).filteredOn(s -> s.text().contains("Stop-loss hit"))
                .allMatch(s -> api.sentSilently(s.messageId()));
        assertThat(api.sentTo(PARTNER)).filteredOn(s -> s.text().contains("Stop-loss hit"))
                .noneMatch(s -> api.sentSilently(s.messageId()));
        awaitText(PARTNER, "the exchange refused the order");
        assertThat(api.textsTo(OWNER)).noneMatch(t -> t.contains("the exchange refused the order"));

        server.close();
        server = TelegramServer.start(config(), SECRET, null);
        api.userSends(OWNER, "/notify");
        awaitText(OWNER, "Logs: off (the bots' warning and error log lines)");
    }
}
