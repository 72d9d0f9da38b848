package com.byninja.telegram.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.protocol.Message;
import com.byninja.telegram.telegram.ChatInput;
import com.byninja.telegram.telegram.ChatMessage;
import com.byninja.telegram.telegram.ChatOutput;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Routing decisions with in-memory bots and chats: no link, no Telegram. */
class CommandRouterTest {
    private static final long CHAT = 1L;
    private static final Instant NOW = Instant.parse("2025-06-15T10:42:39Z");

    private static final class FakeBot implements BotConnection {
        final String name;
        final List<Message> received = new ArrayList<>();
        final Instant connectedAt = Instant.now().minus(Duration.ofMinutes(3).plusSeconds(7));
        boolean accepts = true;

        FakeBot(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String address() {
            return "10.0.0.1:4000";
        }

        @Override
        public Instant connectedAt() {
            return connectedAt;
        }

        @Override
        public boolean send(Message message) {
            received.add(message);
            return accepts;
        }
    }

    private final Map<String, FakeBot> connected = new TreeMap<>();
    private final List<String> said = new ArrayList<>();
    private final Map<ChatOutput.Priority, Long> drops = new java.util.EnumMap<>(ChatOutput.Priority.class);
    private final PendingCommands pending = new PendingCommands(60_000, p -> { });
    private final CommandRouter router = new CommandRouter(new Bots() {
        @Override
        public Optional<BotConnection> find(String name) {
            return Optional.ofNullable(connected.get(name));
        }

        @Override
        public List<BotConnection> connected() {
            return List.copyOf(connected.values());
        }
    }, new ChatOutput() {
        @Override
        public void send(long chatId, ChatMessage message, Priority priority, Consumer<Outcome> whenDone) {
            if (message instanceof ChatMessage.Text text) {
                assertThat(priority).as("a reply to a person").isEqualTo(Priority.REPLY);
                said.add(text.html());
            } else {
                said.add(priority + " " + message);
            }
        }

        @Override
        public long dropped(Priority priority) {
            return drops.getOrDefault(priority, 0L);
        }

        @Override
        public boolean logPending(long chatId) {
            return false;
        }

        @Override
        public List<Long> chats() {
            return List.of(CHAT);
        }
    }, pending, Duration.ofSeconds(30), Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void close() {
        pending.close();
    }

    private FakeBot connect(String name) {
        FakeBot bot = new FakeBot(name);
        connected.put(name, bot);
        router.botSeen(name);
        return bot;
    }

    private String lastSaid() {
        return said.get(said.size() - 1);
    }

    @Test
    void withOneBotConnectedCommandsGoToItWithFreshIdsAndAwaitTheirReply() {
        FakeBot alpha = connect("alpha");

        router.handle(CHAT, "/forcebuy btc/usdt 12.50");
        router.handle(CHAT, "/status");

        assertThat(said).isEmpty();
        assertThat(alpha.received).extracting(Message::message).containsExactly("forcebuy", "status");
        Message forcebuy = alpha.received.get(0);
        assertThat(forcebuy.symbol()).isEqualTo("BTC/USDT");
        assertThat(forcebuy.data().get("amount").asText()).isEqualTo("12.5");
        assertThat(alpha.received.get(1).id()).isNotEqualTo(forcebuy.id());
        assertThat(pending.size()).isEqualTo(2);
    }

    @Test
    void aCommandTypedLongerAgoThanTheLimitIsNotRunAndTheChatIsToldWhichAndWhy() {
        FakeBot alpha = connect("alpha");

        router.handle(CHAT, "/forcebuy BTC/USDT 50", NOW.minusSeconds(92));

        assertThat(said).containsExactly("Ignored /forcebuy BTC/USDT 50, sent 92 s ago (at 10:41:07 UTC): commands "
                + "older than 30 s are not run, in case they no longer hold. Send it again if you still want it.");
        assertThat(alpha.received).isEmpty();
        assertThat(pending.size()).isZero();
    }

    @Test
    void aCommandExactlyAtTheLimitStillRuns() {
        FakeBot alpha = connect("alpha");

        router.handle(CHAT, "/stoptrading", NOW.minusSeconds(30));

        assertThat(alpha.received).extracting(Message::message).containsExactly("stoptrading");
        assertThat(said).isEmpty();
    }

    @Test
    void anOldUseIsIgnoredButOldHelpAndPlainTextAreAnsweredAsAlways() {
        connect("alpha");
        connect("beta");

        router.handle(CHAT, "/use beta", NOW.minusSeconds(31));
        router.handle(CHAT, "/help", NOW.minusSeconds(600));
        router.handle(CHAT, "good morning", NOW.minusSeconds(600));
        router.handle(CHAT, "/use");

        assertThat(said.get(0)).startsWith("Ignored /use beta, sent 31 s ago (at 10:42:08 UTC)");
        assertThat(said.get(1)).contains("/forcebuy SYMBOL [AMOUNT]");
        assertThat(said.get(2)).isEqualTo("Send /help for the list of commands.");
        assertThat(said.get(3)).startsWith("No bot picked");
    }

    @Test
    void aBotThatWasSeenButIsGoneIsOfflineAndNothingIsQueued() {
        connect("alpha");
        connected.clear();

        router.handle(CHAT, "/starttrading");

        assertThat(lastSaid()).isEqualTo("<b>alpha</b> is offline.");
        assertThat(pending.size()).isZero();
    }

    @Test
    void aBotWhoseLinkRefusesTheFrameIsOffline() {
        FakeBot alpha = connect("alpha");
        alpha.accepts = false;

        router.handle(CHAT, "/status");

        assertThat(lastSaid()).isEqualTo("<b>alpha</b> is offline.");
        assertThat(pending.size()).isZero();
    }

    @Test
    void withNoBotEverConnectedItSaysSo() {
        router.handle(CHAT, "/status");

        assertThat(lastSaid()).isEqualTo("No trading bot is connected.");
    }

    @Test
    void aChosenTargetThatDropsIsOfflineEvenWhenOthersAreConnected() {
        connect("alpha");
        FakeBot beta = connect("beta");
        router.handle(CHAT, "/use Alpha");
        assertThat(lastSaid()).isEqualTo("Commands now go to <b>alpha</b>.");
        connected.remove("alpha");

        router.handle(CHAT, "/status");

        assertThat(lastSaid()).isEqualTo("<b>alpha</b> is offline.");
        assertThat(beta.received).isEmpty();
    }

    @Test
    void useRefusesABotThatIsNotConnectedAndShowsTheCurrentTarget() {
        connect("alpha");

        router.handle(CHAT, "/use gamma");
        assertThat(lastSaid()).isEqualTo("<b>gamma</b> is not connected. Connected: <b>alpha</b>.");

        router.handle(CHAT, "/use");
        assertThat(lastSaid()).isEqualTo(
                "No bot picked: commands go to the only connected bot. Connected: <b>alpha</b>.");
    }

    @Test
    void botsListsNamesAddressesAndUptime() {
        connect("alpha");
        connect("beta");
        router.handle(CHAT, "/use beta");

        router.handle(CHAT, "/bots");

        assertThat(lastSaid()).isEqualTo("Connected trading bots:\n"
                + "<b>alpha</b> at <code>10.0.0.1:4000</code>, up 3m 7s\n"
                + "<b>beta</b> at <code>10.0.0.1:4000</code>, up 3m 7s (your target)");
    }

    @Test
    void botsSaysWhatTheChatQueuesDroppedOnceTheyDroppedSomething() {
        connect("alpha");
        drops.put(ChatOutput.Priority.ALERT, 1L);
        drops.put(ChatOutput.Priority.NOTICE, 8L);

        router.handle(CHAT, "/bots");

        assertThat(lastSaid()).isEqualTo("Connected trading bots:\n"
                + "<b>alpha</b> at <code>10.0.0.1:4000</code>, up 3m 7s\n"
                + "Dropped from full chat queues since the start: 0 replies, 1 alert, 8 notices, 0 log messages.");
    }

    @Test
    void aPressOfACommandButtonIsAnsweredAndRunsTheCommandAsIfTyped() {
        FakeBot alpha = connect("alpha");

        router.pressed(new ChatInput.ButtonPress(CHAT, Optional.of("cb-7"), "/stats BTC/USDT"));

        assertThat(said).containsExactly("REPLY ButtonAnswer[callbackQueryId=cb-7, text=Optional.empty, alert=false]");
        assertThat(alpha.received).extracting(Message::message, Message::symbol)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("stats", "BTC/USDT"));
        assertThat(pending.size()).isEqualTo(1);
    }

