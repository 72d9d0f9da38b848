package com.byninja.telegram.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.byninja.telegram.config.TelegramServerConfig;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChatSenderTest {
    private static final long CHAT = 7L;
    private static final Duration WAIT = Duration.ofSeconds(5);

    /** Answers sends from a script (then Sent), records each attempt, and can hold the first one until released. */
    private static final class ScriptedApi implements MessageApi {
        record Attempt(String text, boolean html, long atNanos) {
        }

        private final Deque<SendResult> script = new ArrayDeque<>();
        private final List<Attempt> attempts = new ArrayList<>();
        private final CountDownLatch release;

        ScriptedApi(boolean holdFirst, SendResult... results) {
            script.addAll(List.of(results));
            release = new CountDownLatch(holdFirst ? 1 : 0);
        }

        @Override
        public SendResult send(long chatId, String text, boolean html) throws InterruptedException {
            synchronized (this) {
                attempts.add(new Attempt(text, html, System.nanoTime()));
            }
            release.await();
            synchronized (this) {
                return script.isEmpty() ? new SendResult.Sent() : script.removeFirst();
            }
        }

        synchronized List<Attempt> attempts() {
            return List.copyOf(attempts);
        }

        synchronized List<String> texts() {
            return attempts.stream().map(Attempt::text).toList();
        }
    }

    private ChatSender sender;

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
            sender.offer("m" + i, ChatSender.Kind.NORMAL);
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

        sender.offer("first", ChatSender.Kind.NORMAL);
        sender.offer("second", ChatSender.Kind.NORMAL);

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

        sender.offer("hello", ChatSender.Kind.NORMAL);

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
                new MessageApi.SendResult.Sent(),
                new MessageApi.SendResult.Rejected(403, "bot was blocked by the user"));
        start(api, 10, 0, 5);

        sender.offer("<b>alpha</b> &amp; co", ChatSender.Kind.NORMAL);
        sender.offer("blocked", ChatSender.Kind.NORMAL);
        sender.offer("after", ChatSender.Kind.NORMAL);

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
        sender.offer("in flight", ChatSender.Kind.NORMAL);
        await().atMost(WAIT).until(() -> api.attempts().size() == 1);

        sender.offer("log 1", ChatSender.Kind.LOG);
        sender.offer("reply 1", ChatSender.Kind.NORMAL);
        sender.offer("log 2", ChatSender.Kind.LOG);
        assertThat(sender.offer("reply 2", ChatSender.Kind.NORMAL)).isTrue();
        assertThat(sender.droppedMessages()).isEqualTo(1);
        assertThat(sender.offer("log 3", ChatSender.Kind.LOG)).isTrue();
        assertThat(sender.droppedMessages()).isEqualTo(2);
        api.release.countDown();
        await().atMost(WAIT).until(() -> api.attempts().size() == 4);
        assertThat(api.texts()).containsExactly("in flight", "reply 1", "reply 2", "log 3");
    }

    @Test
    void aQueueFullOfRepliesRefusesLogsAndDropsTheOldestReply() {
        ScriptedApi api = new ScriptedApi(true);
        start(api, 2, 0, 5);
        sender.offer("in flight", ChatSender.Kind.NORMAL);
        await().atMost(WAIT).until(() -> api.attempts().size() == 1);
        sender.offer("reply 1", ChatSender.Kind.NORMAL);
        sender.offer("reply 2", ChatSender.Kind.NORMAL);

        assertThat(sender.offer("log", ChatSender.Kind.LOG)).isFalse();
        assertThat(sender.offer("reply 3", ChatSender.Kind.NORMAL)).isTrue();

        api.release.countDown();
        await().atMost(WAIT).until(() -> api.attempts().size() == 3);
        assertThat(api.texts()).containsExactly("in flight", "reply 2", "reply 3");
        assertThat(sender.droppedMessages()).isEqualTo(2);
    }

    @Test
    void closeEndsTheThreadEvenDuringALongRetryAfter() {
        ScriptedApi api = new ScriptedApi(false, new MessageApi.SendResult.RetryAfter(60_000));
        start(api, 10, 0, 5);
        sender.offer("hello", ChatSender.Kind.NORMAL);
        await().atMost(WAIT).until(() -> api.attempts().size() == 1);

        long before = System.nanoTime();
        sender.close();

        assertThat(System.nanoTime() - before).isLessThan(TimeUnit.SECONDS.toNanos(2));
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(
                thread -> thread.getName().equals("chat-sender-" + CHAT) && thread.isAlive());
        assertThat(sender.offer("late", ChatSender.Kind.NORMAL)).isFalse();
    }

    /** Records how each offered message ended, by name. */
    private static final class Outcomes {
        private final List<String> ended = new CopyOnWriteArrayList<>();

        Consumer<ChatOutput.Delivery> of(String name) {
            return delivery -> ended.add(name + " " + delivery);
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

        sender.offer(longText, ChatSender.Kind.NORMAL, outcomes.of("long"));

        await().atMost(WAIT).until(() -> outcomes.ended().size() == 1);
        assertThat(outcomes.ended()).containsExactly("long SENT");
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

        sender.offer("<b>first</b>", ChatSender.Kind.NORMAL, outcomes.of("first"));
        sender.offer("second", ChatSender.Kind.NORMAL, outcomes.of("second"));
        sender.offer("third", ChatSender.Kind.NORMAL, outcomes.of("third"));
        await().atMost(WAIT).until(() -> api.attempts().size() == 1);
        assertThat(outcomes.ended()).isEmpty();
        api.release.countDown();

        await().atMost(WAIT).until(() -> outcomes.ended().size() == 3);
        assertThat(outcomes.ended()).containsExactly("first REFUSED", "second REFUSED", "third SENT");
        assertThat(api.texts()).containsExactly("<b>first</b>", "<b>first</b>", "<b>first</b>", "first", "second",
                "third");
    }

    @Test
    void aMessageEvictedFromAFullQueueOrDiscardedAtShutdownIsDropped() {
        ScriptedApi api = new ScriptedApi(true);
        start(api, 2, 0, 5);
        Outcomes outcomes = new Outcomes();
        sender.offer("in flight", ChatSender.Kind.NORMAL, outcomes.of("in flight"));
        await().atMost(WAIT).until(() -> api.attempts().size() == 1);
        sender.offer("alert 1", ChatSender.Kind.NORMAL, outcomes.of("alert 1"));
        sender.offer("alert 2", ChatSender.Kind.NORMAL, outcomes.of("alert 2"));

        sender.offer("alert 3", ChatSender.Kind.NORMAL, outcomes.of("alert 3"));
        assertThat(outcomes.ended()).containsExactly("alert 1 DROPPED");

        sender.stop();
        await().atMost(WAIT).until(() -> outcomes.ended().size() == 4);
        assertThat(outcomes.ended()).containsExactlyInAnyOrder("alert 1 DROPPED", "alert 2 DROPPED", "alert 3 DROPPED",
                "in flight DROPPED");
        assertThat(sender.offer("late", ChatSender.Kind.NORMAL, outcomes.of("late"))).isFalse();
        assertThat(outcomes.ended()).endsWith("late DROPPED");
    }
}
