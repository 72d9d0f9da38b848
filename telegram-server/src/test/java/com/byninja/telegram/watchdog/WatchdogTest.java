package com.byninja.telegram.watchdog;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.protocol.Message;
import com.byninja.protocol.Tag;
import com.byninja.telegram.config.TelegramServerConfig;
import com.byninja.telegram.telegram.ChatInput;
import com.byninja.telegram.telegram.ChatMessage;
import com.byninja.telegram.telegram.ChatOutput;
import com.byninja.telegram.testing.MutableClock;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The watchdog on a clock the test moves: what each chat is told, and when, as bots drop, go stale or fail at the
 * exchange. Time passes as the {@code watchdog} thread would see it: each time something is due, it is said.
 */
class WatchdogTest {
    private static final long OWNER = 111L;
    private static final long PARTNER = 222L;
    private static final long STRANGER = 999L;
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final TelegramServerConfig.Watchdog SETTINGS = TelegramServerConfig.Watchdog.DEFAULTS;
    private static final String FOOTER = "\nReminders follow, the next in 5 min, until it is over or acknowledged.";
    private static final String ACK_1 = " [Acknowledge: watchdog:ack:t-1]";

    /** Every chat's messages, each as {@code <priority>: <html> [<button>: <data>]}, and the answers to presses. */
    private static final class Chats implements ChatOutput {
        final List<String> owner = new ArrayList<>();
        final List<String> partner = new ArrayList<>();

        @Override
        public void send(long chatId, ChatMessage message, Priority priority, Consumer<Outcome> whenDone) {
            String shown;
            if (message instanceof ChatMessage.TextWithKeyboard keyboard) {
                var button = keyboard.keyboard().getKeyboard().get(0).get(0);
                shown = priority + ": " + keyboard.html() + " [" + button.getText() + ": " + button.getCallbackData()
                        + "]";
            } else if (message instanceof ChatMessage.Text text) {
                shown = priority + ": " + text.html();
            } else {
                ChatMessage.ButtonAnswer answer = (ChatMessage.ButtonAnswer) message;
                shown = priority + " answer to " + answer.callbackQueryId() + ": " + answer.text().orElse("");
            }
            (chatId == OWNER ? owner : partner).add(shown);
            whenDone.accept(new Outcome(Delivery.SENT, OptionalInt.empty()));
        }

        @Override
        public boolean logPending(long chatId) {
            return false;
        }

        @Override
        public long dropped(Priority priority) {
            return 0;
        }

        @Override
        public List<Long> chats() {
            return List.of(OWNER, PARTNER);
        }
    }

    private final MutableClock clock = new MutableClock(T0);
    private final Chats chats = new Chats();
    private final List<Instant> saidAt = new ArrayList<>();

    private Watchdog watchdog(TelegramServerConfig.Watchdog settings) {
        return new Watchdog(chats, settings, clock, (role, error) -> { }, "t");
    }

    /** Moves the clock to {@code at}, saying on the way whatever falls due, when it falls due. */
    private void runUntil(Watchdog watchdog, Instant at) {
        for (Optional<Instant> next = watchdog.nextDue(); next.isPresent() && !next.get().isAfter(at);
                next = watchdog.nextDue()) {
            clock.set(next.get());
            int before = chats.owner.size();
            watchdog.sayDue();
            if (chats.owner.size() > before) {
                saidAt.add(next.get());
            }
        }
        clock.set(at);
    }

    private void at(long seconds) {
        clock.set(T0.plusSeconds(seconds));
    }

    @Test
    void aBotThatDropsAndIsNotBackInTimeIsEscalatedWithAButtonRemindedOfAndResolvedWhenItIsBack() {
        Watchdog watchdog = watchdog(SETTINGS);
        watchdog.connected("alpha");
        at(10);
        watchdog.disconnected("alpha", "connection lost: connection reset", false, false);

        runUntil(watchdog, T0.plusSeconds(129));
        assertThat(chats.owner).isEmpty();

        runUntil(watchdog, T0.plusSeconds(480));
        at(480);
        watchdog.connected("alpha");

        String down = "ALERT: 🚨 <b>alpha</b> is down: it disconnected 2 min ago, at 10:00:10 UTC (connection lost: "
                + "connection reset), and has not come back." + FOOTER + ACK_1;
        String still = "ALERT: 🚨 <b>alpha</b> is still down: it disconnected 7 min ago, at 10:00:10 UTC (connection "
                + "lost: connection reset).\nReminder 1; the next in 10 min." + ACK_1;
        String back = "ALERT: ✅ <b>alpha</b> is back, after 7 min down.";
        assertThat(chats.owner).containsExactly(down, still, back);
        assertThat(chats.partner).containsExactly(down, still, back);
        assertThat(saidAt).containsExactly(T0.plusSeconds(130), T0.plusSeconds(430));
        assertThat(watchdog.nextDue()).isEmpty();
    }

