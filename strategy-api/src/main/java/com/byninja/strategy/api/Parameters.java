package com.byninja.strategy.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A strategy's parameters as configured under {@code strategy.params}, read with a type, a default and bounds. A value
 * of the wrong type or out of bounds is a {@link ParameterException} naming the parameter and what it must be; a
 * parameter that is not configured reads as its default.
 *
 * <p>The reads are remembered: at start the bot reports every configured parameter that the plug-in's
 * {@link StrategyPlugin#describe describe} and {@link StrategyPlugin#create create} did not read as unknown (most
 * likely misspelt), naming the ones it does read. Values are whole or decimal numbers, text, or {@code true} and
 * {@code false}, as YAML writes them; a number written as text ({@code "20"}) reads as a number.
 *
 * <pre>
 * int entryBars = parameters.wholeNumber("entryBars", 20, 2, 1000);
 * BigDecimal minGainPct = parameters.decimal("minGainPct", BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.TEN);
 * </pre>
 *
 * Safe to read from several threads.
 */
public final class Parameters {

    private static final Parameters NONE = new Parameters(Map.of());

    private final Map<String, Object> values;
    private final Set<String> read = Collections.synchronizedSet(new LinkedHashSet<>());

    private Parameters(Map<String, Object> values) {
        this.values = values;
    }

    /**
     * @param values by name: numbers, text or booleans
     * @return those parameters
     * @throws IllegalArgumentException for a value of another type, or a null
     */
    public static Parameters of(Map<String, ?> values) {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (value instanceof BigDecimal || value instanceof String || value instanceof Boolean) {
                copy.put(name, value);
            } else if (value instanceof Number n) {
                copy.put(name, new BigDecimal(n.toString()));
            } else {
                throw new IllegalArgumentException("parameter " + name + " must be a number, text or a boolean, got "
                        + (value == null ? "null" : value.getClass().getName()));
            }
        });
        return new Parameters(Collections.unmodifiableMap(copy));
    }

    /** @return no parameters: every read gives its default */
    public static Parameters none() {
        return NONE;
    }

    /**
     * @param name         the parameter
     * @param defaultValue its value when it is not configured, within the bounds
     * @param min          the smallest value allowed
     * @param max          the largest value allowed
     * @return the whole number configured, or the default
     * @throws ParameterException when it is not a whole number from {@code min} to {@code max}
     */
    public int wholeNumber(String name, int defaultValue, int min, int max) {
        checkDefault(name, defaultValue >= min && defaultValue <= max, defaultValue, min, max);
        Object value = value(name);
        if (value == null) {
            return defaultValue;
        }
        BigDecimal n = number(value);
        if (n != null && n.stripTrailingZeros().scale() <= 0 && n.compareTo(BigDecimal.valueOf(min)) >= 0
                && n.compareTo(BigDecimal.valueOf(max)) <= 0) {
            return n.intValueExact();
        }
        throw new ParameterException(name, "must be a whole number between " + min + " and " + max + ", got "
                + shown(value));
    }

    /**
     * @param name         the parameter
     * @param defaultValue its value when it is not configured, within the bounds
     * @param min          the smallest value allowed
     * @param max          the largest value allowed
     * @return the number configured, or the default
     * @throws ParameterException when it is not a number from {@code min} to {@code max}
     */
    public BigDecimal decimal(String name, BigDecimal defaultValue, BigDecimal min, BigDecimal max) {
        checkDefault(name, defaultValue.compareTo(min) >= 0 && defaultValue.compareTo(max) <= 0,
                defaultValue.toPlainString(), min.toPlainString(), max.toPlainString());
        Object value = value(name);
        if (value == null) {
            return defaultValue;
        }
        BigDecimal n = number(value);
        if (n != null && n.compareTo(min) >= 0 && n.compareTo(max) <= 0) {
            return n;
        }
        throw new ParameterException(name, "must be a number between " + min.toPlainString() + " and "
                + max.toPlainString() + ", got " + shown(value));
    }

    /**
     * @param name         the parameter
     * @param defaultValue its value when it is not configured
     * @return the text configured (a number or a boolean as written: {@code 20}, {@code true}), or the default
     */
    public String text(String name, String defaultValue) {
        Object value = value(name);
        if (value == null) {
            return defaultValue;
        }
        return value instanceof BigDecimal n ? n.toPlainString() : value.toString();
    }

    /**
     * @param name         the parameter
     * @param defaultValue its value when it is not configured
     * @return the boolean configured, or the default
     * @throws ParameterException when it is not {@code true} or {@code false} (in any case)
     */
    public boolean bool(String name, boolean defaultValue) {
        Object value = value(name);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.trim().equalsIgnoreCase("true") || s.trim().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s.trim());
        }
        throw new ParameterException(name, "must be true or false, got " + shown(value));
    }

    /**
     * @return whether {@code name} is configured; counts as a read, so a parameter a strategy only tests for is not
     *         reported as unknown
     */
    public boolean has(String name) {
        read.add(name);
        return values.containsKey(name);
    }

    /** @return the names configured, in the order written */
    public Set<String> names() {
        return values.keySet();
    }

    /** @return the names read so far, configured or not, in the order first read */
    public List<String> read() {
        synchronized (read) {
            return List.copyOf(read);
        }
    }

    /** @return the names configured that no read has asked for yet, in the order written */
    public List<String> unread() {
        List<String> unread = new ArrayList<>();
        synchronized (read) {
            values.keySet().stream().filter(n -> !read.contains(n)).forEach(unread::add);
        }
        return unread;
    }

    /** @return the parameters as configured, such as {@code {entryBars=20, stopBars=10}} */
    @Override
    public String toString() {
        return values.toString();
    }

    private Object value(String name) {
        read.add(name);
        return values.get(name);
    }

    private static void checkDefault(String name, boolean within, Object value, Object min, Object max) {
        if (!within) {
            throw new IllegalArgumentException("the default of " + name + ", " + value + ", is not between " + min
                    + " and " + max);
        }
    }

    private static BigDecimal number(Object value) {
        if (value instanceof BigDecimal n) {
            return n;
        }
        if (value instanceof String s) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** @return the value as a person reads it: {@code "abc"}, {@code 12.5}, {@code true} */
    private static String shown(Object value) {
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        return value instanceof BigDecimal n ? n.toPlainString() : value.toString();
    }
}
