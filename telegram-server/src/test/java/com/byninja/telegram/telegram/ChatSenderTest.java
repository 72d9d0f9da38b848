package com.byninja.telegram.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.byninja.telegram.config.TelegramServerConfig;
import com.byninja.telegram.telegram.ChatOutput.Priority;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

class ChatSenderTest {
    private static final long CHAT = 7L;
    private static final Duration WAIT = Duration.ofSeconds(5);

    /**
     * Answers sends from a script (then Sent, with message ids from 501 up for all but answers to presses), records
     * each attempt, and can hold the first one until released.
     */
    private static final class ScriptedApi implements MessageApi {
        record Attempt(String text, boolean html, long atNanos) {
        }

        private final Deque<SendResult> script = new ArrayDeque<>();
        private final List<Attempt> attempts = new ArrayList<>();
        private final CountDownLatch release;
        private int nextId = 501;

        ScriptedApi(boolean holdFirst, SendResult... results) {
            script.addAll(List.of(results));
            release = new CountDownLatch(holdFirst ? 1 : 0);
        }

        @Override
        public SendResult send(long chatId, ChatMessage part, boolean html) throws InterruptedException {
            synchronized (this) {
                attempts.add(new Attempt(textOf(part), html, System.nanoTime()));
            }
            release.await();
            synchronized (this) {
                if (!script.isEmpty()) {
                    return script.removeFirst();
                }
                // As Telegram: an answer to a press makes no message.
                return new SendResult.Sent(part instanceof ChatMessage.ButtonAnswer ? OptionalInt.empty()
                        : OptionalInt.of(nextId++));
            }
        }

        private static String textOf(ChatMessage part) {
            if (part instanceof ChatMessage.Text text) {
                return text.html();
            }
            if (part instanceof ChatMessage.TextWithKeyboard keyboard) {
                return keyboard.html() + " [keyboard]";
            }
            if (part instanceof ChatMessage.Photo photo) {
                return "[photo] " + photo.captionHtml();
            }
            return part.toString();
        }

        synchronized List<Attempt> attempts() {
            return List.copyOf(attempts);
        }

        synchronized List<String> texts() {
            return attempts.stream().map(Attempt::text).toList();
        }
    }

    private ChatSender sender;

    private static ChatMessage text(String html) {
        return new ChatMessage.Text(html);
    }

    private ChatSender start(MessageApi api, int capacity, long intervalMs, int burst) {
        sender = new ChatSender(CHAT, api, new TelegramServerConfig.Sending(capacity, intervalMs, burst, 50, 200, 1_000),
                new TokenScrubber(""));
        sender.start();
        return sender;
    }

    @AfterEach
    void close() {
        if (sender != null) {
            sender.close();
        }
    }

    @Test
    void sendsABurstAtOnceThenOneMessagePerInterval() {
        ScriptedApi api = new ScriptedApi(false);
        start(api, 10, 100, 2);

        for (int i = 0; i < 5; i++) {
            sender.offer(text("m" + i), Priority.REPLY);
        }

        await().atMost(WAIT).until(() -> api.attempts().size() == 5);
        assertThat(api.texts()).containsExactly("m0", "m1", "m2", "m3", "m4");
        List<Long> times = api.attempts().stream().map(ScriptedApi.Attempt::atNanos).toList();
        long interval = TimeUnit.MILLISECONDS.toNanos(100);
        long jitter = TimeUnit.MILLISECONDS.toNanos(5);
        assertThat(times.get(1) - times.get(0)).isLessThan(interval / 2);
        for (int j = 2; j < times.size(); j++) {
            assertThat(times.get(j) - times.get(0)).isGreaterThanOrEqualTo((j + 1 - 2) * interval - jitter);
        }
    }

