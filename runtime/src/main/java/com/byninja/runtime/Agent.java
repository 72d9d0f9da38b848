package com.byninja.runtime;

/**
 * One role of a daemon, such as sending to one chat or watching one market, run on a thread of its own by an
 * {@link AgentRunner}: the shape of Agrona's agent. The runner calls {@link #onStart()} once, then {@link #doWork()}
 * until it is asked to stop, then {@link #onClose()} once, all on the agent's thread.
 *
 * <p>An agent with nothing to do waits for work inside {@link #doWork()}, on its own queue, latch or condition, for at
 * most a timeout of its choosing, and returns 0; {@link #onStopRequested()} wakes such a wait, so that the agent stops
 * at once rather than at the end of it. An agent whose role is over, such as a reader at the end of its input, throws
 * {@link AgentTerminationException} from {@link #doWork()}.
 */
public interface Agent {

    /** @return the role, which names the thread: {@code chat-sender-42}, {@code market-monitor-BTC/USDT} */
    String roleName();

    /**
     * Called once on the agent's thread, before the first {@link #doWork()}. When it fails, the runner's error handler
     * is told, the agent does no work, and {@link #onClose()} still runs.
     */
    default void onStart() throws Exception {
    }

    /**
     * One step of the agent's work; the runner calls it again and again until asked to stop. An exception is passed
     * to the runner's error handler and the agent carries on; an interrupt (an {@link InterruptedException} or a
     * {@link java.nio.channels.ClosedByInterruptException} thrown, or the thread's flag found set) ends it.
     *
     * @return how much work was done, 0 when there was none
     */
    int doWork() throws Exception;

    /**
     * Called on the thread that asks the agent to stop, before the runner waits for it: wakes a {@link #doWork()}
     * waiting on the agent's own queue, latch or condition. Must not block.
     */
    default void onStopRequested() {
    }

    /**
     * Called once on the agent's thread after its last {@link #doWork()}, also after an interrupt (the flag is clear
     * while it runs): hands on or releases what the agent still holds.
     */
    default void onClose() throws Exception {
    }
}
