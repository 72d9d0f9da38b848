package com.byninja.telegram.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.byninja.protocol.LinkSecret;
import com.byninja.protocol.Message;
import com.byninja.telegram.TelegramServer;
import com.byninja.telegram.config.TelegramServerConfig;
import com.byninja.telegram.testing.FakeTradingBot;
import com.byninja.telegram.testing.TestConfigs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Console mode, driven through piped streams: commands in, plain-text replies, alerts and logs out. */
class ConsoleModeTest {
    private static final LinkSecret SECRET = LinkSecret.of("console-secret-0123456789");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final CountDownLatch ended = new CountDownLatch(1);
    private PipedOutputStream typing;
    private TelegramServer server;
    private FakeTradingBot alpha;

    @BeforeEach
    void start() throws IOException {
        typing = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(typing, 64 * 1024);
        // No token and no allowed chats: console mode needs neither, and never calls Telegram.
        // A reply timeout of 3 s: also how long a command typed before the first bot connects waits for one.
        TelegramServerConfig config = TestConfigs.withReplyTimeout(
                TestConfigs.forApi("http://127.0.0.1:9", List.of()), 3_000);
        server = TelegramServer.start(config, SECRET,
                new TelegramServer.Console(in, new PrintStream(captured, true, StandardCharsets.UTF_8), ended::countDown));
    }

    @AfterEach
    void stop() throws IOException {
        if (alpha != null) {
            alpha.close();
        }
        server.close();
        typing.close();
    }

    private String output() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    private void type(String line) throws IOException {
        typing.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        typing.flush();
    }

    @Test
    void typedCommandsReachTheBotAndRepliesArePrintedAsPlainText() throws IOException {
        await().atMost(WAIT).until(() -> output().contains("Type /help"));
        alpha = new FakeTradingBot("alpha", server.linkPort(), SECRET);
        await().atMost(WAIT).until(() -> output().contains("alpha connected from 127.0.0.1:"));

        type("/status");
        type("forcebuy btc/usdt 10");
        type("/help");

        await().atMost(WAIT).until(() -> output().contains("alpha: alpha did status"));
        await().atMost(WAIT).until(() -> output().contains("alpha: alpha did forcebuy BTC/USDT 10"));
        await().atMost(WAIT).until(() -> output().contains("/forcesell SYMBOL|all - "));
        assertThat(output()).doesNotContain("<b>", "&lt;");
    }

    @Test
    void aDangerousCommandIsAskedWithNumberedButtonsAndTypingOneConfirmsIt() throws IOException {
        alpha = new FakeTradingBot("alpha", server.linkPort(), SECRET);
        await().atMost(WAIT).until(() -> output().contains("alpha connected"));

        type("/forcesell all");
        await().atMost(WAIT).until(() -> output().contains("(type a number to press a button)"));
        assertThat(alpha.commands()).isEmpty();
        type("1");

        await().atMost(WAIT).until(() -> output().contains("alpha: alpha did forcesell all"));
        assertThat(output()).contains("""
                ⚠️ Confirm /forcesell all for alpha?
                It acts on every symbol.
                Yes or No within 30 s.
                  [1] Yes
                  [2] No
                  (type a number to press a button)""".replace("\n", System.lineSeparator()));
        assertThat(output()).contains("✎ (edited) ⚠️ Confirm /forcesell all for alpha?" + System.lineSeparator()
                + "It acts on every symbol." + System.lineSeparator() + "✅ Confirmed by console: sent to alpha.");
        assertThat(alpha.commands()).extracting(Message::message).containsExactly("forcesell");
    }

    @Test
    void alertsAndLogsArePrintedToo() {
        alpha = new FakeTradingBot("alpha", server.linkPort(), SECRET);
        await().atMost(WAIT).until(() -> output().contains("alpha connected"));

        alpha.send(Message.alert("Take profit <+5%>", "ETH/USDT", null));
        alpha.send(Message.log("ERROR", "exchange down"));

        await().atMost(WAIT).until(() -> output().contains("alpha ETH/USDT: Take profit <+5%>"));
        await().atMost(WAIT).until(() -> output().contains("alpha ERROR exchange down"));
    }

    @Test
    void anAlertIsAcknowledgedOnceItIsPrinted() {
        alpha = new FakeTradingBot("alpha", server.linkPort(), SECRET);
        await().atMost(WAIT).until(() -> output().contains("alpha connected"));

        alpha.send(Message.alert("Stop loss hit", "BTC/USDT", null).withId("db-3"));

        await().atMost(WAIT).until(() -> alpha.acknowledged().equals(List.of("db-3")));
        assertThat(output()).contains("alpha BTC/USDT: Stop loss hit");
        assertThat(alpha.pendingAlerts()).isZero();
    }

    @Test
    void theEndOfInputEndsTheSessionAfterTheLastAnswer() throws Exception {
        alpha = new FakeTradingBot("alpha", server.linkPort(), SECRET);
        await().atMost(WAIT).until(() -> output().contains("alpha connected"));

        type("/stats");
        typing.close();

        assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(output()).contains("alpha: alpha did stats");
    }

    @Test
    void aCommandPipedBeforeTheFirstBotConnectsWaitsForItInsteadOfFailing() throws IOException {
        await().atMost(WAIT).until(() -> output().contains("Type /help"));
        type("/status");
        await().atMost(WAIT).until(() -> output().contains("No trading bot has connected yet; waiting up to 3 s"));
        alpha = new FakeTradingBot("alpha", server.linkPort(), SECRET);

        await().atMost(WAIT).until(() -> output().contains("alpha: alpha did status"));
        assertThat(output()).doesNotContain("No trading bot is connected.");
    }

    @Test
    void withoutABotTheConsoleSaysSo() throws IOException {
        type("/status");

        await().atMost(WAIT).until(() -> output().contains("No trading bot is connected."));
    }
}
