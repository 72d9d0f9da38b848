package com.byninja.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.byninja.protocol.LinkSecret;
import com.byninja.protocol.Message;
import com.byninja.protocol.commands.Role;
import com.byninja.telegram.config.TelegramServerConfig;
import com.byninja.telegram.testing.FakeBotApi;
import com.byninja.telegram.testing.FakeTradingBot;
import com.byninja.telegram.testing.TestConfigs;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Confirmations, roles and the audit log end to end: the real TelegramBots client against the fake Bot API (button
 * presses, edits, answers to presses), the real link server, fake trading bots on real sockets. A dangerous command
 * reaches no bot until the person who typed it presses Yes under the question.
 */
class SafetyChatTest {
    private static final LinkSecret SECRET = LinkSecret.of("test-secret-0123456789abcdef");
    private static final long OWNER = 111L;
    private static final long GROUP = -100_555L;
    private static final long ADMIN = 555L;
    private static final long VIEWER = 556L;
    private static final long TRADER = 557L;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private FakeBotApi api;
    private TelegramServer server;
    private final List<FakeTradingBot> bots = new ArrayList<>();

    @BeforeEach
    void startApi() throws Exception {
        api = new FakeBotApi(TestConfigs.TOKEN);
    }

    private TelegramServerConfig config() {
        return TestConfigs.forApi(api.url(), List.of(OWNER, GROUP));
    }

    private void start(TelegramServerConfig config) throws Exception {
        if (server != null) {
            server.close();
        }
        long pollsBefore = api.calls().stream().filter("getupdates"::equals).count();
        server = TelegramServer.start(config, SECRET, null);
        await().atMost(WAIT).until(() -> api.calls().stream().filter("getupdates"::equals).count() > pollsBefore);
    }

    @AfterEach
    void stopAll() {
        bots.forEach(FakeTradingBot::close);
        if (server != null) {
            server.close();
        }
        api.close();
    }

    private FakeTradingBot connect(String name) {
        int before = countContaining(OWNER, name + "</b> connected");
        FakeTradingBot bot = new FakeTradingBot(name, server.linkPort(), SECRET);
        bots.add(bot);
        await().atMost(WAIT).until(() -> countContaining(OWNER, name + "</b> connected") > before);
        return bot;
    }

    private int countContaining(long chat, String text) {
        return (int) api.textsTo(chat).stream().filter(t -> t.contains(text)).count();
    }

    private String awaitText(long chat, String text) {
        await().atMost(WAIT).until(() -> countContaining(chat, text) > 0);
        return api.textsTo(chat).stream().filter(t -> t.contains(text)).findFirst().orElseThrow();
    }

    /** @return the question whose text starts with {@code start}, once it is in {@code chat} */
    private FakeBotApi.Sent awaitQuestion(long chat, String start) {
        await().atMost(WAIT).until(() -> api.sentTo(chat).stream().anyMatch(s -> s.text().startsWith(start)));
        return api.sentTo(chat).stream().filter(s -> s.text().startsWith(start)).reduce((a, b) -> b).orElseThrow();
    }

    /** @return the callback data of the button {@code label} under {@code question} */
    private static String data(FakeBotApi.Sent question, String label) {
        for (JsonNode row : question.replyMarkup().path("inline_keyboard")) {
            for (JsonNode button : row) {
                if (button.path("text").asText().equals(label)) {
                    return button.path("callback_data").asText();
                }
            }
        }
        throw new AssertionError("no " + label + " button under " + question);
    }

    private FakeBotApi.Edit awaitEdit(int messageId) {
        await().atMost(WAIT).until(() -> api.edits().stream().anyMatch(e -> e.messageId() == messageId));
        return api.edits().stream().filter(e -> e.messageId() == messageId).findFirst().orElseThrow();
    }

    private String awaitAnswer(String callbackQueryId) {
        await().atMost(WAIT).until(() -> api.answers().stream()
                .anyMatch(a -> a.callbackQueryId().equals(callbackQueryId)));
        return api.answers().stream().filter(a -> a.callbackQueryId().equals(callbackQueryId)).findFirst()
                .orElseThrow().text();
    }

