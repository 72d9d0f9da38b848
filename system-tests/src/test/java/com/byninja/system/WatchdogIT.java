package com.byninja.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.telegram.testing.FakeBotApi;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario: the watchdog on real processes. A trading bot stopped with SIGTERM is not escalated; one killed with
 * {@code kill -9} is, loudly, with an Acknowledge button that the owner presses; its return is told as resolved.
 */
class WatchdogIT {

    @Test
    void aKilledBotIsEscalatedAndAcknowledgedAndItsReturnResolvesItWhileABotStoppedOnPurposeIsNot(@TempDir Path dir)
            throws Exception {
        try (Deployment d = new Deployment(dir, "risk:\n  stopLossPct: 0\n  takeProfitPct: 0\n")) {
            d.configureTelegram("""
                    watchdog:
                      downAfterSeconds: 1
                      repeatFirstSeconds: 2
                      repeatMaxSeconds: 4
                    """);
            d.startBoth();

            int stopped = d.chat().size();
            assertThat(d.bot.terminate(Duration.ofSeconds(5))).as("exit code on SIGTERM").isZero();
            d.awaitChat(stopped, "^🔴 alpha disconnected: stopped by its owner \\(SIGTERM\\)\\.$");
            // Starting a bot takes longer than the second after which a drop would be escalated.
            d.startBot();
            int back = chatIndexOf(d, stopped, "^🟢 alpha connected from ");
            assertThat(d.chat().subList(stopped, back)).noneMatch(m -> m.startsWith("🚨"));

            int killed = d.chat().size();
            d.bot.kill9();
            d.awaitChat(killed, "^🔴 alpha disconnected");
            String escalation = d.awaitChat(killed, "^🚨 alpha is down: it disconnected [0-9]+ s ago, at "
                    + "[0-9]{2}:[0-9]{2}:[0-9]{2} UTC \\(.+\\), and has not come back\\.\nReminders follow, the next in "
                    + "2 s, until it is over or acknowledged\\.$");
            FakeBotApi.Sent sent = d.api.sentTo(Deployment.OWNER).stream()
                    .filter(s -> Deployment.plain(s.text()).equals(escalation)).findFirst().orElseThrow();
            assertThat(d.api.sentSilently(sent.messageId())).as("sent with a notification").isFalse();
            String data = sent.replyMarkup().path("inline_keyboard").get(0).get(0).path("callback_data").asText();

            int pressed = d.chat().size();
            d.api.userPresses(Deployment.OWNER, Deployment.OWNER, sent.messageId(), data);
            d.awaitChat(pressed, "^🔕 Acknowledged: no more reminders of alpha being down; a message follows when "
                    + "it is back\\.$");
            assertThat(d.api.answers()).extracting(FakeBotApi.Answer::text)
                    .containsExactly("Acknowledged: no more reminders.");

            d.startBot();
            d.awaitChat(pressed, "^✅ alpha is back, after [0-9]+ s down\\.$");
            assertThat(d.telegram.read("logs/telegram-server.log"))
                    .contains("Watchdog: 🚨 alpha is down: it disconnected");
        }
    }

    /** @return the index of the first message after {@code from} that matches, once there is one */
    private static int chatIndexOf(Deployment d, int from, String regex) {
        String found = d.awaitChat(from, regex);
        List<String> chat = d.chat();
        Pattern p = Pattern.compile(regex, Pattern.DOTALL);
        for (int i = from; i < chat.size(); i++) {
            if (p.matcher(chat.get(i)).find()) {
                return i;
            }
        }
        throw new AssertionError("no message matches " + regex + " though one did: " + found);
    }
}