    @Test
    void aPressOfAButtonWhoseDataIsNoCommandIsAnsweredWithANoticeAndRunsNothing() {
        FakeBot alpha = connect("alpha");

        router.pressed(new ChatInput.ButtonPress(CHAT, Optional.of("cb-8"), "confirm:abc"));

        assertThat(said).containsExactly("REPLY ButtonAnswer[callbackQueryId=cb-8, "
                + "text=Optional[This button does nothing any more.], alert=false]");
        assertThat(alpha.received).isEmpty();
    }

    @Test
    void aConsolePressHasNothingToAnswerAndRunsTheCommand() {
        FakeBot alpha = connect("alpha");

        router.pressed(new ChatInput.ButtonPress(CHAT, Optional.empty(), "/status"));

        assertThat(said).isEmpty();
        assertThat(alpha.received).extracting(Message::message).containsExactly("status");
    }

    @Test
    void uptimeIsShortAndReadable() {
        assertThat(CommandRouter.uptime(Duration.ofSeconds(42))).isEqualTo("42s");
        assertThat(CommandRouter.uptime(Duration.ofMinutes(61))).isEqualTo("1h 1m");
        assertThat(CommandRouter.uptime(Duration.ofDays(2).plusHours(3).plusMinutes(4))).isEqualTo("2d 3h 4m");
    }

    @Test
    void plainTextGetsAPointerToHelp() {
        router.handle(CHAT, "hello");

        assertThat(lastSaid()).isEqualTo("Send /help for the list of commands.");
    }
}