    @Test
    void aBotBackWithinTheTimeIsNotEscalated() {
        Watchdog watchdog = watchdog(SETTINGS);
        watchdog.connected("alpha");
        watchdog.disconnected("alpha", "connection lost: connection reset", false, false);
        runUntil(watchdog, T0.plusSeconds(119));
        watchdog.connected("alpha");

        runUntil(watchdog, T0.plusSeconds(86_400));
        assertThat(chats.owner).isEmpty();
    }

    @Test
    void aBotStoppedOnPurposeIsNotEscalatedAndAReplacedConnectionIsNoDrop() {
        Watchdog watchdog = watchdog(SETTINGS);
        watchdog.connected("alpha");
        watchdog.disconnected("alpha", "stopped by its owner (SIGTERM)", true, false);
        watchdog.connected("beta");
        watchdog.disconnected("beta", "connection lost: the peer closed the connection", false, true);

        runUntil(watchdog, T0.plusSeconds(86_400));
        assertThat(chats.owner).isEmpty();
    }

    @Test
    void anAcknowledgedEscalationIsNotRemindedOfAndStillSaysWhenItIsOver() {
        Watchdog watchdog = watchdog(SETTINGS);
        watchdog.connected("alpha");
        watchdog.disconnected("alpha", "peer silent for 15000 ms (heartbeat timeout)", false, false);
        runUntil(watchdog, T0.plusSeconds(120));
        chats.owner.clear();
        chats.partner.clear();

        watchdog.pressed(new ChatInput.ButtonPress(OWNER, Optional.of("cb-1"), "watchdog:ack:t-1"));
        runUntil(watchdog, T0.plusSeconds(7_200));
        watchdog.pressed(new ChatInput.ButtonPress(PARTNER, Optional.of("cb-2"), "watchdog:ack:t-1"));
        watchdog.connected("alpha");
        watchdog.pressed(new ChatInput.ButtonPress(OWNER, Optional.of("cb-3"), "watchdog:ack:t-1"));

        String acknowledged = "ALERT: 🔕 Acknowledged: no more reminders of <b>alpha</b> being down; a message "
                + "follows when it is back.";
        String back = "ALERT: ✅ <b>alpha</b> is back, after 2 h down.";
        assertThat(chats.owner).containsExactly(acknowledged, "REPLY answer to cb-1: Acknowledged: no more reminders.",
                back, "REPLY answer to cb-3: It is over already: nothing to acknowledge.");
        assertThat(chats.partner).containsExactly(acknowledged, "REPLY answer to cb-2: Acknowledged already.", back);
    }

    @Test
    void aPressFromAChatThatIsNotOursDoesNothingNotEvenAnAnswer() {
        Watchdog watchdog = watchdog(SETTINGS);
        watchdog.connected("alpha");
        watchdog.disconnected("alpha", "connection lost: connection reset", false, false);
        runUntil(watchdog, T0.plusSeconds(120));

        watchdog.pressed(new ChatInput.ButtonPress(STRANGER, Optional.of("cb-9"), "watchdog:ack:t-1"));
        runUntil(watchdog, T0.plusSeconds(420));

        assertThat(chats.owner).hasSize(2).allMatch(m -> m.startsWith("ALERT: 🚨 <b>alpha</b> is"));
        assertThat(chats.owner.get(1)).contains("Reminder 1;");
        assertThat(chats.partner).hasSize(2);
    }

    @Test
    void aPressInTheConsoleIsAnsweredInAReplyAndAButtonOfAnEarlierRunAcknowledgesNothing() {
        Watchdog watchdog = watchdog(SETTINGS);

        watchdog.pressed(new ChatInput.ButtonPress(OWNER, Optional.empty(), "watchdog:ack:s1x2-1"));

        assertThat(chats.owner).containsExactly("REPLY: This button is from before the control server restarted: "
                + "nothing to acknowledge.");
    }

