package com.byninja.telegram.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.telegram.telegram.ChatMessage;
import com.byninja.telegram.telegram.ChatOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each chat's notification settings: changed with /notify, applied per topic and quiet hours, kept in a file. */
class NotificationsTest {

    static final long CHAT = 42;
    static final long OTHER = 7;
    /** 23:30 UTC, 00:30 in Berlin in winter. */
    static final Instant LATE = Instant.parse("2026-12-01T23:30:00Z");
    static final Instant NOON = Instant.parse("2026-12-01T12:00:00Z");

    @TempDir
    Path dir;

    Notifications at(Instant now, ZoneId zone) {
        return Notifications.load(dir.resolve("notifications.json"), zone, Clock.fixed(now, ZoneOffset.UTC));
    }

    static String text(ChatMessage m) {
        return m instanceof ChatMessage.TextWithKeyboard k ? k.html() : ((ChatMessage.Text) m).html();
    }

    @Test
    void eachTopicIsOnUntilAChatSaysOtherwiseAndTheChoiceOutlivesARestart() {
        Notifications n = at(NOON, ZoneOffset.UTC);
        assertThat(n.modeFor(CHAT, Topic.LOGS)).isEqualTo(Mode.ON);

        assertThat(text(n.answer(CHAT, "logs", "off"))).startsWith("Logs: off from now on.\n\nNotifications in this "
                + "chat (replies and the watchdog always notify):\nEntries: on (positions opened or added to)\n");
        n.answer(CHAT, "STOPS", "silent");

        Notifications again = at(NOON, ZoneOffset.UTC);
        assertThat(again.modeFor(CHAT, Topic.LOGS)).isEqualTo(Mode.OFF);
        assertThat(again.modeFor(CHAT, Topic.STOPS)).isEqualTo(Mode.SILENT);
        assertThat(again.modeFor(OTHER, Topic.LOGS)).isEqualTo(Mode.ON);
        assertThat(again.shape(CHAT, Topic.STOPS, new ChatMessage.Text("stop")))
                .contains(new ChatMessage.Silent(new ChatMessage.Text("stop")));
        assertThat(again.shape(CHAT, Topic.LOGS, new ChatMessage.Text("line"))).isEmpty();
    }

    @Test
    void theSettingsMessageHasAButtonPerTopicThatCyclesItsMode() {
        Notifications n = at(NOON, ZoneOffset.UTC);
        n.answer(CHAT, "exchange", "silent");

        ChatMessage.TextWithKeyboard shown = (ChatMessage.TextWithKeyboard) n.answer(CHAT, null, null);

        assertThat(shown.keyboard().getKeyboard()).hasSize(Topic.values().length);
        assertThat(shown.keyboard().getKeyboard().get(4).get(0).getText()).isEqualTo("Exchange: silent → off");
        assertThat(shown.keyboard().getKeyboard().get(4).get(0).getCallbackData()).isEqualTo("/notify exchange off");
        assertThat(shown.html()).contains("Quiet hours: none\nDaily digest: none\n");
    }

    @Test
    void quietHoursTurnWhatWouldNotifySilentAcrossMidnightInTheServersZoneButLeaveOffOff() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Notifications n = at(LATE, berlin);
        assertThat(text(n.answer(CHAT, "quiet", "00:00-07:00"))).isEqualTo("Quiet hours from 00:00 to 07:00 "
                + "Europe/Berlin: what would notify arrives silently then; nothing is dropped.");
        n.answer(CHAT, "logs", "off");

