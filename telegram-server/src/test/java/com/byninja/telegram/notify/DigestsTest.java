package com.byninja.telegram.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.telegram.telegram.ChatMessage;
import com.byninja.telegram.telegram.ChatOutput;
import com.byninja.telegram.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daily digest: at the chat's time in the server's zone, once a day, never made up after a restart. */
class DigestsTest {

    static final long CHAT = 42;

    @TempDir
    Path dir;
    final List<String> said = new ArrayList<>();
    final List<String> asked = new ArrayList<>();
    final ChatOutput output = new ChatOutput() {
        @Override
        public void send(long chatId, ChatMessage message, Priority priority, Consumer<Outcome> whenDone) {
            said.add(chatId + " " + ((ChatMessage.Text) message).html());
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
            return List.of(CHAT);
        }
    };

    @Test
    void theDigestComesAtItsTimeOnceADayAskingEveryBotForItsStatisticsAndTheDaysEquity() {
        // 18:00 UTC is 19:00 in Berlin in winter; the digest is at 20:00 there.
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T18:00:00Z"));
        Notifications notifications = Notifications.load(dir.resolve("n.json"), ZoneId.of("Europe/Berlin"), clock);
        notifications.answer(CHAT, "digest", "20:00");
        Digests digests = new Digests(notifications, (chat, command) -> {
            asked.add(chat + " " + command);
            return 2;
        }, output, clock);

        digests.check();
        clock.advance(Duration.ofMinutes(59));
        digests.check();
        assertThat(asked).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        digests.check();
        clock.advance(Duration.ofMinutes(30));
        digests.check();

        assertThat(said).containsExactly("42 📰 <b>Daily digest, 2026-12-01</b> (20:00 Europe/Berlin)");
        assertThat(asked).containsExactly("42 /stats", "42 /equity 1");

        clock.advance(Duration.ofDays(1));
        digests.check();
        assertThat(asked).hasSize(4);
    }

    @Test
    void aDigestWhoseTimeHadPassedWhenTheServerStartedComesTheNextDay() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T21:00:00Z"));
        Notifications notifications = Notifications.load(dir.resolve("n.json"), ZoneId.of("UTC"), clock);
        notifications.answer(CHAT, "digest", "20:00");
        Digests digests = new Digests(notifications, (chat, command) -> {
            asked.add(command);
            return 0;
        }, output, clock);

        digests.check();
        assertThat(said).isEmpty();

        clock.advance(Duration.ofHours(23));
        digests.check();

        assertThat(said).containsExactly("42 📰 <b>Daily digest, 2026-12-02</b> (20:00 UTC)",
                "42 No trading bot is connected.");
        assertThat(asked).containsExactly("/stats");
    }
}
