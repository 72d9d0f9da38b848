package com.byninja.protocol.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    private final ObjectNode known;
    private final ObjectNode tree;
    private final Map<String, String> shorthands = new HashMap<>();
    private final Map<String, FreeForm> freeForms = new HashMap<>();
    private final Map<String, Integer> lines = new HashMap<>();
    private final Map<String, String> variables = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> bad = new HashSet<>();
    private String source = "";

    private record Problem(int line, String text) {
    }

    private record FreeForm(String template, UnaryOperator<String> canonical) {
    }

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
     * of {@code template}, and entries whose keys mean the same after {@code canonical} are one entry.
     *
     * @return this
     */
    public YamlConfig freeForm(String mapping, String template, UnaryOperator<String> canonical) {
        freeForms.put(mapping, new FreeForm(template, canonical));
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
        String named = fromCommandLine ? "--config " + file : file.toString();
        if (Files.isDirectory(file)) {
            throw new ConfigFileException(named + ": is a directory; give a YAML file such as " + example);
        }
        if (!Files.exists(file)) {
            throw new ConfigFileException(named + ": no such file"
                    + (file.isAbsolute() ? "" : " in " + Path.of("").toAbsolutePath())
                    + "; give the path of a YAML file such as " + example);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (AccessDeniedException e) {
            throw new ConfigFileException(named + ": permission denied; let the user running the daemon ("
                    + System.getProperty("user.name") + ") read it");
        } catch (CharacterCodingException e) {
            throw new ConfigFileException(named + ": is not UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            throw new ConfigFileException(named + ": cannot be read (" + e.getMessage() + "); check the file");
        }
        overlay(text, file.toString());
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
        this.source = source;
        lines.putAll(document.lines);
        for (YamlDocument.Repeat repeat : document.repeated) {
            add(repeat.line(), source + ":" + repeat.line() + ": " + repeat.key() + ": written twice (first at line "
                    + repeat.firstLine() + "); keep one, only this last one counts");
        }
        merge(tree, known, document.root, "");
    }

    /** Sets {@code key} from an environment variable; problems with it name the variable. */
    public void setFromEnvironment(String variable, String key, String value) {
        put(key, NODES.textNode(value.trim()));
        variables.put(key, variable);
    }

    /** Sets the list {@code key} from an environment variable; problems with it name the variable. */
    public void setFromEnvironment(String variable, String key, List<String> values) {
        ArrayNode list = NODES.arrayNode();
        values.forEach(value -> list.add(value.trim()));
        put(key, list);
        variables.put(key, variable);
    }

    /** @return the value at {@code key} ({@code a.b}, {@code a.b[2]}), or a missing node */
    public JsonNode node(String key) {
        JsonNode node = tree;
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
        bad.add(key);
        report(key, what, related);
    }

    /**
     * Reports a rule between keys that their good values break, such as a minimum above a maximum, placed as
     * {@link #problem} places it. The keys stay valid: each value is fine on its own, so other rules still apply.
     */
    public void conflict(String key, String what, String... related) {
        report(key, what, related);
    }

    private void report(String key, String what, String... related) {
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
                add(line, source + ":" + line + ": " + key + ": " + what);
                return;
            }
        }
        add(Integer.MAX_VALUE, key + ": " + what);
    }

    /** Reports a problem that belongs to no single key, as a sentence of its own. */
    public void generalProblem(String sentence) {
        add(Integer.MAX_VALUE, sentence);
    }

    /** @return whether none of {@code keys} has a problem so far */
    public boolean valid(String... keys) {
        for (String key : keys) {
            if (bad.contains(key)) {
                return false;
            }
        }
        return true;
    }

    /** @return whether the user's file or the environment set {@code key} */
    public boolean fromUser(String key) {
        return lines.containsKey(key) || variableOf(key) != null;
    }

    /** @return every problem found, one line each: those in the file by line, then the others in the order found */
    public List<String> problems() {
        return problems.stream().sorted(Comparator.comparingInt(Problem::line)).map(Problem::text).toList();
    }

    /** @return a copy of the whole configuration, defaults included, as read so far */
    public ObjectNode tree() {
        return tree.deepCopy();
    }

    /** @return the value as a person reads it in a message: {@code "abc"}, {@code 12}, {@code a list}, {@code nothing} */
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

    private void add(int line, String text) {
        if (problems.stream().noneMatch(p -> p.text().equals(text))) {
            problems.add(new Problem(line, text));
        }
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

    private void put(String key, JsonNode value) {
        String[] parts = key.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            node = child instanceof ObjectNode object ? object : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], value);
    }

    /** Lays {@code user} over {@code base}; {@code knownHere} is the defaults' mapping at the same place. */
    private void merge(ObjectNode base, ObjectNode knownHere, ObjectNode user, String prefix) {
        for (Map.Entry<String, JsonNode> field : user.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            String key = prefix + name;
            JsonNode knownValue = knownHere.get(name);
            FreeForm freeForm = freeForms.get(key);
            if (knownValue == null) {
                unknownKey(key, knownHere, prefix);
            } else if (knownValue.isObject() && value.isObject()) {
                if (freeForm != null) {
                    mergeEntries((ObjectNode) base.get(name), (ObjectNode) value, key, freeForm);
                } else {
                    merge((ObjectNode) base.get(name), (ObjectNode) knownValue, (ObjectNode) value, key + ".");
                }
            } else if (knownValue.isObject() && !value.isNull()) {
                String shortKey = shorthands.get(key);
                if (shortKey != null && value.isValueNode()) {
                    ((ObjectNode) base.get(name)).set(shortKey, value);
                    lines.put(key + "." + shortKey, lines.get(key));
                } else {
                    problem(key, "must be a mapping of keys indented below it (" + String.join(", ",
                            names((ObjectNode) knownValue)) + "), got " + describe(value));
                }
            } else if (!knownValue.isObject()) {
                base.set(name, value);
            }
            // An empty section (every key commented out) keeps its defaults.
        }
    }

    /**
     * Lays the user's entries of a free-form mapping over the defaults' ones, each under its canonical key (and its
     * lines moved there); a second spelling of one entry is reported and left out.
     */
    private void mergeEntries(ObjectNode base, ObjectNode user, String mapping, FreeForm freeForm) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : names(user)) {
            String earlier = kept.putIfAbsent(freeForm.canonical().apply(name), name);
            if (earlier != null) {
                String written = mapping + "." + name;
                problem(written, "the same entry as " + mapping + "." + earlier + " (line "
                        + lines.get(mapping + "." + earlier) + "); keep one");
                lines.keySet().removeIf(k -> k.equals(written) || k.startsWith(written + ".")
                        || k.startsWith(written + "["));
            }
        }
        ObjectNode template = (ObjectNode) node(known, freeForm.template());
        kept.forEach((canonical, name) -> {
            String written = mapping + "." + name;
            String target = mapping + "." + canonical;
            if (!canonical.equals(name)) {
                for (String key : List.copyOf(lines.keySet())) {
                    if (key.equals(written) || key.startsWith(written + ".") || key.startsWith(written + "[")) {
                        lines.put(target + key.substring(written.length()), lines.remove(key));
                    }
                }
            }
            JsonNode value = user.get(name);
            JsonNode existing = base.get(canonical);
            if (value.isObject()) {
                merge(existing instanceof ObjectNode entry ? entry : base.putObject(canonical), template,
                        (ObjectNode) value, target + ".");
            } else if (!value.isNull()) {
                base.set(canonical, value);
            }
        });
    }

    private void unknownKey(String key, ObjectNode knownHere, String prefix) {
        List<String> siblings = names(knownHere).stream().map(name -> prefix + name).toList();
        Optional<String> meant = KeySuggestions.closest(key, siblings, knownPaths());
        problem(key, meant.map(k -> "unknown key; did you mean " + k + "?")
                .orElse("unknown key; the known keys " + (prefix.isEmpty() ? "at the top" : "under "
                        + prefix.substring(0, prefix.length() - 1)) + " are " + String.join(", ", names(knownHere))));
    }

    /** @return every key of the defaults, outside the user's own mappings (their template's keys stand for them) */
    private Set<String> knownPaths() {
        Set<String> paths = new LinkedHashSet<>();
        collect(known, "", paths);
        return paths;
    }

    private void collect(ObjectNode node, String prefix, Set<String> paths) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = prefix + field.getKey();
            paths.add(key);
            if (field.getValue() instanceof ObjectNode object && !freeForms.containsKey(key)) {
                collect(object, key + ".", paths);
            }
        }
    }

    private static List<String> names(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode node(ObjectNode root, String key) {
        JsonNode node = root;
        for (String part : key.split("\\.")) {
            node = node.path(part);
        }
        return node.isMissingNode() ? MissingNode.getInstance() : node;
    }
}
