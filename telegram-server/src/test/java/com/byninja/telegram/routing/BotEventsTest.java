package com.byninja.telegram.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.protocol.Message;
import com.byninja.protocol.Tag;
import com.byninja.telegram.config.TelegramServerConfig;
import com.byninja.telegram.telegram.ChatMessage;
import com.byninja.telegram.telegram.ChatOutput;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What becomes of an alert once the chats are done with it: no link, no Telegram. */
class BotEventsTest {
    private static final long OWNER = 1L;
    private static final long PARTNER = 2L;

    /** Two chats; each message ends at once the way the test scripted for that chat (sent by default). */
    private static final class ScriptedChats implements ChatOutput {
        final List<String> said = new ArrayList<>();
        final Map<Long, Delivery> outcome = new HashMap<>();

        @Override
        public void send(long chatId, ChatMessage message, Priority priority, Consumer<Outcome> whenDone) {
            said.add(chatId + " " + priority + ": " + ((ChatMessage.Text) message).html());
            whenDone.accept(new Outcome(outcome.getOrDefault(chatId, Delivery.SENT), OptionalInt.empty()));
        }

        @Override
        public long dropped(Priority priority) {
            return 0;
        }

        @Override
        public boolean logPending(long chatId) {
            return false;
        }

        @Override
        public List<Long> chats() {
            return List.of(OWNER, PARTNER);
        }
    }

    private final ScriptedChats chats = new ScriptedChats();
    private final List<String> receipts = new ArrayList<>();
    private final PendingCommands pending = new PendingCommands(60_000, p -> { });
    private final LogRelay logs = new LogRelay(chats, new TelegramServerConfig.Logs("WARN", 1_000, 10));
    private final ConnectionNotices notices = new ConnectionNotices(chats, Duration.ofMinutes(5),
            Clock.fixed(Instant.parse("2025-06-15T10:00:00Z"), ZoneOffset.UTC), (role, error) -> { });
    private final BotEvents events = new BotEvents(chats, pending, new CommandRouter(new Bots() {
        @Override
        public Optional<BotConnection> find(String name) {
            return Optional.empty();
        }

        @Override
        public List<BotConnection> connected() {
            return List.of();
        }
    }, chats, pending, Duration.ofSeconds(30), Clock.systemUTC()), logs, notices, 1_000, new BotEvents.AlertReceipts() {
        @Override
        public void delivered(String bot, String alertId) {
            receipts.add("delivered " + bot + " " + alertId);
        }

        @Override
        public void undelivered(String bot, String alertId) {
            receipts.add("undelivered " + bot + " " + alertId);
        }
    });

    @AfterEach
    void close() {
        notices.close();
        pending.close();
        logs.close();
    }

    @Test
    void anAlertShownInEveryChatIsAcknowledged() {
        events.alert("alpha", Message.alert("Stop loss hit <-3%>", "BTC/USDT", null).withId("db-7"));

        assertThat(chats.said).containsExactly(
                "1 ALERT: ⚠️ <b>alpha</b> <code>BTC/USDT</code>: Stop loss hit &lt;-3%&gt;",
                "2 ALERT: ⚠️ <b>alpha</b> <code>BTC/USDT</code>: Stop loss hit &lt;-3%&gt;");
        assertThat(receipts).containsExactly("delivered alpha db-7");
    }

    @Test
    void aReplyAndAnUnansweredCommandGoToTheChatThatAskedAsAnswersToAPerson() {
        BotConnection alpha = connection("alpha");
        pending.register(new PendingCommands.Pending("c-1", OWNER, "alpha", alpha, "/status"));

        events.reply("alpha", Message.replyTo(Message.command("c-1", com.byninja.protocol.commands.Command.STATUS, null),
                "all good", null));
        events.timedOut(new PendingCommands.Pending("c-2", PARTNER, "alpha", alpha, "/stats"));

        assertThat(chats.said).containsExactly("1 REPLY: <b>alpha</b>: all good",
                "2 REPLY: <b>alpha</b> did not answer /stats within 1 s.");
    }

    @Test
    void anAlertArrivingLateSaysWhenItWasRaised() {
        long raised = Message.nowSeconds() - 300;
        events.alert("alpha", new Message(Tag.ALERT, "Closed BTC/USDT", raised, "db-6", null, null, null, null));

        String at = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").withZone(java.time.ZoneOffset.UTC)
                .format(java.time.Instant.ofEpochSecond(raised));
        assertThat(chats.said.get(0)).isEqualTo("1 ALERT: ⚠️ <b>alpha</b>: Closed BTC/USDT (raised at " + at
                + " UTC, 5 min ago)");
    }

