package com.byninja.bot.link;

import com.byninja.bot.config.ConfigChanges;
import com.byninja.bot.config.Reread;
import com.byninja.protocol.Message;
import java.util.function.Consumer;

/**
 * Reads the bot's configuration file again for {@code /reload}, away from the trading thread (a file, maybe strategy
 * files and plug-in jars), and hands the outcome back to the trading thread, which applies it. One reading at a time.
 */
public interface ConfigReloads {

    /**
     * Starts reading the file the bot started with, validated as at start.
     *
     * @param command         the {@code reload} command, answered by the reloader itself when the trading thread
     *                        cannot take the outcome (busy, stopping)
     * @param onTradingThread given the outcome, on the trading thread
     * @return false when a reading is under way already; nothing starts then
     */
    boolean reload(Message command, Consumer<Reread> onTradingThread);

    /** Called on the trading thread once {@code changes} run: the next reading compares with them. */
    void applied(ConfigChanges changes);

    /** @return reloads for a bot that has no configuration of its own to read again, such as a test's */
    static ConfigReloads none() {
        return new ConfigReloads() {
            @Override
            public boolean reload(Message command, Consumer<Reread> onTradingThread) {
                onTradingThread.accept(new Reread.Unavailable("given directly, not read from a file"));
                return true;
            }

            @Override
            public void applied(ConfigChanges changes) {
            }
        };
    }
}