    @Test
    void remindersComeAtDoublingIntervalsUpToTheLongest() {
        Watchdog watchdog = watchdog(new TelegramServerConfig.Watchdog(true, 120, 300, 300, 60, 300));
        watchdog.connected("alpha");
        watchdog.disconnected("alpha", "", false, false);

        runUntil(watchdog, T0.plusSeconds(1_200));

        assertThat(saidAt).containsExactly(T0.plusSeconds(120), T0.plusSeconds(180), T0.plusSeconds(300),
                T0.plusSeconds(540), T0.plusSeconds(840), T0.plusSeconds(1_140));
        assertThat(chats.owner).extracting(m -> m.substring(m.indexOf('\n') + 1, m.indexOf(" [")))
                .containsExactly("Reminders follow, the next in 60 s, until it is over or acknowledged.",
                        "Reminder 1; the next in 2 min.", "Reminder 2; the next in 4 min.",
                        "Reminder 3; the next in 5 min.", "Reminder 4; the next in 5 min.",
                        "Reminder 5; the next in 5 min.");
        assertThat(chats.owner.get(0)).startsWith("ALERT: 🚨 <b>alpha</b> is down: it disconnected 2 min ago, at "
                + "10:00:00 UTC, and has not come back.");
    }

    @Test
    void staleAndMissingPricesInTheStatusAreEscalatedAtOnceAndResolvedByAFreshStatus() {
        Watchdog watchdog = watchdog(SETTINGS);
        watchdog.connected("alpha");
        at(60);
        watchdog.status("alpha", status(60, price("BTC/USDT", 1_000), price("ETH/USDT", 2_000)));
        runUntil(watchdog, T0.plusSeconds(399));
        assertThat(chats.owner).isEmpty();

        at(400);
        watchdog.status("alpha", status(400, price("BTC/USDT", 301_000), noPrice("ETH/USDT"),
                price("SOL/USDT", 1_000)));
        runUntil(watchdog, T0.plusSeconds(400));
        at(460);
        watchdog.status("alpha", status(460, price("BTC/USDT", 1_000), price("ETH/USDT", 1_000)));

        assertThat(chats.owner).containsExactly(
                "ALERT: 🚨 <b>alpha</b> has no fresh prices: BTC/USDT last one 5 min ago, ETH/USDT none since it "
                        + "started 6 min ago." + FOOTER + ACK_1,
                "ALERT: ✅ <b>alpha</b>'s prices are fresh again, after 7 min without.");
    }

    @Test
    void exchangeErrorsThatGoOnAreEscalatedWithWhatFailsAndTheirStalePricesAreNoSecondEscalation() {
        Watchdog watchdog = watchdog(SETTINGS);
        watchdog.connected("alpha");
        at(10);
        watchdog.alert("alpha", alert("exchange_failing", null, "connect timed out", 10));
        at(12);
        watchdog.alert("alpha", alert("exchange_errors", "BTC/USDT", "HTTP 503 Service Unavailable", 12));
        runUntil(watchdog, T0.plusSeconds(309));
        assertThat(chats.owner).isEmpty();

        runUntil(watchdog, T0.plusSeconds(320));
        watchdog.status("alpha", status(320, price("BTC/USDT", 308_000)));
        runUntil(watchdog, T0.plusSeconds(400));
        watchdog.alert("alpha", alert("exchange_recovered", null, null, 400));
        runUntil(watchdog, T0.plusSeconds(410));
        watchdog.alert("alpha", alert("exchange_recovered", "BTC/USDT", null, 410));
        runUntil(watchdog, T0.plusSeconds(420));
        watchdog.status("alpha", status(420, price("BTC/USDT", 900)));
        runUntil(watchdog, T0.plusSeconds(7_200));

        assertThat(chats.owner).containsExactly(
                "ALERT: 🚨 <b>alpha</b> has had exchange errors for 5 min, since 10:00:10 UTC: calls to the exchange "
                        + "fail; no prices for BTC/USDT (last error: HTTP 503 Service Unavailable)." + FOOTER + ACK_1,
                "ALERT: ✅ <b>alpha</b>'s exchange errors are over, after 6 min.");
    }