    @Test
    void oneYesSendsAPanicToEveryBotPickedAndEachAnswerComesUnderItsName() throws Exception {
        start(config());
        FakeTradingBot alpha = connect("alpha");
        FakeTradingBot beta = connect("beta");
        api.userSends(OWNER, "/use all");
        awaitText(OWNER, "Every command now goes to every bot");

        api.userSends(OWNER, "/panic");
        FakeBotApi.Sent question = awaitQuestion(OWNER, "⚠️ Confirm");
        String press = api.userPresses(OWNER, OWNER, question.messageId(), data(question, "Yes"));

        String asked = "⚠️ Confirm <code>/panic</code> for <b>alpha</b> and <b>beta</b>?\nStop trading globally and "
                + "sell every open position at market; one summary follows when the sells are done.";
        assertThat(question.text()).isEqualTo(asked + "\nYes or No within 30 s.");
        assertThat(awaitEdit(question.messageId()).text()).isEqualTo(asked
                + "\n✅ Confirmed by @user111: sent to <b>alpha</b> and <b>beta</b>.");
        assertThat(api.edits().get(0).replyMarkup().path("inline_keyboard").isMissingNode()).as("no buttons left")
                .isTrue();
        assertThat(awaitAnswer(press)).isEqualTo("Confirmed: sent.");
        awaitText(OWNER, "<b>alpha</b>: alpha did panic");
        awaitText(OWNER, "<b>beta</b>: beta did panic");
        assertThat(alpha.commands()).extracting(Message::message).containsExactly("panic");
        assertThat(beta.commands()).extracting(Message::message).containsExactly("panic");
    }

    @Test
    void noSendsNothingAndASecondPressIsToldItWasAnsweredAlready() throws Exception {
        start(config());
        FakeTradingBot alpha = connect("alpha");

        api.userSends(OWNER, "/forcesell all");
        FakeBotApi.Sent question = awaitQuestion(OWNER, "⚠️ Confirm");
        String no = api.userPresses(OWNER, OWNER, question.messageId(), data(question, "No"));
        assertThat(awaitAnswer(no)).isEqualTo("Cancelled: nothing sent.");
        String yes = api.userPresses(OWNER, OWNER, question.messageId(), data(question, "Yes"));

        assertThat(awaitAnswer(yes)).isEqualTo("Already cancelled by @user111: nothing sent.");
        assertThat(awaitEdit(question.messageId()).text()).isEqualTo("⚠️ Confirm <code>/forcesell all</code> for "
                + "<b>alpha</b>?\nIt acts on every symbol.\n✖️ Cancelled by @user111: nothing sent.");
        api.userSends(OWNER, "/status");
        awaitText(OWNER, "<b>alpha</b>: alpha did status");
        assertThat(alpha.commands()).extracting(Message::message).containsExactly("status");
        assertThat(api.edits()).hasSize(1);
    }

    @Test
    void anUnansweredQuestionRunsOutOnItsOwnAndALatePressSendsNothing() throws Exception {
        start(TestConfigs.withConfirmations(config(), 1, "0"));
        FakeTradingBot alpha = connect("alpha");

        api.userSends(OWNER, "/stoptrading");
        FakeBotApi.Sent question = awaitQuestion(OWNER, "⚠️ Confirm");

        assertThat(awaitEdit(question.messageId()).text()).isEqualTo("⚠️ Confirm <code>/stoptrading</code> for "
                + "<b>alpha</b>?\nWithout a symbol it acts on every symbol.\n⌛ Expired after 1 s: nothing sent.");
        String late = api.userPresses(OWNER, OWNER, question.messageId(), data(question, "Yes"));
        assertThat(awaitAnswer(late)).isEqualTo("Expired after 1 s: nothing sent.");
        api.userSends(OWNER, "/status");
        awaitText(OWNER, "<b>alpha</b>: alpha did status");
        assertThat(alpha.commands()).extracting(Message::message).containsExactly("status");
    }

