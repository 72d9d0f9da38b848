package com.byninja.bot.config;

import java.util.List;

/**
 * What reading the configuration file again ({@code /reload}) gave: its problems, its changes, or that there is no
 * file to read.
 */
public sealed interface Reread {

    /** @return where the configuration was read from, such as {@code config/my.yml} or {@code built-in defaults} */
    String source();

    /**
     * The file is not a valid configuration: nothing changes.
     *
     * @param problems one line each, as at start, such as {@code config/my.yml:14: risk.stakeAmount: must be a number,
     *                 got "abc"}
     */
    record Refused(String source, List<String> problems) implements Reread {
        public Refused {
            problems = List.copyOf(problems);
        }
    }

    /** The file is valid: its differences from the configuration running. */
    record Read(String source, ConfigChanges changes) implements Reread {
    }

    /**
     * There is no file to read: the bot was given its configuration some other way, such as a test's.
     *
     * @param source how it was given, such as {@code given directly, not read from a file}
     */
    record Unavailable(String source) implements Reread {
    }
}
