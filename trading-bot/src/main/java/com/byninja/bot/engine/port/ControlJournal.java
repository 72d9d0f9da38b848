package com.byninja.bot.engine.port;

import com.byninja.bot.domain.Flags;
import java.sql.SQLException;
import java.util.Map;

/** The trading, buy and sell switches, kept across restarts. */
public interface ControlJournal {

    /** The scope of the global switches; symbol scopes are the symbols' names. */
    String GLOBAL_SCOPE = "*";

    /** Saves one scope's switches, before they take effect. */
    void saveFlags(String scope, Flags flags) throws SQLException;

    /** @return every saved scope's switches; empty on a first start. */
    Map<String, Flags> loadFlags() throws SQLException;
}
