package com.byninja.telegram.routing;

import com.byninja.protocol.Message;
import java.time.Instant;

/** One connected trading bot, as routing sees it. */
public interface BotConnection {

    /** @return the bot's name, authenticated by the link handshake */
    String name();

    /** @return its address, such as {@code 127.0.0.1:54321} */
    String address();

    /** @return when it connected */
    Instant connectedAt();

    /** @return whether the frame was queued; never blocks */
    boolean send(Message message);
}
