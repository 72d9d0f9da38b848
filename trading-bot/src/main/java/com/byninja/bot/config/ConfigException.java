package com.byninja.bot.config;

import java.util.List;

/** The configuration cannot be used; {@link #problems()} has one line per problem, each naming its key. */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    /** @return one line per problem, such as {@code risk.stopLossPct: must be between 0 and 100, got 150}. */
    public List<String> problems() {
        return problems;
    }
}
