package com.byninja.telegram.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.byninja.protocol.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PendingCommandsTest {
    private final List<PendingCommands.Pending> timedOut = new CopyOnWriteArrayList<>();
    private final PendingCommands pending = new PendingCommands(200, timedOut::add);

    private record Bot(String name) implements BotConnection {
        @Override
        public String address() {
            return "127.0.0.1:1";
        }

        @Override
        public Instant connectedAt() {
            return Instant.EPOCH;
        }

        @Override
        public boolean send(Message message) {
            return true;
        }
    }

    @AfterEach
    void close() {
        pending.close();
    }

    @Test
    void idsAreUniqueAcrossInstances() {
        try (PendingCommands other = new PendingCommands(1, p -> { })) {
            assertThat(List.of(pending.nextId(), pending.nextId(), other.nextId())).doesNotHaveDuplicates();
        }
    }

    @Test
    void onlyTheBotAskedCompletesACommandAndOnlyOnce() throws Exception {
        PendingCommands.Pending command = new PendingCommands.Pending("a-1", 5L, "alpha", new Bot("alpha"), "/status");
        pending.register(command);
        List<Long> answeredChats = new CopyOnWriteArrayList<>();

        assertThat(pending.complete("a-1", "beta", p -> answeredChats.add(p.chatId()))).isFalse();
        assertThat(pending.complete("a-1", "alpha", p -> answeredChats.add(p.chatId()))).isTrue();
        assertThat(pending.complete("a-1", "alpha", p -> answeredChats.add(p.chatId()))).isFalse();
        assertThat(answeredChats).containsExactly(5L);
        assertThat(pending.awaitNone(1_000)).isTrue();
        assertThat(timedOut).isEmpty();
    }

    @Test
    void anUnansweredCommandTimesOutAndALateReplyStillFindsItsChat() {
        pending.register(new PendingCommands.Pending("a-2", 6L, "alpha", new Bot("alpha"), "/stats"));

        await().atMost(Duration.ofSeconds(5)).until(() -> timedOut.size() == 1);

        assertThat(timedOut.get(0).label()).isEqualTo("/stats");
        assertThat(pending.complete("a-2", "alpha", p -> { })).isFalse();
        assertThat(pending.completeLate("a-2", "beta")).isEmpty();
        assertThat(pending.completeLate("a-2", "alpha")).map(PendingCommands.Pending::chatId).contains(6L);
        assertThat(pending.completeLate("a-2", "alpha")).isEmpty();
    }

    @Test
    void aCommandAnsweredInTimeNeverTimesOutWhileTheOnesAfterItStillDo() {
        pending.register(new PendingCommands.Pending("a-4", 1L, "alpha", new Bot("alpha"), "/status"));
        pending.register(new PendingCommands.Pending("a-5", 1L, "alpha", new Bot("alpha"), "/stats"));
        pending.register(new PendingCommands.Pending("a-6", 2L, "alpha", new Bot("alpha"), "/balance"));

        assertThat(pending.complete("a-4", "alpha", p -> { })).isTrue();
        pending.cancel("a-6");

        await().atMost(Duration.ofSeconds(5)).until(() -> timedOut.size() == 1);
        assertThat(timedOut).extracting(PendingCommands.Pending::id).containsExactly("a-5");
        assertThat(pending.size()).isZero();
    }

    @Test
    void aDroppedConnectionFailsOnlyItsOwnCommands() {
        Bot alpha = new Bot("alpha");
        pending.register(new PendingCommands.Pending("a-3", 1L, "alpha", alpha, "/status"));
        pending.register(new PendingCommands.Pending("b-1", 1L, "beta", new Bot("beta"), "/status"));
        List<String> lost = new CopyOnWriteArrayList<>();

        pending.failAll(new Bot("alpha"), p -> lost.add(p.id()));

        assertThat(lost).containsExactly("a-3");
        assertThat(pending.size()).isEqualTo(1);
    }
}
