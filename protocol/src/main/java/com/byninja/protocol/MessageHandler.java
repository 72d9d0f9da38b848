package com.byninja.protocol;

/**
 * Handles frames of one tag. Runs on the connection's reader thread, so it must not block: hand slow work to a thread
 * of your own. An exception it throws is logged and counted; the connection goes on.
 */
@FunctionalInterface
public interface MessageHandler {
    void onMessage(LinkSession from, Message message);
}
