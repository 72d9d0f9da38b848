package com.byninja.strategy.api;

/**
 * A strategy parameter that is wrong: the bot refuses to start and reports it as a configuration problem, on one line
 * with the file, the line and the key: {@code config/my.yml:14: strategy.params.entryBars: must be a whole number
 * between 2 and 1000, got 1}. Thrown by {@link Parameters}' reads, and by a plug-in for a rule of its own between
 * parameters.
 */
public class ParameterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final String problem;

    /**
     * @param parameter the parameter's name under {@code strategy.params}, such as {@code stopBars}
     * @param problem   what it must be and what it is, in plain words, such as
     *                  {@code must be at most entryBars (20), got 30}
     */
    public ParameterException(String parameter, String problem) {
        super(parameter + ": " + problem);
        this.parameter = parameter;
        this.problem = problem;
    }

    /** @return the parameter's name */
    public String parameter() {
        return parameter;
    }

    /** @return what it must be and what it is */
    public String problem() {
        return problem;
    }
}