    @Test
    void inAGroupEachMembersRoleCountsAndOnlyWhoAskedCanConfirm() throws Exception {
        start(TestConfigs.withConfirmations(TestConfigs.withUsers(config(), Map.of(OWNER, Role.ADMIN, ADMIN,
                Role.ADMIN, VIEWER, Role.VIEWER, TRADER, Role.TRADER)), 30, "100"));
        FakeTradingBot alpha = connect("alpha");

        api.userSendsInGroup(GROUP, VIEWER, "/forcebuy BTC/USDT 10");
        awaitText(GROUP, "/forcebuy needs the trader role; yours is viewer.");
        api.userSendsInGroup(GROUP, TRADER, "/stoptrading");
        awaitText(GROUP, "/stoptrading without a symbol needs the admin role; yours is trader.");
        api.userSendsInGroup(GROUP, TRADER, "/forcebuy BTC/USDT 10");
        awaitText(GROUP, "<b>alpha</b>: alpha did forcebuy BTC/USDT 10");
        api.userSendsInGroup(GROUP, TRADER, "/forcebuy BTC/USDT 250");
        FakeBotApi.Sent question = awaitQuestion(GROUP, "⚠️ Confirm <code>/forcebuy BTC/USDT 250</code>");
        assertThat(question.text()).isEqualTo("⚠️ Confirm <code>/forcebuy BTC/USDT 250</code> for <b>alpha</b>?\n250 "
                + "is more than 100, the most sent without asking.\nYes or No within 30 s.");

        String foreign = api.userPresses(GROUP, ADMIN, question.messageId(), data(question, "Yes"));
        assertThat(awaitAnswer(foreign)).isEqualTo("Only @user557, who asked, can answer this.");
        String own = api.userPresses(GROUP, TRADER, question.messageId(), data(question, "Yes"));
        assertThat(awaitAnswer(own)).isEqualTo("Confirmed: sent.");

        awaitText(GROUP, "<b>alpha</b>: alpha did forcebuy BTC/USDT 250");
        assertThat(alpha.commands()).extracting(Message::message).containsExactly("forcebuy", "forcebuy");
        assertThat(awaitEdit(question.messageId()).text()).endsWith("\n✅ Confirmed by @user557: sent to "
                + "<b>alpha</b>.");
    }

    @Test
    void aQuestionFromBeforeARestartOfTheServerSendsNothingAndSaysSo() throws Exception {
        start(config());
        connect("alpha");
        api.userSends(OWNER, "/forcesell all");
        FakeBotApi.Sent question = awaitQuestion(OWNER, "⚠️ Confirm");

        start(config());
        // The new server listens on a port of its own: the bot connects to it anew.
        bots.remove(0).close();
        FakeTradingBot alpha = connect("alpha");
        String press = api.userPresses(OWNER, OWNER, question.messageId(), data(question, "Yes"));

        String stale = "This question is from before the control server restarted: nothing sent. Send the command "
                + "again if you still want it.";
        assertThat(awaitAnswer(press)).isEqualTo(stale);
        assertThat(awaitEdit(question.messageId()).text()).isEqualTo("⌛ " + stale);
        api.userSends(OWNER, "/status");
        awaitText(OWNER, "<b>alpha</b>: alpha did status");
        assertThat(alpha.commands()).extracting(Message::message).containsExactly("status");
    }

    @Test
    void auditShowsWhoDidWhatAndMasksAnythingShapedLikeAToken() throws Exception {
        start(config());
        connect("alpha");
        api.userSends(OWNER, "/forcesell all");
        FakeBotApi.Sent question = awaitQuestion(OWNER, "⚠️ Confirm");
        api.userPresses(OWNER, OWNER, question.messageId(), data(question, "Yes"));
        awaitText(OWNER, "<b>alpha</b>: alpha did forcesell all");
        api.userSends(OWNER, "/status " + TestConfigs.TOKEN);
        awaitText(OWNER, "/status takes no arguments");

        api.userSends(OWNER, "/audit 3");

        String shown = awaitText(OWNER, "The audit log's last 3 lines");
        List<String> lines = shown.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).matches("[0-9-]{10}T[0-9:]{8}Z chat=111 user=111 name=&quot;@user111&quot; "
                + "via=text bots=alpha result=asked command=&quot;/forcesell all&quot;");
        assertThat(lines.get(2)).matches("[0-9-]{10}T[0-9:]{8}Z chat=111 user=111 name=&quot;@user111&quot; "
                + "via=button bots=alpha result=confirmed command=&quot;/forcesell all&quot;");
        assertThat(lines.get(3)).matches("[0-9-]{10}T[0-9:]{8}Z chat=111 user=111 name=&quot;@user111&quot; "
                + "via=text bots=- result=answered command=&quot;/status \\*\\*\\*&quot; why=&quot;/status takes no "
                + "arguments\\. Usage: /status&quot;");
        assertThat(shown).doesNotContain(TestConfigs.TOKEN);
    }
}
