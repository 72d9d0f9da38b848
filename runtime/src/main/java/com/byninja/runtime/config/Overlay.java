package com.byninja.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Lays the user's YAML over the defaults: a key the defaults do not have is reported with the known key it most likely
 * means and left out, a shorthand value is expanded, and the entries of a free-form mapping meet under their
 * canonical key.
 */
final class Overlay {

    /**
     * A mapping whose keys are the user's own; each entry has the keys of {@code template}, or, without a template
     * (null), is kept as written for the reader to check.
     */
    record FreeForm(String template, UnaryOperator<String> canonical) {
    }

    private final ObjectNode known;
    private final Map<String, String> shorthands;
    private final Map<String, FreeForm> freeForms;
    private final Problems problems;

    Overlay(ObjectNode known, Map<String, String> shorthands, Map<String, FreeForm> freeForms, Problems problems) {
        this.known = known;
        this.shorthands = shorthands;
        this.freeForms = freeForms;
        this.problems = problems;
    }

    /** Lays the whole of {@code user} over {@code tree}. */
    void apply(ObjectNode tree, ObjectNode user) {
        merge(tree, known, user, "", "");
    }

    /**
     * Lays {@code user}, written at {@code key}, over {@code base}, its keys checked as those of the defaults' section
     * {@code like} are.
     */
    void applyLike(ObjectNode base, ObjectNode user, String key, String like) {
        merge(base, (ObjectNode) node(known, like), user, key + ".", like + ".");
    }

    /**
     * Lays {@code user} over {@code base}; {@code knownHere} is the defaults' mapping at the same place. Problems name
     * keys by {@code prefix}, where the user wrote them; free-form mappings and shorthands are found by
     * {@code schema}, the same place in the defaults (the two differ below an entry of a list).
     */
    private void merge(ObjectNode base, ObjectNode knownHere, ObjectNode user, String prefix, String schema) {
        for (Map.Entry<String, JsonNode> field : user.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            String key = prefix + name;
            JsonNode knownValue = knownHere.get(name);
            FreeForm freeForm = freeForms.get(schema + name);
            if (knownValue == null) {
                unknownKey(key, knownHere, prefix);
            } else if (knownValue.isObject() && value.isObject()) {
                if (freeForm != null) {
                    mergeEntries(mapping(base, name), (ObjectNode) value, key, freeForm);
                } else {
                    merge(mapping(base, name), (ObjectNode) knownValue, (ObjectNode) value, key + ".",
                            schema + name + ".");
                }
            } else if (knownValue.isObject() && !value.isNull()) {
                String shortKey = shorthands.get(schema + name);
                if (shortKey != null && value.isValueNode()) {
                    mapping(base, name).set(shortKey, value);
                    problems.lines.put(key + "." + shortKey, problems.lines.get(key));
                } else {
                    List<String> keys = names((ObjectNode) knownValue);
                    problems.report(key, true, "must be a mapping of keys indented below it"
                            + (keys.isEmpty() ? "" : " (" + String.join(", ", keys) + ")") + ", got "
                            + YamlConfig.describe(value));
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
                problems.report(written, true, "the same entry as " + mapping + "." + earlier + " (line "
                        + problems.lines.get(mapping + "." + earlier) + "); keep one");
                problems.lines.keySet().removeIf(k -> k.equals(written) || k.startsWith(written + ".")
                        || k.startsWith(written + "["));
            }
        }
        ObjectNode template = freeForm.template() == null ? null : (ObjectNode) node(known, freeForm.template());
        kept.forEach((canonical, name) -> {
            String written = mapping + "." + name;
            String target = mapping + "." + canonical;
            if (!canonical.equals(name)) {
                for (String key : List.copyOf(problems.lines.keySet())) {
                    if (key.equals(written) || key.startsWith(written + ".") || key.startsWith(written + "[")) {
                        problems.lines.put(target + key.substring(written.length()), problems.lines.remove(key));
                    }
                }
            }
            JsonNode value = user.get(name);
            JsonNode existing = base.get(canonical);
            if (value.isObject() && template != null) {
                merge(existing instanceof ObjectNode entry ? entry : base.putObject(canonical), template,
                        (ObjectNode) value, target + ".", freeForm.template() + ".");
            } else if (!value.isNull()) {
                base.set(canonical, value);
            }
        });
    }

    private void unknownKey(String key, ObjectNode knownHere, String prefix) {
        List<String> siblings = names(knownHere).stream().map(name -> prefix + name).toList();
        Optional<String> meant = KeySuggestions.closest(key, siblings, knownPaths());
        problems.report(key, true, meant.map(k -> "unknown key; did you mean " + k + "?")
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

    /** @return the mapping at {@code name} of {@code base}, made empty there when it has none */
    private static ObjectNode mapping(ObjectNode base, String name) {
        return base.get(name) instanceof ObjectNode mapping ? mapping : base.putObject(name);
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
