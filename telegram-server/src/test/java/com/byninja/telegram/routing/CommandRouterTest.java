package com.byninja.telegram.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.protocol.Message;
import com.byninja.telegram.telegram.ChatInput;
import com.byninja.telegram.telegram.ChatMessage;
import com.byninja.telegram.telegram.ChatOutput;
import com.byninja.protocol.commands.Role;
import com.byninja.runtime.Counters;
import com.byninja.runtime.ErrorHandler;
import com.byninja.telegram.audit.AuditLog;
import com.byninja.telegram.telegram.Person;
import com.byninja.telegram.telegram.TokenScrubber;
import com.byninja.telegram.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Routing decisions with in-memory bots and chats and a clock moved by hand: no link, no Telegram. The console's
 * {@code handle} acts as an admin; {@code typed} names who typed.
 */
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
    private final MutableClock clock = new MutableClock(NOW);
    private final List<String> audited = new ArrayList<>();
    private final AuditLog audit = new AuditLog(clock, audited::add, new TokenScrubber(""), List.of());
    private int nextMessageId = 100;
    private final Bots bots = new Bots() {
        @Override
        public Optional<BotConnection> find(String name) {
            return Optional.ofNullable(connected.get(name));
        }

        @Override
        public List<BotConnection> connected() {
            return List.copyOf(connected.values());
        }
    };
    /**
     * Says what each chat is sent, as a person reads it: a text as its HTML; a question as {@code QUESTION #id},
     * its text and its buttons as {@code [label: data]}; an edit as {@code EDIT #id} and its new text; the answer to
     * a press as its record. Each message but an answer gets an id, as Telegram gives one.
     */
    private final ChatOutput chats = new ChatOutput() {
        @Override
        public void send(long chatId, ChatMessage message, Priority priority, Consumer<Outcome> whenDone) {
            OptionalInt id = OptionalInt.empty();
            if (message instanceof ChatMessage.Text text) {
                assertThat(priority).as("a reply to a person").isEqualTo(Priority.REPLY);
                said.add(text.html());
                id = OptionalInt.of(nextMessageId++);
            } else if (message instanceof ChatMessage.TextWithKeyboard question) {
                id = OptionalInt.of(nextMessageId++);
                said.add("QUESTION #" + id.getAsInt() + " " + question.html() + " " + question.keyboard()
                        .getKeyboard().stream().flatMap(List::stream)
                        .map(b -> "[" + b.getText() + ": " + b.getCallbackData() + "]")
                        .collect(Collectors.joining(" ")));
            } else if (message instanceof ChatMessage.Edit edit) {
                assertThat(edit.keyboard()).as("the buttons go").isEmpty();
                said.add("EDIT #" + edit.messageId() + " " + edit.html());
            } else {
                said.add(priority + " " + message);
            }
            whenDone.accept(new Outcome(Delivery.SENT, id));
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
    };
    private final List<CommandRouter> routers = new ArrayList<>();
    private final CommandRouter router = router(Roles.everyoneAdmin());

    /** @return a router on the same bots and chats, as after a restart of the server when one runs already */
    private CommandRouter router(Roles roles) {
        CommandRouter made = new CommandRouter(bots, chats, pending, new CommandRouter.Settings(
                Duration.ofSeconds(30), Duration.ofSeconds(30), new BigDecimal("100")), roles, audit, clock,
                ErrorHandler.logging(LoggerFactory.getLogger(CommandRouterTest.class), new Counters()));
        routers.add(made);
        return made;
    }

    @AfterEach
    void close() {
        routers.forEach(CommandRouter::close);
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

        router.handle(CHAT, "/starttrading", NOW.minusSeconds(30));

        assertThat(alpha.received).extracting(Message::message).containsExactly("starttrading");
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
    void aButtonUnderABotsReplyRunsOnThatBotWhateverTheChatPickedSinceAndNotOnAnotherWhenItIsGone() {
        FakeBot alpha = connect("alpha");
        FakeBot beta = connect("beta");
        typed(OWNER, "/use beta");

        // Close under alpha's /positions, pressed after the chat picked beta.
        router.pressed(new ChatInput.ButtonPress(CHAT, Optional.of("cb-9"), "/forcesell BTC/USDT >alpha"));

        assertThat(alpha.received).extracting(Message::message, Message::symbol)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("forcesell", "BTC/USDT"));
        assertThat(beta.received).isEmpty();

        connected.remove("alpha");
        said.clear();
        router.pressed(new ChatInput.ButtonPress(CHAT, Optional.of("cb-10"), "/forcesell ETH/USDT >alpha"));

        assertThat(beta.received).isEmpty();
        assertThat(said).contains("<b>alpha</b> is offline: this button is for it alone.");
    }

    @Test
    void aPressOfAButtonWhoseDataIsNoCommandIsAnsweredWithANoticeAndRunsNothing() {
        FakeBot alpha = connect("alpha");

        router.pressed(new ChatInput.ButtonPress(CHAT, Optional.of("cb-8"), "noop:abc"));

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

    // ---- confirmations ----

    private static final Person OWNER = new Person(CHAT, "@owner");
    private static final Person PARTNER = new Person(2L, "@partner");

    private void typed(Person who, String text) {
        router.typed(CHAT, who, text, clock.instant());
    }

    /** @return the callback data of the button {@code label} of the last question asked */
    private String button(String label) {
        String question = said.stream().filter(line -> line.startsWith("QUESTION ")).reduce((a, b) -> b)
                .orElseThrow();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[" + label + ": ([^]]+)]").matcher(question);
        assertThat(m.find()).as(label + " in " + question).isTrue();
        return m.group(1);
    }

    /** @return the id of the last question's message */
    private int questionId() {
        String question = said.stream().filter(line -> line.startsWith("QUESTION ")).reduce((a, b) -> b)
                .orElseThrow();
        return Integer.parseInt(question.substring("QUESTION #".length(), question.indexOf(' ', 10)));
    }

    private void press(CommandRouter on, Person who, String data, String callbackId) {
        on.pressed(new ChatInput.ButtonPress(CHAT, who, OptionalInt.of(questionId()), Optional.of(callbackId),
                data));
    }

    private static final String SELL_ALL_QUESTION = "⚠️ Confirm <code>/forcesell all</code> for <b>alpha</b>?\n"
            + "It acts on every symbol.";

    @Test
    void aDangerousCommandAsksWhoTypedItWithYesAndNoAndSendsNothingYet() {
        FakeBot alpha = connect("alpha");

        typed(OWNER, "/forcesell all");

        assertThat(said).hasSize(1);
        assertThat(said.get(0)).matches("QUESTION #100 ⚠️ Confirm <code>/forcesell all</code> for <b>alpha</b>\\?\n"
                + "It acts on every symbol\\.\nYes or No within 30 s\\. "
                + "\\[Yes: confirm:[0-9a-z]+:1:yes] \\[No: confirm:[0-9a-z]+:1:no]");
        assertThat(button("Yes").getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(64);
        assertThat(alpha.received).isEmpty();
        assertThat(audited).containsExactly("2025-06-15T10:42:39Z chat=1 user=1 name=\"@owner\" via=text bots=alpha "
                + "result=asked command=\"/forcesell all\"");
    }

    @Test
    void yesFromWhoAskedSendsItOnceAndTheQuestionSaysSo() {
        FakeBot alpha = connect("alpha");
        typed(OWNER, "/forcesell all");
        clock.advance(Duration.ofSeconds(29));

        press(router, OWNER, button("Yes"), "cb-1");

        assertThat(said.subList(1, said.size())).containsExactly(
                "EDIT #100 " + SELL_ALL_QUESTION + "\n✅ Confirmed by @owner: sent to <b>alpha</b>.",
                "REPLY ButtonAnswer[callbackQueryId=cb-1, text=Optional[Confirmed: sent.], alert=false]");
        assertThat(alpha.received).extracting(Message::message, Message::symbol)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("forcesell", "all"));
        assertThat(pending.size()).isEqualTo(1);
        assertThat(audited.get(1)).isEqualTo("2025-06-15T10:43:08Z chat=1 user=1 name=\"@owner\" via=button "
                + "bots=alpha result=confirmed command=\"/forcesell all\"");
    }

    @Test
    void noCancelsItAndNothingIsSent() {
        FakeBot alpha = connect("alpha");
        typed(OWNER, "/stoptrading");

        press(router, OWNER, button("No"), "cb-2");

        assertThat(said.subList(1, said.size())).containsExactly(
                "EDIT #100 ⚠️ Confirm <code>/stoptrading</code> for <b>alpha</b>?\nWithout a symbol it acts on every "
                        + "symbol.\n✖️ Cancelled by @owner: nothing sent.",
                "REPLY ButtonAnswer[callbackQueryId=cb-2, text=Optional[Cancelled: nothing sent.], alert=false]");
        assertThat(alpha.received).isEmpty();
        assertThat(audited.get(1)).endsWith("via=button bots=alpha result=cancelled command=\"/stoptrading\"");
    }

    @Test
    void aQuestionRunsOutAfterItsTimeSaysSoAndALatePressSendsNothing() {
        FakeBot alpha = connect("alpha");
        typed(OWNER, "/forcesell all");
        String yes = button("Yes");
        clock.advance(Duration.ofSeconds(30));

        router.expireQuestionsDue();
        press(router, OWNER, yes, "cb-3");

        assertThat(said.subList(1, said.size())).containsExactly(
                "EDIT #100 " + SELL_ALL_QUESTION + "\n⌛ Expired after 30 s: nothing sent.",
                "REPLY ButtonAnswer[callbackQueryId=cb-3, text=Optional[Expired after 30 s: nothing sent.], "
                        + "alert=false]");
        assertThat(alpha.received).isEmpty();
        assertThat(audited.get(1)).isEqualTo("2025-06-15T10:43:09Z chat=1 user=1 name=\"@owner\" via=text bots=alpha "
                + "result=expired command=\"/forcesell all\" why=\"not answered in 30 s\"");
        assertThat(audited.get(2)).endsWith("via=button bots=alpha result=refused command=\"/forcesell all\" "
                + "why=\"pressed again: Expired after 30 s: nothing sent.\"");
        assertThat(router.questionsOpen()).isZero();
    }

    @Test
    void aPressAtTheDeadlineBeforeTheTimerRanCountsAsTooLate() {
        FakeBot alpha = connect("alpha");
        typed(OWNER, "/forcesell all");
        clock.advance(Duration.ofSeconds(30));

        press(router, OWNER, button("Yes"), "cb-4");

        assertThat(said.subList(1, said.size())).containsExactly(
                "EDIT #100 " + SELL_ALL_QUESTION + "\n⌛ Expired after 30 s: nothing sent.",
                "REPLY ButtonAnswer[callbackQueryId=cb-4, text=Optional[Expired after 30 s: nothing sent.], "
                        + "alert=false]");
        assertThat(alpha.received).isEmpty();
    }

    @Test
    void aSecondPressOfAnAnsweredQuestionDoesNothingAndSaysWhatBecameOfIt() {
        FakeBot alpha = connect("alpha");
        typed(OWNER, "/forcesell all");
        String yes = button("Yes");
        press(router, OWNER, yes, "cb-5");
        int before = said.size();

        press(router, OWNER, yes, "cb-6");
        press(router, OWNER, button("No"), "cb-7");

        assertThat(said.subList(before, said.size())).containsExactly(
                "REPLY ButtonAnswer[callbackQueryId=cb-6, text=Optional[Already confirmed by @owner at 10:42:39 UTC.], "
                        + "alert=false]",
                "REPLY ButtonAnswer[callbackQueryId=cb-7, text=Optional[Already confirmed by @owner at 10:42:39 UTC.], "
                        + "alert=false]");
        assertThat(alpha.received).hasSize(1);
    }

    @Test
    void onlyWhoAskedCanAnswerAnotherPersonsPressDoesNothingAndTheQuestionStaysOpen() {
        FakeBot alpha = connect("alpha");
        typed(OWNER, "/forcesell all");

        press(router, PARTNER, button("Yes"), "cb-8");

        assertThat(said.subList(1, said.size())).containsExactly("REPLY ButtonAnswer[callbackQueryId=cb-8, "
                + "text=Optional[Only @owner, who asked, can answer this.], alert=false]");
        assertThat(alpha.received).isEmpty();
        assertThat(audited.get(1)).isEqualTo("2025-06-15T10:42:39Z chat=1 user=2 name=\"@partner\" via=button "
                + "bots=alpha result=refused command=\"/forcesell all\" why=\"pressed yes on a question of @owner\"");
        press(router, OWNER, button("Yes"), "cb-9");
        assertThat(alpha.received).hasSize(1);
    }

    @Test
    void aQuestionFromBeforeARestartOfTheServerSendsNothingAndSaysSo() {
        FakeBot alpha = connect("alpha");
        typed(OWNER, "/forcesell all");
        String yes = button("Yes");
        router.close();
        CommandRouter restarted = router(Roles.everyoneAdmin());

        press(restarted, OWNER, yes, "cb-10");

        String stale = "This question is from before the control server restarted: nothing sent. Send the command "
                + "again if you still want it.";
        assertThat(said.subList(1, said.size())).containsExactly("EDIT #100 ⌛ " + stale,
                "REPLY ButtonAnswer[callbackQueryId=cb-10, text=Optional[" + stale + "], alert=false]");
        assertThat(alpha.received).isEmpty();
        assertThat(audited.get(1)).endsWith("via=button bots=- result=refused command=\"" + yes
                + "\" why=\"question from before a restart\"");
    }

    @Test
    void inTheConsoleTheQuestionIsEditedAndNothingElseIsSaid() {
        FakeBot alpha = connect("alpha");
        router.handle(CHAT, "/panic");
        String yes = button("Yes");

        router.pressed(ChatInput.ButtonPress.inConsole(CHAT, yes));

        assertThat(said).containsExactly("QUESTION #100 ⚠️ Confirm <code>/panic</code> for <b>alpha</b>?\nStop "
                        + "trading globally and sell every open position at market; one summary follows when the "
                        + "sells are done.\nYes or No within 30 s. [Yes: " + yes + "] [No: "
                        + yes.replace(":yes", ":no") + "]",
                "EDIT #100 ⚠️ Confirm <code>/panic</code> for <b>alpha</b>?\nStop trading globally and sell every "
                        + "open position at market; one summary follows when the sells are done.\n✅ Confirmed by "
                        + "console: sent to <b>alpha</b>.");
        assertThat(alpha.received).extracting(Message::message).containsExactly("panic");
    }

    @Test
    void aForcebuyAboveTheLimitAsksAndOneAtItOrWithoutAnAmountGoesAtOnce() {
        FakeBot alpha = connect("alpha");

        typed(OWNER, "/forcebuy BTC/USDT 100");
        typed(OWNER, "/forcebuy BTC/USDT");
        typed(OWNER, "/forcebuy BTC/USDT 100.5");

        assertThat(alpha.received).extracting(Message::message).containsExactly("forcebuy", "forcebuy");
        assertThat(said).hasSize(1);
        assertThat(said.get(0)).startsWith("QUESTION #100 ⚠️ Confirm <code>/forcebuy BTC/USDT 100.5</code> for "
                + "<b>alpha</b>?\n100.5 is more than 100, the most sent without asking.\nYes or No within 30 s. ");
    }

    @Test
    void withEveryBotPickedOneQuestionCoversThemAllAndYesSendsToEach() {
        FakeBot alpha = connect("alpha");
        FakeBot beta = connect("beta");
        typed(OWNER, "/use all");
        assertThat(lastSaid()).isEqualTo("Every command now goes to every bot: <b>alpha</b>, <b>beta</b>. A dangerous "
                + "one asks once for all of them.");

        typed(OWNER, "/panic");
        assertThat(lastSaid()).startsWith("QUESTION #101 ⚠️ Confirm <code>/panic</code> for <b>alpha</b> and "
                + "<b>beta</b>?\n");
        press(router, OWNER, button("Yes"), "cb-11");

        assertThat(alpha.received).extracting(Message::message).containsExactly("panic");
        assertThat(beta.received).extracting(Message::message).containsExactly("panic");
        assertThat(audited.get(audited.size() - 1)).contains("bots=alpha,beta result=confirmed command=\"/panic\"");
        typed(OWNER, "/status");
        assertThat(alpha.received).hasSize(2);
        assertThat(beta.received).hasSize(2);
    }

    @Test
    void aListOfBotsGetsEveryCommandAndOneThatDroppedIsToldApart() {
        FakeBot alpha = connect("alpha");
        FakeBot beta = connect("beta");
        FakeBot gamma = connect("gamma");

        typed(OWNER, "/use alpha, gamma");
        assertThat(lastSaid()).startsWith("Too many arguments.");
        typed(OWNER, "/use ALPHA,gamma");
        assertThat(lastSaid()).isEqualTo("Commands now go to <b>alpha</b> and <b>gamma</b>. A dangerous one asks once "
                + "for all of them.");
        connected.remove("gamma");
        typed(OWNER, "/forcebuy ETH/USDT 20");

        assertThat(lastSaid()).isEqualTo("<b>gamma</b> is offline.");
        assertThat(alpha.received).extracting(Message::message).containsExactly("forcebuy");
        assertThat(beta.received).isEmpty();
        assertThat(gamma.received).isEmpty();
        typed(OWNER, "/use");
        assertThat(lastSaid()).isEqualTo("Commands go to <b>alpha</b> and <b>gamma</b>. Connected: <b>alpha</b>, "
                + "<b>beta</b>.");
        typed(OWNER, "/use alpha,delta");
        assertThat(lastSaid()).isEqualTo("<b>delta</b> is not connected. Connected: <b>alpha</b>, <b>beta</b>.");
    }

    @Test
    void severalBotsWithoutAPickSayHowToPickThem() {
        connect("alpha");
        connect("beta");

        typed(OWNER, "/status");

        assertThat(lastSaid()).isEqualTo("Several bots are connected: <b>alpha</b>, <b>beta</b>. Pick one with /use "
                + "NAME, several with /use NAME,NAME, or every one with /use all.");
    }

    // ---- roles ----

    private static final Person VIEWER = new Person(7L, "@viewer");
    private static final Person TRADER = new Person(8L, "@trader");
    private static final Person STRANGER = new Person(9L, "Stranger");

    @Test
    void eachPersonRunsWhatTheirRoleAllowsAndIsToldWhichRoleARefusedCommandNeeds() {
        FakeBot alpha = connect("alpha");
        CommandRouter withRoles = router(Roles.of(Map.of(OWNER.userId(), Role.ADMIN, VIEWER.userId(), Role.VIEWER,
                TRADER.userId(), Role.TRADER)));

        withRoles.typed(CHAT, VIEWER, "/status", NOW);
        withRoles.typed(CHAT, VIEWER, "/forcebuy BTC/USDT 10", NOW);
        withRoles.typed(CHAT, TRADER, "/forcebuy BTC/USDT 10", NOW);
        withRoles.typed(CHAT, TRADER, "/stoptrading BTC/USDT", NOW);
        withRoles.typed(CHAT, TRADER, "/stoptrading", NOW);
        withRoles.typed(CHAT, TRADER, "/panic", NOW);
        withRoles.typed(CHAT, TRADER, "/audit", NOW);
        withRoles.typed(CHAT, STRANGER, "/status", NOW);
        withRoles.typed(CHAT, OWNER, "/stoptrading", NOW);

        assertThat(alpha.received).extracting(Message::message).containsExactly("status", "forcebuy", "stoptrading");
        assertThat(said.subList(0, said.size() - 1)).containsExactly(
                "/forcebuy needs the trader role; yours is viewer.",
                "/stoptrading without a symbol needs the admin role; yours is trader.",
                "/panic needs the admin role; yours is trader.",
                "/audit needs the admin role; yours is trader.",
                "Your Telegram user id 9 has no role here, so none of your commands is run. An admin can give it one "
                        + "in telegram.users (viewer, trader or admin).");
        assertThat(lastSaid()).startsWith("QUESTION #105 ⚠️ Confirm <code>/stoptrading</code>");
        assertThat(audited.get(1)).isEqualTo("2025-06-15T10:42:39Z chat=1 user=7 name=\"@viewer\" via=text bots=- "
                + "result=refused command=\"/forcebuy BTC/USDT 10\" why=\"needs the trader role; @viewer is viewer\"");
        assertThat(audited.get(7)).endsWith("name=\"Stranger\" via=text bots=- result=refused command=\"/status\" "
                + "why=\"no role\"");
    }

    @Test
    void helpListsWhatThePersonsRoleMayRun() {
        CommandRouter withRoles = router(Roles.of(Map.of(OWNER.userId(), Role.ADMIN, VIEWER.userId(), Role.VIEWER,
                TRADER.userId(), Role.TRADER)));

        withRoles.typed(CHAT, VIEWER, "/help", NOW);
        withRoles.typed(CHAT, TRADER, "/help", NOW);
        withRoles.typed(CHAT, OWNER, "/help", NOW);

        assertThat(said).hasSize(3);
        assertThat(said.get(0)).contains("/status", "/positions", "/notify").doesNotContain("/forcebuy", "/panic")
                .endsWith("15 more commands need a role above yours (viewer); an admin can change it in "
                        + "telegram.users.");
        assertThat(said.get(1)).contains("/forcebuy", "(without a symbol: the admin role)").doesNotContain("/panic")
                .endsWith("3 more commands need a role above yours (trader); an admin can change it in "
                        + "telegram.users.");
        assertThat(said.get(2)).contains("/panic", "/audit", "/reload").doesNotContain("more command");
    }

    @Test
    void aCommandButtonRunsWithThePressersRole() {
        FakeBot alpha = connect("alpha");
        CommandRouter withRoles = router(Roles.of(Map.of(OWNER.userId(), Role.ADMIN, VIEWER.userId(), Role.VIEWER)));

        withRoles.pressed(new ChatInput.ButtonPress(CHAT, VIEWER, OptionalInt.of(55), Optional.of("cb-20"),
                "/forcesell BTC/USDT"));

        assertThat(said).containsExactly("REPLY ButtonAnswer[callbackQueryId=cb-20, text=Optional.empty, alert=false]",
                "/forcesell needs the trader role; yours is viewer.");
        assertThat(alpha.received).isEmpty();
        assertThat(audited).containsExactly("2025-06-15T10:42:39Z chat=1 user=7 name=\"@viewer\" via=button bots=- "
                + "result=refused command=\"/forcesell BTC/USDT\" why=\"needs the trader role; @viewer is viewer\"");
    }

    // ---- the audit log ----

    @Test
    void auditShowsTheLastLinesWithTheOnesBeforeTheRequestAndAsManyAsAsked() {
        connect("alpha");
        typed(OWNER, "/status");
        clock.advance(Duration.ofSeconds(1));
        typed(OWNER, "/stats\nsecond line \"quoted\"");
        clock.advance(Duration.ofSeconds(1));

        typed(OWNER, "/audit 2");

        assertThat(lastSaid()).isEqualTo("The audit log's last 2 lines (logs/audit.log):\n"
                + "2025-06-15T10:42:39Z chat=1 user=1 name=&quot;@owner&quot; via=text bots=alpha result=sent "
                + "command=&quot;/status&quot;\n"
                + "2025-06-15T10:42:40Z chat=1 user=1 name=&quot;@owner&quot; via=text bots=- result=answered "
                + "command=&quot;/stats\\nsecond line \\&quot;quoted\\&quot;&quot; why=&quot;Too many arguments. "
                + "Usage: /stats [SYMBOL]&quot;");
        assertThat(audited.get(2)).isEqualTo("2025-06-15T10:42:41Z chat=1 user=1 name=\"@owner\" via=text bots=- "
                + "result=answered command=\"/audit 2\"");
        typed(OWNER, "/audit 101");
        assertThat(lastSaid()).isEqualTo("The count must be a whole number from 1 to 100; got &quot;101&quot;. "
                + "Usage: /audit [LINES]");
    }
}
