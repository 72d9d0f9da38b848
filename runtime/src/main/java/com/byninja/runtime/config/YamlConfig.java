package com.byninja.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A daemon's configuration as it is read: the built-in defaults (the shipped YAML file, which holds every key), the
 * user's YAML file laid over them, then environment variables over both. Both daemons read theirs with it, so their
 * problems read alike:
 *
 * <pre>
 * config/my.yml:9: risk.stoplossPct: unknown key; did you mean risk.stopLossPct?
 * config/my.yml:14: risk.stakeAmount: must be a number, got "abc"
 * BYNINJA_LINK_PORT: link.port: must be a whole number between 1 and 65535, got 70000
 * </pre>
 *
 * <p>Each problem is one line: where (the file and line of the key when the user wrote it, the environment variable
 * when it came from one, nothing for a default), the key, what it must be and what it is. Typed reads report a bad
 * value and return a placeholder; {@link #valid} tells whether keys were read without a problem, so a rule between
 * two keys is checked only when both are good and a bad value never causes a second, false problem. {@link #problems}
 * lists everything found in one pass, in the order of the file.
 */
public final class YamlConfig {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> LOG_LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    private final ObjectNode known;
    private final ObjectNode tree;
    private final Map<String, String> shorthands = new HashMap<>();
    private final Map<String, Overlay.FreeForm> freeForms = new HashMap<>();
    private final Problems problems = new Problems();

    private YamlConfig(ObjectNode defaults) {
        this.known = defaults.deepCopy();
        this.tree = defaults;
    }

    /**
     * @param defaultsYaml the shipped configuration file: every key with its default
     * @return the defaults, ready for a file and the environment to be laid over them
     * @throws IllegalStateException when the defaults themselves are not YAML (a broken build)
     */
    public static YamlConfig withDefaults(String defaultsYaml) {
        try {
            return new YamlConfig(YamlDocument.parse(defaultsYaml, "the built-in defaults").root);
        } catch (ConfigFileException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * @param owner    a class of the jar that carries the defaults
     * @param resource the shipped configuration file's name in the jar, such as {@code /trading-bot.yml}
     * @return the defaults, ready for a file and the environment to be laid over them
     * @throws ConfigException when the jar lacks the resource
     */
    public static YamlConfig withDefaultsFrom(Class<?> owner, String resource) throws ConfigException {
        return withDefaults(ConfigFiles.resource(owner, resource));
    }

    /**
     * Lets a single value stand for one key of a section: with {@code shorthand("exchange", "type")},
     * {@code exchange: binance} means {@code exchange: {type: binance}}.
     *
     * @return this
     */
    public YamlConfig shorthand(String section, String key) {
        shorthands.put(section, key);
        return this;
    }

    /**
     * Declares a mapping whose keys are the user's own (such as markets by symbol); the keys of each entry are those
     * of {@code template}, and entries whose keys mean the same after {@code canonical} are one entry. Without a
     * template (null), such as a plug-in's parameters, the entries are kept as written and the reader checks them.
     *
     * @return this
     */
    public YamlConfig freeForm(String mapping, String template, UnaryOperator<String> canonical) {
        freeForms.put(mapping, new Overlay.FreeForm(template, canonical));
        return this;
    }

    /**
     * Lays a YAML file over the defaults.
     *
     * @param file            the file
     * @param fromCommandLine whether {@code --config} named it, which messages then say
     * @param example         a file to suggest, such as {@code config/trading-bot.yml}
     * @throws ConfigFileException when the file cannot be used at all: one line saying what failed, why and what to do
     */
    public void readFile(Path file, boolean fromCommandLine, String example) throws ConfigFileException {
        overlay(ConfigFiles.read(file, fromCommandLine, example), file.toString());
    }

    /**
     * Lays YAML text over the defaults; unknown keys are reported (with the known key they most likely meant) and left
     * out.
     *
     * @param yaml   the text
     * @param source how to name it in problems, such as its file's path
     * @throws ConfigFileException when the text is not YAML or not a mapping of keys
     */
    public void overlay(String yaml, String source) throws ConfigFileException {
        YamlDocument document = YamlDocument.parse(yaml, source);
        problems.source(source);
        problems.lines.putAll(document.lines);
        problems.sources.keySet().removeAll(document.lines.keySet());
        for (YamlDocument.Repeat repeat : document.repeated) {
            problems.add(repeat.line(), source + ":" + repeat.line() + ": " + repeat.key() + ": written twice "
                    + "(first at line " + repeat.firstLine() + "); keep one, only this last one counts");
        }
        new Overlay(known, shorthands, freeForms, problems).apply(tree, document.root);
    }

    /**
     * Lays a file that holds one section over the configuration: its top-level keys are that section's keys, as though
     * written beneath it, and problems with them name that file and its lines. Problems that keep the file from being
     * read at all are reported at {@code namedBy}, the key that named it.
     *
     * @param section  the section, such as {@code strategy}
     * @param file     the file
     * @param namedBy  the key that named the file, such as {@code strategy.file}; a key the file may not hold itself
     * @param example  a file to suggest, such as {@code config/strategies/ema-rsi-trend.yml}
     */
    public void readSectionFile(String section, Path file, String namedBy, String example) {
        YamlDocument document = sectionFile(section, file, namedBy, example);
        if (document == null) {
            return;
        }
        for (Map.Entry<String, Integer> line : document.lines.entrySet()) {
            problems.lines.put(section + "." + line.getKey(), line.getValue());
            problems.sources.put(section + "." + line.getKey(), file.toString());
        }
        ObjectNode wrapped = tree.objectNode();
        wrapped.set(section, document.root);
        new Overlay(known, shorthands, freeForms, problems).apply(tree, wrapped);
    }

    /**
     * As {@link #readSectionFile}, for a mapping the user wrote below an entry of a list, such as
     * {@code symbols[2].strategy}: the file's keys go beneath the keys written there, which win. Nothing is checked
     * yet: {@link #checkLike} checks the whole.
     */
    public void readEntryFile(String key, Path file, String namedBy, String example) {
        YamlDocument document = sectionFile(key, file, namedBy, example);
        if (document == null || !(node(key) instanceof ObjectNode written)) {
            return;
        }
        for (Map.Entry<String, Integer> line : document.lines.entrySet()) {
            String full = key + "." + line.getKey();
            if (!problems.lines.containsKey(full)) {
                problems.lines.put(full, line.getValue());
                problems.sources.put(full, file.toString());
            }
        }
        beneath(written, document.root);
    }

    /** Adds to {@code top} what {@code below} has and it lacks, mapping by mapping. */
    private static void beneath(ObjectNode top, ObjectNode below) {
        for (Map.Entry<String, JsonNode> field : below.properties()) {
            JsonNode mine = top.get(field.getKey());
            if (mine == null) {
                top.set(field.getKey(), field.getValue());
            } else if (mine instanceof ObjectNode object && field.getValue() instanceof ObjectNode other) {
                beneath(object, other);
            }
        }
    }

    /**
     * Reads a file of one section's keys and reports what it cannot hold: the section's name above its keys, or
     * another file named inside it (left out).
     *
     * @return the file, or null when it cannot be used (reported at {@code namedBy})
     */
    private YamlDocument sectionFile(String section, Path file, String namedBy, String example) {
        YamlDocument document;
        try {
            document = YamlDocument.parse(ConfigFiles.read(file, false, example), file.toString());
        } catch (ConfigFileException e) {
            problems.report(namedBy, true, e.getMessage());
            return null;
        }
        String source = file.toString();
        problems.sectionFile(source);
        String name = section.substring(section.lastIndexOf('.') + 1);
        String inner = namedBy.substring(section.length() + 1);
        if (document.root.has(name) && document.root.size() == 1) {
            int line = document.lines.get(name);
            problems.add(source, line, source + ":" + line + ": " + name + ": write the keys of " + name
                    + " at the top of this file, without " + name + ": above them");
            return null;
        }
        if (document.root.has(inner)) {
            problems.add(source, document.lines.get(inner), source + ":" + document.lines.get(inner) + ": " + inner
                    + ": a file named by " + namedBy + " cannot name another; write its keys here instead");
            document.root.remove(inner);
            document.lines.keySet().removeIf(k -> k.equals(inner) || k.startsWith(inner + "."));
        }
        for (YamlDocument.Repeat repeat : document.repeated) {
            problems.add(source, repeat.line(), source + ":" + repeat.line() + ": " + section + "." + repeat.key()
                    + ": written twice (first at line " + repeat.firstLine() + "); keep one, only this last one counts");
        }
        return document;
    }

    /**
     * Checks a mapping the user wrote below an entry of a list, such as {@code symbols[2].risk}, as the keys of the
     * defaults' section {@code like} are checked: an unknown key is reported (with the key it most likely meant) and
     * left out, the entries of a free-form mapping meet under their canonical key. Only the keys written stay: the
     * defaults are not added, so a reader tells what the entry sets from what it leaves to {@code like}. Anything
     * but a mapping is reported and left out.
     *
     * @param key  where the mapping is written
     * @param like the section whose keys it may hold, such as {@code risk}
     */
    public void checkLike(String key, String like) {
        JsonNode written = node(key);
        int dot = key.lastIndexOf('.');
        if (written.isMissingNode() || dot < 0 || !(node(key.substring(0, dot)) instanceof ObjectNode parent)) {
            return;
        }
        String field = key.substring(dot + 1);
        if (!(written instanceof ObjectNode mapping)) {
            if (!written.isNull()) {
                List<String> keys = new ArrayList<>();
                node(known, like).fieldNames().forEachRemaining(keys::add);
                problem(key, "must be a mapping of keys indented below it (" + String.join(", ", keys) + "), got "
                        + describe(written));
            }
            parent.remove(field);
            return;
        }
        ObjectNode checked = NODES.objectNode();
        new Overlay(known, shorthands, freeForms, problems).applyLike(checked, mapping, key, like);
        parent.set(field, checked);
    }

    /** Sets {@code key} from an environment variable; problems with it name the variable. */
    public void setFromEnvironment(String variable, String key, String value) {
        put(key, NODES.textNode(value.trim()));
        problems.fromVariable(key, variable);
    }

    /** Sets the list {@code key} from an environment variable; problems with it name the variable. */
    public void setFromEnvironment(String variable, String key, List<String> values) {
        ArrayNode list = NODES.arrayNode();
        values.forEach(value -> list.add(value.trim()));
        put(key, list);
        problems.fromVariable(key, variable);
    }

    /**
     * Sets keys from the environment variables that are set and not blank; problems with them name the variable.
     *
     * @param env            the environment, usually {@code System.getenv()}
     * @param keysByVariable the key each variable sets, such as {@code BYNINJA_LINK_PORT} to {@code link.port}
     */
    public void setFromEnvironment(Map<String, String> env, Map<String, String> keysByVariable) {
        keysByVariable.forEach((variable, key) -> {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                setFromEnvironment(variable, key, value);
            }
        });
    }

    /**
     * Ends the reading, as Aeron's {@code conclude()} does: after every typed read and rule, either nothing was wrong
     * or every problem is thrown together.
     *
     * @throws ConfigException listing every problem found, in the order of {@link #problems()}
     */
    public void conclude() throws ConfigException {
        List<String> found = problems();
        if (!found.isEmpty()) {
            throw new ConfigException(found);
        }
    }

    /** @return the value at {@code key} ({@code a.b}, {@code a.b[2]}), or a missing node */
    public JsonNode node(String key) {
        return node(tree, key);
    }

    private static JsonNode node(JsonNode root, String key) {
        JsonNode node = root;
        for (String part : key.split("\\.")) {
            int bracket = part.indexOf('[');
            node = node.path(bracket < 0 ? part : part.substring(0, bracket));
            while (bracket >= 0) {
                int close = part.indexOf(']', bracket);
                node = node.path(Integer.parseInt(part.substring(bracket + 1, close)));
                bracket = part.indexOf('[', close);
            }
        }
        return node;
    }

    /** @return the keys of the mapping at {@code key}, or none when it is not a mapping */
    public List<String> names(String key) {
        List<String> names = new ArrayList<>();
        node(key).fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * @return the keys of the items of the list at {@code key} ({@code key[0]}, {@code key[1]}...); a single value
     *         stands for a list of one, itself
     */
    public List<String> items(String key) {
        JsonNode node = node(key);
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                items.add(key + "[" + i + "]");
            }
            return items;
        }
        return node.isValueNode() && !node.isNull() ? List.of(key) : List.of();
    }

    /** @return the value as text, trimmed; empty when not set. A list or mapping is a problem. */
    public String text(String key) {
        JsonNode node = node(key);
        if (node.isMissingNode() || node.isNull()) {
            return "";
        }
        if (!node.isValueNode()) {
            problem(key, "must be a single value, got " + describe(node));
            return "";
        }
        return node.asText().trim();
    }

    /**
     * @param what what the value must be, such as {@code a directory such as data}
     * @return the value as text, trimmed; nothing is a problem ({@code must be WHAT, got nothing})
     */
    public String required(String key, String what) {
        String text = text(key);
        if (valid(key) && text.isBlank()) {
            problem(key, "must be " + what + ", got nothing");
        }
        return text;
    }

    /**
     * @return a log level as written, trimmed: TRACE, DEBUG, INFO, WARN, ERROR or OFF, in any case; any other value is
     *         a problem
     */
    public String logLevel(String key) {
        String text = text(key);
        if (valid(key) && LOG_LEVELS.stream().noneMatch(text::equalsIgnoreCase)) {
            problem(key, "must be one of " + String.join(", ", LOG_LEVELS) + ", got \"" + text + "\"");
        }
        return text;
    }

    /** @return the value, {@code true} or {@code false} in any case; false after a problem */
    public boolean bool(String key) {
        JsonNode node = node(key);
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        String text = node.isTextual() ? node.asText().trim() : "";
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        problem(key, "must be true or false, got " + describe(node));
        return false;
    }

    /**
     * @return the whole number between {@code min} and {@code max} (inclusive); after a problem, the nearest bound to
     *         1, which only keeps other reads going
     */
    public long whole(String key, long min, long max) {
        return whole(key, min, max, null);
    }

    /**
     * @param note what the key means, for the problem's text, such as {@code seconds; older commands are not run}
     * @return as {@link #whole(String, long, long)}
     */
    public long whole(String key, long min, long max, String note) {
        JsonNode node = node(key);
        BigDecimal number = number(node);
        if (number != null && number.stripTrailingZeros().scale() <= 0
                && number.compareTo(BigDecimal.valueOf(min)) >= 0 && number.compareTo(BigDecimal.valueOf(max)) <= 0) {
            return number.longValueExact();
        }
        String expected = min == Long.MIN_VALUE && max == Long.MAX_VALUE ? "a whole number"
                : "a whole number between " + min + " and " + max;
        problem(key, "must be " + expected + (note == null ? "" : " (" + note + ")") + ", got "
                + (number == null ? describe(node) : number.toPlainString()));
        return Math.max(min, Math.min(max, 1));
    }

    /** @return {@link #whole} as an int */
    public int wholeInt(String key, int min, int max) {
        return (int) whole(key, min, max);
    }

    /** @return the number between {@code min} and {@code max} (inclusive); {@code min} after a problem */
    public BigDecimal decimal(String key, BigDecimal min, BigDecimal max) {
        JsonNode node = node(key);
        BigDecimal number = number(node);
        if (number == null) {
            problem(key, "must be a number, got " + describe(node));
            return min;
        }
        if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
            problem(key, "must be between " + min.toPlainString() + " and " + max.toPlainString() + ", got "
                    + number.toPlainString());
            return min;
        }
        return number;
    }

    /** @return the number above 0 and at most {@code max}; 1 after a problem */
    public BigDecimal positive(String key, BigDecimal max) {
        JsonNode node = node(key);
        BigDecimal number = number(node);
        if (number == null) {
            problem(key, "must be a number, got " + describe(node));
            return BigDecimal.ONE;
        }
        if (number.signum() <= 0 || number.compareTo(max) > 0) {
            problem(key, "must be greater than 0 and at most " + max.toPlainString() + ", got "
                    + number.toPlainString());
            return BigDecimal.ONE;
        }
        return number;
    }

    /**
     * Reports a problem with {@code key}, placed at the key (or, when the user did not write it, at the first of
     * {@code related} the user wrote). The key counts as invalid afterwards.
     *
     * @param what what the value must be and what it is, such as {@code must be paper or live, got "real"}
     */
    public void problem(String key, String what, String... related) {
        problems.report(key, true, what, related);
    }

    /**
     * Reports a rule between keys that their good values break, such as a minimum above a maximum, placed as
     * {@link #problem} places it. The keys stay valid: each value is fine on its own, so other rules still apply.
     */
    public void conflict(String key, String what, String... related) {
        problems.report(key, false, what, related);
    }

    /** Reports a problem that belongs to no single key, as a sentence of its own. */
    public void generalProblem(String sentence) {
        problems.add(Integer.MAX_VALUE, sentence);
    }

    /** @return whether none of {@code keys} has a problem so far */
    public boolean valid(String... keys) {
        return problems.valid(keys);
    }

    /** @return whether the user's file or the environment set {@code key} */
    public boolean fromUser(String key) {
        return problems.fromUser(key);
    }

    /** @return every problem found, one line each: those in the file by line, then the others in the order found */
    public List<String> problems() {
        return problems.all();
    }

    /** @return a copy of the whole configuration, defaults included, as read so far */
    public ObjectNode tree() {
        return tree.deepCopy();
    }

    /** @return the value as a person reads it: {@code "abc"}, {@code 12}, {@code a list}, {@code nothing} */
    public static String describe(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "nothing";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        return node.isTextual() ? "\"" + node.asText() + "\"" : node.asText();
    }

    private static BigDecimal number(JsonNode node) {
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual()) {
            try {
                return new BigDecimal(node.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private void put(String key, JsonNode value) {
        String[] parts = key.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            node = child instanceof ObjectNode object ? object : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], value);
    }
}