        // 00:30 in Berlin.
        assertThat(n.modeFor(CHAT, Topic.ENTRIES)).isEqualTo(Mode.SILENT);
        assertThat(n.modeFor(CHAT, Topic.LOGS)).isEqualTo(Mode.OFF);
        assertThat(at(NOON, berlin).modeFor(CHAT, Topic.ENTRIES)).isEqualTo(Mode.ON);
        ChatSettings s = n.settings(CHAT);
        assertThat(s.withQuiet(Optional.of(java.time.LocalTime.of(22, 0)), Optional.of(java.time.LocalTime.of(7, 0)))
                .quietAt(java.time.LocalTime.of(6, 59))).isTrue();
        assertThat(text(n.answer(CHAT, "quiet", "off"))).isEqualTo("No quiet hours any more.");
        assertThat(n.modeFor(CHAT, Topic.ENTRIES)).isEqualTo(Mode.ON);
    }

    @Test
    void aDigestTimeIsKeptPerChat() {
        Notifications n = at(NOON, ZoneOffset.UTC);

        assertThat(text(n.answer(CHAT, "digest", "8:30"))).isEqualTo("A daily digest at 08:30 Z: each bot's "
                + "statistics and the day's equity curve.");

        assertThat(at(NOON, ZoneOffset.UTC).digests()).containsEntry(CHAT, java.time.LocalTime.of(8, 30));
    }

    @Test
    void everyMistakeIsAnsweredWithTheUsage() {
        Notifications n = at(NOON, ZoneOffset.UTC);
        String usage = " Usage: /notify [TOPIC|all on|silent|off] | /notify quiet HH:MM-HH:MM|off | /notify digest "
                + "HH:MM|off";

        assertThat(text(n.answer(CHAT, "stops", null))).isEqualTo("/notify stops needs a value." + usage);
        assertThat(text(n.answer(CHAT, "stops", "loud"))).isEqualTo("&quot;loud&quot; is not on, silent or off."
                + usage);
        assertThat(text(n.answer(CHAT, "stopz", "off"))).isEqualTo("Unknown topic &quot;stopz&quot;; the topics are "
                + "entries, exits, stops, risk, exchange, bot, logs, connections, or all." + usage);
        assertThat(text(n.answer(CHAT, "quiet", "22-7:3"))).isEqualTo("Quiet hours are written HH:MM-HH:MM, such as "
                + "22:00-07:00 (Z), or off; got &quot;22-7:3&quot;." + usage);
        assertThat(text(n.answer(CHAT, "quiet", "22-7"))).startsWith("Quiet hours from 22:00 to 07:00 Z");
        assertThat(text(n.answer(CHAT, "digest", "25:00"))).isEqualTo("A digest's time is written HH:MM, such as "
                + "20:00 (Z), or off; got &quot;25:00&quot;." + usage);
    }

    @Test
    void aFileThatCannotBeReadIsReportedWithItsLineAndKeptAsideAtTheFirstChange() throws Exception {
        Path file = dir.resolve("notifications.json");
        Files.writeString(file, "{\"chats\": {\n  \"42\": {\"modes\": {\"logz\": \"off\"}}}}\n");

        Notifications n = at(NOON, ZoneOffset.UTC);
        assertThat(n.modeFor(CHAT, Topic.LOGS)).isEqualTo(Mode.ON);
        NotificationStore.BadFileException bad = org.assertj.core.api.Assertions.catchThrowableOfType(
                NotificationStore.BadFileException.class, () -> new NotificationStore(file).load());
        assertThat(bad).hasMessage(file + ":2:20: unknown topic \"logz\"; the topics are entries, exits, stops, "
                + "risk, exchange, bot, logs, connections");

        n.answer(CHAT, "logs", "off");

        assertThat(dir.resolve("notifications.json.bad")).hasContent("{\"chats\": {\n  \"42\": {\"modes\": "
                + "{\"logz\": \"off\"}}}}");
        assertThat(at(NOON, ZoneOffset.UTC).modeFor(CHAT, Topic.LOGS)).isEqualTo(Mode.OFF);
    }

    @Test
    void aTopicsOutputSendsEachChatWhatItHearsAndCountsWhatItDoesNot() {
        Notifications n = at(NOON, ZoneOffset.UTC);
        n.answer(CHAT, "connections", "off");
        n.answer(OTHER, "connections", "silent");
        List<String> sent = new ArrayList<>();
        ChatOutput out = new ChatOutput() {
            @Override
            public void send(long chatId, ChatMessage message, Priority priority, Consumer<Outcome> whenDone) {
                sent.add(chatId + " " + message);
                whenDone.accept(new Outcome(Delivery.SENT, java.util.OptionalInt.of(1)));
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
                return List.of(CHAT, OTHER, 99L);
            }
        };
        List<ChatOutput.Delivery> ended = new ArrayList<>();

        n.output(Topic.CONNECTIONS, out).broadcast(new ChatMessage.Text("alpha connected"),
                ChatOutput.Priority.NOTICE, ended::add);

        assertThat(sent).containsExactly("7 Silent[message=Text[html=alpha connected]]",
                "99 Text[html=alpha connected]");
        assertThat(ended).containsExactly(ChatOutput.Delivery.SENT);
        assertThat(n.heldBackCount(CHAT, Topic.CONNECTIONS)).isEqualTo(1);
        assertThat(n.heldBackCount(OTHER, Topic.CONNECTIONS)).isZero();
        // The chat whose settings kept it is told so when it looks at them; the one that heard it silently is not.
        assertThat(((ChatMessage.TextWithKeyboard) n.answer(CHAT, null, null)).html())
                .endsWith("\nKept from this chat since the server started: connections 1.");
        assertThat(((ChatMessage.TextWithKeyboard) n.answer(OTHER, null, null)).html()).doesNotContain("Kept from");
    }
}
