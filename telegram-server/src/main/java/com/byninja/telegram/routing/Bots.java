package com.byninja.telegram.routing;

import java.util.List;
import java.util.Optional;

/** The trading bots connected now. */
public interface Bots {

    /** @return the connected bot of that name */
    Optional<BotConnection> find(String name);

    /** @return every connected bot, sorted by name */
    List<BotConnection> connected();
}
