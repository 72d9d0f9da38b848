package com.byninja.runtime.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The problems found so far, each placed where the user wrote its key: {@code config/my.yml:14: } for a line of the
 * file, {@code BYNINJA_LINK_PORT: } for an environment variable, nothing for a default. Remembers which keys had a
 * bad value, so that no rule reads their placeholders.
 */
final class Problems {

    private record Problem(long order, String text) {
    }

    /** Dotted key to the line of the user's file where it is written. */
    final Map<String, Integer> lines = new HashMap<>();
    /** Dotted key to the file it is written in, for keys read from a file of one section rather than the user's. */
    final Map<String, String> sources = new HashMap<>();
    /** Section files in the order read: their problems come after the user's file's. */
    private final List<String> sectionFiles = new ArrayList<>();
    private final Map<String, String> variables = new HashMap<>();
    private final List<Problem> found = new ArrayList<>();
    private final Set<String> bad = new HashSet<>();
    private String source = "";

    /** @param source the user's file as problems name it */
    void source(String source) {
        this.source = source;
    }

    /** Problems with {@code key}, and everything below it, name {@code variable}. */
    void fromVariable(String key, String variable) {
        variables.put(key, variable);
    }

    /**
     * @param invalid whether the key's value is bad (rather than a rule between good values broken)
     * @param related keys to place the problem at when the user did not write {@code key}
     */
    void report(String key, boolean invalid, String what, String... related) {
        if (invalid) {
            bad.add(key);
        }
        List<String> keys = new ArrayList<>();
        keys.add(key);
        keys.addAll(List.of(related));
        for (String candidate : keys) {
            String variable = variableOf(candidate);
            if (variable != null) {
                add(Integer.MAX_VALUE, variable + ": " + key + ": " + what);
                return;
            }
            Integer line = lines.get(candidate);
            if (line != null) {
                String from = sources.getOrDefault(candidate, source);
                add(order(from, line), from + ":" + line + ": " + key + ": " + what);
                return;
            }
        }
        add(Integer.MAX_VALUE, key + ": " + what);
    }

    /** Adds {@code text} as it is, at {@code line} of the file ({@link Integer#MAX_VALUE} for none), unless known. */
    void add(int line, String text) {
        add(line == Integer.MAX_VALUE ? Long.MAX_VALUE : line, text);
    }

    /** Adds a problem at a line of a section file, after the user's file's. */
    void add(String sectionFile, int line, String text) {
        add(order(sectionFile, line), text);
    }

    private void add(long order, String text) {
        if (found.stream().noneMatch(p -> p.text().equals(text))) {
            found.add(new Problem(order, text));
        }
    }

    /** @param file a file whose keys are one section's, read besides the user's */
    void sectionFile(String file) {
        if (!sectionFiles.contains(file)) {
            sectionFiles.add(file);
        }
    }

    /** @return where a problem at {@code line} of {@code file} sorts: the user's file first, then each section file */
    private long order(String file, int line) {
        int index = sectionFiles.indexOf(file);
        return index < 0 || file.equals(source) ? line : (index + 1L) * Integer.MAX_VALUE + line;
    }

    boolean valid(String... keys) {
        for (String key : keys) {
            if (bad.contains(key)) {
                return false;
            }
        }
        return true;
    }

    boolean fromUser(String key) {
        return lines.containsKey(key) || variableOf(key) != null;
    }

    /** @return every problem: those in the file by line, then the others in the order found */
    List<String> all() {
        return found.stream().sorted(Comparator.comparingLong(Problem::order)).map(Problem::text).toList();
    }

    private String variableOf(String key) {
        for (String k = key; k != null; k = parent(k)) {
            String variable = variables.get(k);
            if (variable != null) {
                return variable;
            }
        }
        return null;
    }

    private static String parent(String key) {
        int cut = Math.max(key.lastIndexOf('.'), key.lastIndexOf('['));
        return cut < 0 ? null : key.substring(0, cut);
    }
}