    @Test
    void exchangeErrorsKeptByTheBotWhileItsLinkWasDownAreTimedFromTheirArrivalNotEscalatedBeforeTheirEndArrives() {
        Watchdog watchdog = watchdog(SETTINGS);
        at(7_200);
        watchdog.connected("alpha");
        watchdog.alert("alpha", alert("exchange_failing", null, "connect timed out", 0));
        runUntil(watchdog, T0.plusSeconds(7_201));
        watchdog.alert("alpha", alert("exchange_recovered", null, null, 3_600));
        runUntil(watchdog, T0.plusSeconds(7_500));
        assertThat(chats.owner).isEmpty();

        watchdog.alert("alpha", alert("exchange_failing", null, "connect timed out", 0));
        runUntil(watchdog, T0.plusSeconds(7_800));
        assertThat(chats.owner).singleElement().asString().startsWith("ALERT: 🚨 <b>alpha</b> has had exchange "
                + "errors for 2 h 10 min, since 10:00:00 UTC: calls to the exchange fail (last error: connect timed "
                + "out).");
    }

    @Test
    void whileABotIsDownOnlyThatIsRemindedOfAndARestartEndsItsExchangeErrors() {
        Watchdog watchdog = watchdog(SETTINGS);
        watchdog.connected("alpha");
        watchdog.alert("alpha", alert("exchange_errors", null, "order requests unanswered", 0));
        runUntil(watchdog, T0.plusSeconds(300));
        at(310);
        watchdog.disconnected("alpha", "connection lost: connection reset", false, false);
        runUntil(watchdog, T0.plusSeconds(1_000));
        at(1_000);
        watchdog.connected("alpha");
        at(1_001);
        watchdog.alert("alpha", alert("bot_started", null, null, 1_001));
        runUntil(watchdog, T0.plusSeconds(7_200));

        assertThat(chats.owner).extracting(m -> m.split("\n")[0]).containsExactly(
                "ALERT: 🚨 <b>alpha</b> has had exchange errors for 5 min, since 10:00:00 UTC: calls to the exchange "
                        + "fail (last error: order requests unanswered).",
                "ALERT: 🚨 <b>alpha</b> is down: it disconnected 2 min ago, at 10:05:10 UTC (connection lost: "
                        + "connection reset), and has not come back.",
                "ALERT: 🚨 <b>alpha</b> is still down: it disconnected 7 min ago, at 10:05:10 UTC (connection lost: "
                        + "connection reset).",
                "ALERT: ✅ <b>alpha</b> is back, after 11 min down.",
                "ALERT: ✅ <b>alpha</b> restarted: no more reminders of its exchange errors of the last 16 min; it "
                        + "says so again if they go on.");
    }

    @Test
    void aBotStoppedOnPurposeWhileEscalatedSaysSoAndIsNoLongerRemindedOf() {
        Watchdog watchdog = watchdog(SETTINGS);
        watchdog.connected("alpha");
        at(400);
        watchdog.status("alpha", status(400, price("BTC/USDT", 400_000)));
        runUntil(watchdog, T0.plusSeconds(400));
        watchdog.disconnected("alpha", "stopped by its owner (SIGTERM)", true, false);
        runUntil(watchdog, T0.plusSeconds(7_200));

        assertThat(chats.owner).hasSize(2);
        assertThat(chats.owner.get(1)).isEqualTo("ALERT: ✅ <b>alpha</b> was stopped on purpose: no more reminders "
                + "of its stale prices.");
    }

    private static Message status(long uptimeSeconds, ObjectNode... symbols) {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("uptimeSeconds", uptimeSeconds);
        ObjectNode bySymbol = data.putObject("symbols");
        for (ObjectNode s : symbols) {
            bySymbol.set(s.remove("name").asText(), s);
        }
        return new Message(Tag.STATUS, "status", T0.getEpochSecond() + uptimeSeconds, null, null, null, null, data);
    }

    private static ObjectNode price(String symbol, long ageMs) {
        return JsonNodeFactory.instance.objectNode().put("name", symbol).put("lastPrice", "100")
                .put("priceAgeMs", ageMs).put("stale", ageMs > 15_000);
    }

    private static ObjectNode noPrice(String symbol) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("name", symbol);
        node.putNull("lastPrice");
        return node;
    }

    private static Message alert(String event, String symbol, String error, long raisedAtSecond) {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("event", event);
        if (error != null) {
            data.put("error", error);
        }
        return new Message(Tag.ALERT, event, T0.getEpochSecond() + raisedAtSecond, "a-" + raisedAtSecond, symbol,
                null, null, data);
    }
}
