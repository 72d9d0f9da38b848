package com.byninja.telegram.config;

import java.util.List;

/** The configuration cannot be used; {@link #problems()} lists every reason, each a sentence for a person. */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    public ConfigException(String problem, Throwable cause) {
        super(problem, cause);
        this.problems = List.of(problem);
    }

    /** @return each problem found, in the order found */
    public List<String> problems() {
        return problems;
    }
}
