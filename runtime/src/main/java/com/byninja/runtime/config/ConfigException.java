package com.byninja.runtime.config;

import java.util.List;

/**
 * A daemon's configuration cannot be used. {@link #problems()} lists every reason found, one line each for a person,
 * naming where it was written: {@code config/my.yml:14: risk.stakeAmount: must be a number, got "abc"}. Both daemons
 * print them as they are, one a line, and exit with status 2.
 */
public class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /** @param problems every problem found, in the order to show them */
    public ConfigException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * @param problem the one problem, a sentence for a person
     * @param cause   what failed underneath
     */
    public ConfigException(String problem, Throwable cause) {
        super(problem, cause);
        this.problems = List.of(problem);
    }

    /** @return each problem, one line each, in the order found */
    public List<String> problems() {
        return problems;
    }
}