    @Test
    void anAlertTelegramRefusedForGoodInOneChatIsAcknowledgedAnyway() {
        chats.outcome.put(PARTNER, ChatOutput.Delivery.REFUSED);

        events.alert("alpha", Message.alert("Take profit", null, null).withId("db-8"));

        assertThat(receipts).containsExactly("delivered alpha db-8");
    }

    @Test
    void anAlertDroppedInOneChatIsNotAcknowledgedAndItsNextCopyWillBeShown() {
        chats.outcome.put(OWNER, ChatOutput.Delivery.DROPPED);

        events.alert("alpha", Message.alert("Bought", null, null).withId("db-9"));

        assertThat(receipts).containsExactly("undelivered alpha db-9");
        assertThat(events.undeliveredAlerts()).isEqualTo(1);
    }

    @Test
    void anAlertWithoutAnIdIsShownAndNothingIsAcknowledged() {
        events.alert("alpha", new Message(Tag.ALERT, "old style", Message.nowSeconds(), null, null,
                null, null, null));

        assertThat(chats.said)
                .containsExactly("1 ALERT: ⚠️ <b>alpha</b>: old style", "2 ALERT: ⚠️ <b>alpha</b>: old style");
        assertThat(receipts).isEmpty();
    }

    /** Each kind the trading bot raises, with a text as it writes it, and how the owner sees it. */
    static Stream<Arguments> alertsByKind() {
        return Stream.of(
                Arguments.of("position_opened", "BTC/USDT", null, "Opened on the strategy's entry signal: bought "
                        + "0.00052 BTC at 96153.85 for 50.00 USDT, fee 0.05 USDT",
                        "🔵 <b>alpha</b> <code>BTC/USDT</code>: Opened on the strategy's entry signal: bought 0.00052 "
                                + "BTC at 96153.85 for 50.00 USDT, fee 0.05 USDT"),
                Arguments.of("position_closed", "ETH/USDT", "1.2034", "Closed by the take-profit: sold 0.5 ETH at "
                        + "3061.80, PnL +1.20 USDT (+0.80%) after 3.03 USDT fees",
                        "💰 <b>alpha</b> <code>ETH/USDT</code>: Closed by the take-profit: sold 0.5 ETH at 3061.80, "
                                + "PnL +1.20 USDT (+0.80%) after 3.03 USDT fees"),
                Arguments.of("position_closed", "BTC/USDT", "-0.70", "Closed by the stop-loss: sold 0.00052 BTC at "
                        + "94800.00, PnL -0.70 USDT (-1.40%) after 0.10 USDT fees",
                        "🔻 <b>alpha</b> <code>BTC/USDT</code>: Closed by the stop-loss: sold 0.00052 BTC at 94800.00, "
                                + "PnL -0.70 USDT (-1.40%) after 0.10 USDT fees"),
                Arguments.of("position_reduced", "BTC/USDT", "0", "Reduced by /forcesell: sold 0.001 BTC at 100, "
                        + "PnL 0.00 USDT (0.00%) after 0.20 USDT fees",
                        "⚪ <b>alpha</b> <code>BTC/USDT</code>: Reduced by /forcesell: sold 0.001 BTC at 100, PnL "
                                + "0.00 USDT (0.00%) after 0.20 USDT fees"),
                Arguments.of("stop_loss_hit", "BTC/USDT", null, "Stop-loss hit at 94800.00 (entry 96153.85); "
                        + "selling 0.00052 BTC",
                        "🛑 <b>alpha</b> <code>BTC/USDT</code>: Stop-loss hit at 94800.00 (entry 96153.85); selling "
                                + "0.00052 BTC"),
                Arguments.of("take_profit_hit", "BTC/USDT", null, "Take-profit hit at 99000.00 (entry 96153.85); "
                        + "selling 0.00052 BTC",
                        "🎯 <b>alpha</b> <code>BTC/USDT</code>: Take-profit hit at 99000.00 (entry 96153.85); selling "
                                + "0.00052 BTC"),
                Arguments.of("risk_limit", "BTC/USDT", null, "The strategy's buy was refused: 3 positions are open, "
                        + "the maximum is 3 (risk.maxOpenPositions)",
                        "🚧 <b>alpha</b> <code>BTC/USDT</code>: The strategy's buy was refused: 3 positions are open, "
                                + "the maximum is 3 (risk.maxOpenPositions)"),
                Arguments.of("daily_loss_limit", null, null, "Daily loss limit reached: -50.20 USDT realised today "
                        + "(limit 50.00 USDT); buying stops until 00:00 UTC",
                        "🚧 <b>alpha</b>: Daily loss limit reached: -50.20 USDT realised today (limit 50.00 USDT); "
                                + "buying stops until 00:00 UTC"),
                Arguments.of("exchange_failing", null, null, "binance is failing: 5 calls in a row got no answer, "
                        + "the last: connect timed out. Buying is paused until it answers again; protective sells "
                        + "keep being tried.",
                        "📡 <b>alpha</b>: binance is failing: 5 calls in a row got no answer, the last: connect timed "
                                + "out. Buying is paused until it answers again; protective sells keep being tried."),
                Arguments.of("exchange_recovered", "BTC/USDT", null, "Prices are back after 2 min without: 18 price "
                        + "requests (one a poll) failed meanwhile.",
                        "✅ <b>alpha</b> <code>BTC/USDT</code>: Prices are back after 2 min without: 18 price requests "
                                + "(one a poll) failed meanwhile."),
                Arguments.of("bot_started", null, null, "Started on binance (live): trading on, 1 open position.",
                        "🚀 <b>alpha</b>: Started on binance (live): trading on, 1 open position."),
                Arguments.of("bot_stopped", null, null, "Stopped by its owner (SIGTERM); 1 open position kept",
                        "⏹️ <b>alpha</b>: Stopped by its owner (SIGTERM); 1 open position kept"),
                Arguments.of("order_rejected", "BTC/USDT", null, "The exchange rejected buy order bn-7, placed by "
                        + "/forcebuy: insufficient balance",
                        "❌ <b>alpha</b> <code>BTC/USDT</code>: The exchange rejected buy order bn-7, placed by "
                                + "/forcebuy: insufficient balance"),
                Arguments.of("trading_stopped", null, null, "Trading stopped globally by command",
                        "⏸️ <b>alpha</b>: Trading stopped globally by command"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("alertsByKind")
    void anAlertIsShownWithTheEmojiOfItsKindTheBotItsSymbolOnceAndItsText(String event, String symbol, String pnl,
                                                                         String text, String shown) {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("event", event);
        if (pnl != null) {
            data.put("realisedPnl", pnl);
        }
        events.alert("alpha", Message.alert(text, symbol, data).withId("db-1"));

        assertThat(chats.said).containsExactly("1 ALERT: " + shown, "2 ALERT: " + shown);
    }

    @Test
    void anAlertOfAKindThisServerDoesNotKnowIsShownWithItsTextUnderTheWarningSign() {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("event", "moon_landing");

        events.alert("alpha", Message.alert("Something new <happened>", "BTC/USDT", data).withId("db-2"));

        assertThat(chats.said).containsExactly(
                "1 ALERT: ⚠️ <b>alpha</b> <code>BTC/USDT</code>: Something new &lt;happened&gt;",
                "2 ALERT: ⚠️ <b>alpha</b> <code>BTC/USDT</code>: Something new &lt;happened&gt;");
    }

    @Test
    void aNameInUseIsToldToEveryChatWithBothAddresses() {
        events.nameInUse("alpha", "127.0.0.1:40000", "127.0.0.1:51234");

        assertThat(chats.said).containsExactly(
                "1 NOTICE: ⛔ A second trading bot named <b>alpha</b> tried to connect from "
                        + "<code>127.0.0.1:51234</code> and was refused: <b>alpha</b> is already connected from "
                        + "<code>127.0.0.1:40000</code>. Give each bot its own name (name: in its configuration, or "
                        + "BYNINJA_BOT_NAME).",
                "2 NOTICE: ⛔ A second trading bot named <b>alpha</b> tried to connect from "
                        + "<code>127.0.0.1:51234</code> and was refused: <b>alpha</b> is already connected from "
                        + "<code>127.0.0.1:40000</code>. Give each bot its own name (name: in its configuration, or "
                        + "BYNINJA_BOT_NAME).");
    }

    @Test
    void aBotThatSaidItWasStoppingIsShownAsStoppedRatherThanAsALostConnection() {
        BotConnection alpha = connection("alpha");

        events.status(alpha, Message.stopping("stopped by its owner (SIGTERM)"));
        events.disconnected(alpha, "connection lost: the peer closed the connection", false);

        assertThat(chats.said).containsExactly(
                "1 NOTICE: 🔴 <b>alpha</b> disconnected: stopped by its owner (SIGTERM).",
                "2 NOTICE: 🔴 <b>alpha</b> disconnected: stopped by its owner (SIGTERM).");
    }

    @Test
    void aBotThatStoppedIsShownAsStoppedEvenWhenItsSuccessorConnectedFirst() {
        BotConnection alpha = connection("alpha");

        events.status(alpha, Message.stopping("stopped by its owner (SIGTERM)"));
        events.disconnected(alpha, "connection lost: the peer closed the connection", true);

        assertThat(chats.said).containsExactly(
                "1 NOTICE: 🔴 <b>alpha</b> disconnected: stopped by its owner (SIGTERM).",
                "2 NOTICE: 🔴 <b>alpha</b> disconnected: stopped by its owner (SIGTERM).");
    }

    @Test
    void aConnectionReplacedWithoutAStopIsNotAnnounced() {
        events.disconnected(connection("alpha"), "connection lost: the peer closed the connection", true);

        assertThat(chats.said).isEmpty();
    }

    @Test
    void aBotThatSaidNothingBeforeItsConnectionEndedIsShownWithWhyItEnded() {
        BotConnection alpha = connection("alpha");

        events.status(alpha, Message.of(Tag.STATUS, "status"));
        events.disconnected(alpha, "connection lost: the peer closed the connection", false);

        assertThat(chats.said).containsExactly(
                "1 NOTICE: 🔴 <b>alpha</b> disconnected: connection lost: the peer closed the connection.",
                "2 NOTICE: 🔴 <b>alpha</b> disconnected: connection lost: the peer closed the connection.");
    }

    @Test
    void aStopAnnouncedOnAnEarlierConnectionDoesNotColourTheNextOne() {
        BotConnection before = connection("alpha");
        BotConnection after = connection("alpha");
        events.status(before, Message.stopping("stopped by its owner (SIGTERM)"));
        events.disconnected(before, "connection lost: the peer closed the connection", false);
        chats.said.clear();

        events.disconnected(after, "peer silent for 15000 ms (heartbeat timeout)", false);

        assertThat(chats.said).containsExactly(
                "1 NOTICE: 🔴 <b>alpha</b> disconnected: peer silent for 15000 ms (heartbeat timeout).",
                "2 NOTICE: 🔴 <b>alpha</b> disconnected: peer silent for 15000 ms (heartbeat timeout).");
    }

    @Test
    void theWatchHearsOfConnectionsStatusAndAlertsAndThatABotStoppedOnPurpose() {
        List<String> heard = new ArrayList<>();
        CommandRouter router = new CommandRouter(new Bots() {
            @Override
            public Optional<BotConnection> find(String name) {
                return Optional.empty();
            }

            @Override
            public List<BotConnection> connected() {
                return List.of();
            }
        }, chats, pending, Duration.ofSeconds(30), Clock.systemUTC());
        BotEvents watched = new BotEvents(chats, pending, router, logs, notices, 1_000, new BotEvents.AlertReceipts() {
            @Override
            public void delivered(String bot, String alertId) {
            }

            @Override
            public void undelivered(String bot, String alertId) {
            }
        }, Clock.systemUTC(), new BotWatch() {
            @Override
            public void connected(String bot) {
                heard.add("connected " + bot);
            }

            @Override
            public void disconnected(String bot, String why, boolean stopped, boolean replaced) {
                heard.add("disconnected " + bot + ": " + why + (stopped ? ", stopped" : "")
                        + (replaced ? ", replaced" : ""));
            }

            @Override
            public void status(String bot, Message status) {
                heard.add("status " + bot);
            }

            @Override
            public void alert(String bot, Message alert) {
                heard.add("alert " + bot + ": " + alert.message());
            }
        });
        BotConnection first = connection("alpha");
        BotConnection second = connection("alpha");

        watched.connected(first);
        watched.status(first, Message.of(Tag.STATUS, "status"));
        watched.alert("alpha", Message.alert("binance is failing", null, null));
        watched.status(first, Message.stopping("stopped by its owner (SIGTERM)"));
        watched.disconnected(first, "connection lost: the peer closed the connection", false);
        watched.connected(second);
        watched.disconnected(second, "connection lost: connection reset", false);

        assertThat(heard).containsExactly("connected alpha", "status alpha", "alert alpha: binance is failing",
                "disconnected alpha: stopped by its owner (SIGTERM), stopped", "connected alpha",
                "disconnected alpha: connection lost: connection reset");
    }

    /** A connection as the link server hands it over: each one a distinct object. */
    private static BotConnection connection(String name) {
        return new BotConnection() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String address() {
                return "127.0.0.1:40000";
            }

            @Override
            public java.time.Instant connectedAt() {
                return java.time.Instant.EPOCH;
            }

            @Override
            public boolean send(Message message) {
                return true;
            }
        };
    }
}
