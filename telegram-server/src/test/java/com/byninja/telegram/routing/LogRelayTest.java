package com.byninja.telegram.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.telegram.config.TelegramServerConfig;
import com.byninja.telegram.telegram.ChatMessage;
import com.byninja.telegram.telegram.ChatOutput;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Drives {@link LogRelay#flush()} by hand: no timer involved. */
class LogRelayTest {

    /** Records log messages, or drops them (as a full chat queue does) while {@code refuse} is set. */
    private static final class RecordingOutput implements ChatOutput {
        final List<String> logs = new ArrayList<>();
        final Set<Long> pending = new HashSet<>();
        final List<Consumer<Outcome>> queued = new ArrayList<>();
        boolean refuse;

        @Override
        public void send(long chatId, ChatMessage message, Priority priority, Consumer<Outcome> whenDone) {
            assertThat(priority).isEqualTo(Priority.LOG);
            if (refuse) {
                whenDone.accept(new Outcome(Delivery.DROPPED, OptionalInt.empty()));
                return;
            }
            logs.add(chatId + ": " + ((ChatMessage.Text) message).html());
            queued.add(whenDone);
        }

        @Override
        public long dropped(Priority priority) {
            return 0;
        }

        @Override
        public boolean logPending(long chatId) {
            return pending.contains(chatId);
        }

        @Override
        public List<Long> chats() {
            return List.of(1L, 2L);
        }
    }

    private final RecordingOutput output = new RecordingOutput();
    private final LogRelay relay = new LogRelay(output, new TelegramServerConfig.Logs("WARN", 1_000, 3));

    @Test
    void gathersLinesAtOrAboveTheLevelIntoOneMessagePerChat() {
        relay.accept("alpha", "INFO", "routine");
        relay.accept("alpha", "WARN", "slow <exchange>");
        relay.accept("beta", "error", "rejected");
        relay.accept("alpha", "DEBUG", "noise");

        relay.flush();

        String expected = "<b>alpha</b> <code>WARN</code> slow &lt;exchange&gt;\n<b>beta</b> <code>ERROR</code> rejected";
        assertThat(output.logs).containsExactly("1: " + expected, "2: " + expected);
        relay.flush();
        assertThat(output.logs).hasSize(2);
    }

    @Test
    void aFullBufferDropsTheOldestLinesAndSaysHowMany() {
        for (int i = 1; i <= 5; i++) {
            relay.accept("alpha", "WARN", "line " + i);
        }

        relay.flush();

        assertThat(output.logs.get(0)).isEqualTo("1: … 2 log lines dropped\n"
                + "<b>alpha</b> <code>WARN</code> line 3\n"
                + "<b>alpha</b> <code>WARN</code> line 4\n"
                + "<b>alpha</b> <code>WARN</code> line 5");
    }

    @Test
    void aChatStillSendingItsLastLogMessageKeepsGathering() {
        output.pending.add(1L);
        relay.accept("alpha", "WARN", "first");

        relay.flush();
        assertThat(output.logs).containsExactly("2: <b>alpha</b> <code>WARN</code> first");

        output.pending.clear();
        relay.accept("alpha", "WARN", "second");
        relay.flush();
        assertThat(output.logs).contains("1: <b>alpha</b> <code>WARN</code> first\n<b>alpha</b> <code>WARN</code> second");
    }

    @Test
    void linesARefusedMessageHeldAreCountedAsDropped() {
        relay.accept("alpha", "WARN", "lost");
        output.refuse = true;
        relay.flush();

        output.refuse = false;
        relay.flush();

        assertThat(output.logs).containsExactly("1: … 1 log lines dropped", "2: … 1 log lines dropped");
    }

    @Test
    void linesOfAMessageTheChatsQueueDroppedLaterAreCountedWithTheNextOne() {
        relay.accept("alpha", "WARN", "one");
        relay.accept("alpha", "WARN", "two");
        relay.flush();
        assertThat(output.logs).hasSize(2);

        // Evicted from chat 1's queue for a reply, while chat 2 got it.
        output.queued.get(0).accept(new ChatOutput.Outcome(ChatOutput.Delivery.DROPPED, OptionalInt.empty()));
        output.queued.get(1).accept(new ChatOutput.Outcome(ChatOutput.Delivery.SENT, OptionalInt.of(7)));
        relay.accept("alpha", "WARN", "three");
        relay.flush();

        assertThat(output.logs.subList(2, 4)).containsExactly(
                "1: … 2 log lines dropped\n<b>alpha</b> <code>WARN</code> three",
                "2: <b>alpha</b> <code>WARN</code> three");
    }

    @Test
    void levelOffRelaysNothing() {
        LogRelay off = new LogRelay(output, new TelegramServerConfig.Logs("OFF", 1_000, 3));
        off.accept("alpha", "ERROR", "boom");

        off.flush();

        assertThat(output.logs).isEmpty();
        off.close();
    }
}