    @Test
    void waitsTheRetryAfterOf429BeforeTryingAgain() {
        ScriptedApi api = new ScriptedApi(false, new MessageApi.SendResult.RetryAfter(300));
        start(api, 10, 0, 5);

        sender.offer(text("first"), Priority.REPLY);
        sender.offer(text("second"), Priority.REPLY);

        await().atMost(WAIT).until(() -> api.attempts().size() == 3);
        List<ScriptedApi.Attempt> attempts = api.attempts();
        assertThat(api.texts()).containsExactly("first", "first", "second");
        assertThat(attempts.get(1).atNanos() - attempts.get(0).atNanos())
                .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(300));
    }

    @Test
    void retriesNetworkErrorsWithGrowingCappedBackoff() {
        MessageApi.SendResult down = new MessageApi.SendResult.Transient("connection refused");
        ScriptedApi api = new ScriptedApi(false, down, down, down, down);
        start(api, 10, 0, 5);

        sender.offer(text("hello"), Priority.REPLY);

        await().atMost(WAIT).until(() -> api.attempts().size() == 5);
        List<Long> times = api.attempts().stream().map(ScriptedApi.Attempt::atNanos).toList();
        long[] expectedMs = {50, 100, 200, 200};
        for (int i = 0; i < expectedMs.length; i++) {
            long gap = times.get(i + 1) - times.get(i);
            assertThat(gap).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(expectedMs[i]))
                    .isLessThan(TimeUnit.MILLISECONDS.toNanos(expectedMs[i] + 150));
        }
        assertThat(sender.sentMessages()).isEqualTo(1);
    }

    @Test
    void refusedHtmlIsSentAgainAsPlainTextAndOtherRefusalsAreDropped() {
        ScriptedApi api = new ScriptedApi(false,
                new MessageApi.SendResult.Rejected(400, "can't parse entities"),
                new MessageApi.SendResult.Sent(OptionalInt.of(9)),
                new MessageApi.SendResult.Rejected(403, "bot was blocked by the user"));
        start(api, 10, 0, 5);

        sender.offer(text("<b>alpha</b> &amp; co"), Priority.REPLY);
        sender.offer(text("blocked"), Priority.REPLY);
        sender.offer(text("after"), Priority.REPLY);

        await().atMost(WAIT).until(() -> api.attempts().size() == 4);
        assertThat(api.attempts()).extracting(ScriptedApi.Attempt::text, ScriptedApi.Attempt::html).containsExactly(
                org.assertj.core.groups.Tuple.tuple("<b>alpha</b> &amp; co", true),
                org.assertj.core.groups.Tuple.tuple("alpha & co", false),
                org.assertj.core.groups.Tuple.tuple("blocked", true),
                org.assertj.core.groups.Tuple.tuple("after", true));
    }

    @Test
    void aFullQueueDropsTheOldestLogMessageFirst() {
        ScriptedApi api = new ScriptedApi(true);
        start(api, 3, 0, 5);
        sender.offer(text("in flight"), Priority.REPLY);
        await().atMost(WAIT).until(() -> api.attempts().size() == 1);

        sender.offer(text("log 1"), Priority.LOG);
        sender.offer(text("reply 1"), Priority.REPLY);
        sender.offer(text("log 2"), Priority.LOG);
        assertThat(sender.offer(text("reply 2"), Priority.REPLY)).isTrue();
        assertThat(sender.dropped(Priority.LOG)).isEqualTo(1);
        assertThat(sender.offer(text("log 3"), Priority.LOG)).isTrue();
        assertThat(sender.dropped(Priority.LOG)).isEqualTo(2);
        assertThat(sender.dropped(Priority.REPLY)).isZero();
        api.release.countDown();
        await().atMost(WAIT).until(() -> api.attempts().size() == 4);
        assertThat(api.texts()).containsExactly("in flight", "reply 1", "reply 2", "log 3");
    }

    @Test
    void aQueueFullOfRepliesRefusesLogsAndDropsTheOldestReply() {
        ScriptedApi api = new ScriptedApi(true);
        start(api, 2, 0, 5);
        sender.offer(text("in flight"), Priority.REPLY);
        await().atMost(WAIT).until(() -> api.attempts().size() == 1);
        sender.offer(text("reply 1"), Priority.REPLY);
        sender.offer(text("reply 2"), Priority.REPLY);

        assertThat(sender.offer(text("log"), Priority.LOG)).isFalse();
        assertThat(sender.offer(text("reply 3"), Priority.REPLY)).isTrue();

        api.release.countDown();
        await().atMost(WAIT).until(() -> api.attempts().size() == 3);
        assertThat(api.texts()).containsExactly("in flight", "reply 2", "reply 3");
        assertThat(sender.dropped(Priority.LOG)).isEqualTo(1);
        assertThat(sender.dropped(Priority.REPLY)).isEqualTo(1);
    }

    @Test
    void closeEndsTheThreadEvenDuringALongRetryAfter() {
        ScriptedApi api = new ScriptedApi(false, new MessageApi.SendResult.RetryAfter(60_000));
        start(api, 10, 0, 5);
        sender.offer(text("hello"), Priority.REPLY);
        await().atMost(WAIT).until(() -> api.attempts().size() == 1);

        long before = System.nanoTime();
        sender.close();

        assertThat(System.nanoTime() - before).isLessThan(TimeUnit.SECONDS.toNanos(2));
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(
                thread -> thread.getName().equals("chat-sender-" + CHAT) && thread.isAlive());
        assertThat(sender.offer(text("late"), Priority.REPLY)).isFalse();
    }

    /** Records how each offered message ended, by name. */
    private static final class Outcomes {
        private final List<String> ended = new CopyOnWriteArrayList<>();

        Consumer<ChatOutput.Outcome> of(String name) {
            return outcome -> ended.add(name + " " + outcome.delivery()
                    + (outcome.messageId().isPresent() ? " #" + outcome.messageId().getAsInt() : ""));
        }

        List<String> ended() {
            return List.copyOf(ended);
        }
    }

    @Test
    void aMessageSplitInPartsIsDoneOnceOnlyWhenEveryPartWasSent() {
        ScriptedApi api = new ScriptedApi(false, new MessageApi.SendResult.Transient("timeout"));
        start(api, 10, 0, 5);
        Outcomes outcomes = new Outcomes();
        String longText = ("line of an alert\n").repeat(400);

        sender.offer(text(longText), Priority.REPLY, outcomes.of("long"));

        await().atMost(WAIT).until(() -> outcomes.ended().size() == 1);
        assertThat(outcomes.ended()).as("the id of the last part").containsExactly("long SENT #502");
        // The first part failed once and was tried again: three attempts for two parts.
        assertThat(api.attempts()).hasSize(3);
        assertThat(sender.sentMessages()).isEqualTo(2);
    }

    @Test
    void aMessageIsNotDoneWhileTelegramFailsAndIsRefusedOnlyWhenTelegramSaysSoForGood() {
        MessageApi.SendResult down = new MessageApi.SendResult.Transient("HTTP 502");
        ScriptedApi api = new ScriptedApi(true, down, down,
                new MessageApi.SendResult.Rejected(400, "can't parse entities"),
                new MessageApi.SendResult.Rejected(400, "message is too long"),
                new MessageApi.SendResult.Rejected(403, "bot was blocked by the user"));
        start(api, 10, 0, 5);
        Outcomes outcomes = new Outcomes();

        sender.offer(text("<b>first</b>"), Priority.REPLY, outcomes.of("first"));
        sender.offer(text("second"), Priority.REPLY, outcomes.of("second"));
        sender.offer(text("third"), Priority.REPLY, outcomes.of("third"));
        await().atMost(WAIT).until(() -> api.attempts().size() == 1);
        assertThat(outcomes.ended()).isEmpty();
        api.release.countDown();

        await().atMost(WAIT).until(() -> outcomes.ended().size() == 3);
        assertThat(outcomes.ended()).containsExactly("first REFUSED", "second REFUSED", "third SENT #501");
        assertThat(api.texts()).containsExactly("<b>first</b>", "<b>first</b>", "<b>first</b>", "first", "second",
                "third");
    }

    @Test
    void aMessageEvictedFromAFullQueueOrDiscardedAtShutdownIsDropped() {
        ScriptedApi api = new ScriptedApi(true);
        start(api, 2, 0, 5);
        Outcomes outcomes = new Outcomes();
        sender.offer(text("in flight"), Priority.REPLY, outcomes.of("in flight"));
        await().atMost(WAIT).until(() -> api.attempts().size() == 1);
        sender.offer(text("alert 1"), Priority.ALERT, outcomes.of("alert 1"));
        sender.offer(text("alert 2"), Priority.ALERT, outcomes.of("alert 2"));

        sender.offer(text("alert 3"), Priority.ALERT, outcomes.of("alert 3"));
        assertThat(outcomes.ended()).containsExactly("alert 1 DROPPED");

        sender.stop();
        await().atMost(WAIT).until(() -> outcomes.ended().size() == 4);
        assertThat(outcomes.ended()).containsExactlyInAnyOrder("alert 1 DROPPED", "alert 2 DROPPED", "alert 3 DROPPED",
                "in flight DROPPED");
        assertThat(sender.offer(text("late"), Priority.REPLY, outcomes.of("late"))).isFalse();
        assertThat(outcomes.ended()).endsWith("late DROPPED");
    }

    @Test
    void aReplyGoesBeforeTheAlertsNoticesAndLogsQueuedBeforeItAndEachClassKeepsItsOrder() {
        ScriptedApi api = new ScriptedApi(true);
        start(api, 50, 0, 5);
        sender.offer(text("in flight"), Priority.NOTICE);
        await().atMost(WAIT).until(() -> api.attempts().size() == 1);

        sender.offer(text("log 1"), Priority.LOG);
        sender.offer(text("notice 1"), Priority.NOTICE);
        sender.offer(text("alert 1"), Priority.ALERT);
        sender.offer(text("notice 2"), Priority.NOTICE);
        sender.offer(text("log 2"), Priority.LOG);
        sender.offer(text("alert 2"), Priority.ALERT);
        sender.offer(text("reply 1"), Priority.REPLY);
        sender.offer(text("reply 2"), Priority.REPLY);
        api.release.countDown();

        await().atMost(WAIT).until(() -> api.attempts().size() == 9);
        assertThat(api.texts()).containsExactly("in flight", "reply 1", "reply 2", "alert 1", "alert 2", "notice 1",
                "notice 2", "log 1", "log 2");
    }

    @Test
    void aFullQueueDropsLogsThenNoticesThenTheOldestAlertAndNeverAReplyForALowerClass() {
        ScriptedApi api = new ScriptedApi(true);
        start(api, 4, 0, 5);
        Outcomes outcomes = new Outcomes();
        sender.offer(text("in flight"), Priority.REPLY);
        await().atMost(WAIT).until(() -> api.attempts().size() == 1);
        sender.offer(text("log"), Priority.LOG, outcomes.of("log"));
        sender.offer(text("notice 1"), Priority.NOTICE, outcomes.of("notice 1"));
        sender.offer(text("alert 1"), Priority.ALERT, outcomes.of("alert 1"));
        sender.offer(text("reply 1"), Priority.REPLY, outcomes.of("reply 1"));

        // Full: each newcomer takes the place of the oldest of the lowest class, never of a higher one.
        sender.offer(text("alert 2"), Priority.ALERT, outcomes.of("alert 2"));
        sender.offer(text("notice 2"), Priority.NOTICE, outcomes.of("notice 2"));
        sender.offer(text("alert 3"), Priority.ALERT, outcomes.of("alert 3"));
        sender.offer(text("reply 2"), Priority.REPLY, outcomes.of("reply 2"));
        sender.offer(text("reply 3"), Priority.REPLY, outcomes.of("reply 3"));
        assertThat(sender.offer(text("log 2"), Priority.LOG, outcomes.of("log 2"))).isFalse();
        assertThat(sender.offer(text("notice 3"), Priority.NOTICE, outcomes.of("notice 3"))).isFalse();

        assertThat(outcomes.ended()).containsExactly("log DROPPED", "notice 1 DROPPED", "notice 2 DROPPED",
                "alert 1 DROPPED", "alert 2 DROPPED", "log 2 DROPPED", "notice 3 DROPPED");
        assertThat(sender.dropped(Priority.LOG)).isEqualTo(2);
        assertThat(sender.dropped(Priority.NOTICE)).isEqualTo(3);
        assertThat(sender.dropped(Priority.ALERT)).isEqualTo(2);
        assertThat(sender.dropped(Priority.REPLY)).isZero();
        api.release.countDown();
        await().atMost(WAIT).until(() -> api.attempts().size() == 5);
        assertThat(api.texts()).containsExactly("in flight", "reply 1", "reply 2", "reply 3", "alert 3");
    }

    @Test
    void afterA429TheRetryGoesWhenAskedAndTheRestAtTheSteadyPaceWithoutABurst() {
        ScriptedApi api = new ScriptedApi(false, new MessageApi.SendResult.RetryAfter(600));
        start(api, 10, 150, 5);

        for (int i = 0; i < 4; i++) {
            sender.offer(text("m" + i), Priority.REPLY);
        }

        await().atMost(WAIT).until(() -> api.attempts().size() == 5);
        assertThat(api.texts()).containsExactly("m0", "m0", "m1", "m2", "m3");
        List<Long> times = api.attempts().stream().map(ScriptedApi.Attempt::atNanos).toList();
        assertThat(times.get(1) - times.get(0)).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(600));
        // The 600 ms wait filled the bucket (burst 5, one per 150 ms) had it not been emptied: m1 to m3 would have
        // gone at once. The (i-1)th after the retry cannot go before i-1 intervals have passed.
        for (int i = 2; i < times.size(); i++) {
            assertThat(times.get(i) - times.get(1)).as("attempt %d after the retry", i)
                    .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos((i - 1) * 150L - 5));
        }
    }

    @Test
    void theIdTelegramGaveComesBackWithTheOutcomeFromThePartWithTheKeyboardOrThePhoto() {
        ScriptedApi api = new ScriptedApi(false);
        start(api, 10, 0, 5);
        Outcomes outcomes = new Outcomes();
        InlineKeyboardMarkup keyboard = CommandButtons.keyboard(List.of(List.of(
                CommandButtons.button("Refresh", "/status"))));

        sender.offer(new ChatMessage.TextWithKeyboard("line\n".repeat(1_500), keyboard), Priority.REPLY,
                outcomes.of("long with keyboard"));
        sender.offer(new ChatMessage.Photo(new byte[] {1, 2, 3}, "x".repeat(1_500)), Priority.REPLY,
                outcomes.of("photo with a long caption"));
        sender.offer(new ChatMessage.ButtonAnswer("cb-1", Optional.empty(), false), Priority.REPLY,
                outcomes.of("answer"));

        await().atMost(WAIT).until(() -> outcomes.ended().size() == 3);
        assertThat(api.texts()).hasSize(5);
        assertThat(api.texts().get(1)).endsWith("[keyboard]");
        assertThat(api.texts().get(2)).startsWith("[photo] ");
        assertThat(outcomes.ended()).containsExactly("long with keyboard SENT #502", "photo with a long caption SENT "
                + "#503", "answer SENT");
    }
}
