package com.byninja.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.byninja.protocol.LinkSecret;
import com.byninja.telegram.testing.FakeBotApi;
import com.byninja.telegram.testing.FakeTradingBot;
import com.byninja.telegram.testing.TestConfigs;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A Bot API answering 502 for a while: one warning per outage, one line when it is over, no stack traces. */
class TelegramOutageTest {
    private static final LinkSecret SECRET = LinkSecret.of("test-secret-0123456789abcdef");
    private static final long OWNER = 111L;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private FakeBotApi api;
    private TelegramServer server;
    private FakeTradingBot bot;

    @BeforeEach
    void start() throws Exception {
        logged.start();
        root().addAppender(logged);
        api = new FakeBotApi(TestConfigs.TOKEN);
        server = TelegramServer.start(TestConfigs.forApi(api.url(), List.of(OWNER)), SECRET, null);
        await().atMost(WAIT).until(() -> api.calls().contains("getupdates"));
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
        server.close();
        api.close();
        root().detachAppender(logged);
    }

    @Test
    void aPassingOutageOfPollingAndSendingIsOneWarningEachAndOneLineEachWhenItIsOver() {
        api.failPollsUntilRecovered(502);
        api.failSendsUntilRecovered(OWNER, 502);
        bot = new FakeTradingBot("alpha", server.linkPort(), SECRET);
        await().atMost(WAIT).until(() -> api.failedPolls() >= 3 && api.failedSends(OWNER) >= 3);

        api.recoverPolls();
        api.recover(OWNER);
        await().atMost(WAIT).until(() -> api.textsTo(OWNER).stream().anyMatch(t -> t.contains("alpha</b> connected")));
        await().atMost(WAIT).until(() -> messages(Level.INFO).stream().filter(m -> m.contains("works again")).count()
                == 2);

        assertThat(messages(Level.WARN)).containsExactlyInAnyOrder(
                "Polling Telegram failed (HTTP 502 Bad Gateway); retrying until it works again, without logging each "
                        + "failure",
                "Sending to chat 111 failed (HTTP 502: Scripted failure); retrying until it works again, without "
                        + "logging each failure");
        assertThat(messages(Level.INFO).stream().filter(m -> m.contains("works again")))
                .hasSize(2)
                .anySatisfy(m -> assertThat(m).matches("Polling Telegram works again after \\d+ s \\(\\d+ failed "
                        + "attempts\\)"))
                .anySatisfy(m -> assertThat(m).matches("Sending to chat 111 works again after \\d+ s \\(\\d+ failed "
                        + "attempts\\)"));
        assertThat(events()).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                .as("no stack trace above DEBUG").allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());
    }

    /** @return what was logged at exactly {@code level} */
    private List<String> messages(Level level) {
        return events().stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** ListAppender appends under its own lock (AppenderBase.doAppend is synchronized). */
    private List<ILoggingEvent> events() {
        synchronized (logged) {
            return List.copyOf(logged.list);
        }
    }

    private static ch.qos.logback.classic.Logger root() {
        return (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
