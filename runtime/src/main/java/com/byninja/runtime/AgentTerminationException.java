package com.byninja.runtime;

/**
 * Thrown by {@link Agent#doWork()} when the agent's role is over, such as a reader at the end of its input: the
 * runner ends the agent as if asked to stop, without telling its error handler.
 */
public final class AgentTerminationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param why for a thread dump or a debugger; nobody logs it */
    public AgentTerminationException(String why) {
        super(why, null, false, false);
    }
}
