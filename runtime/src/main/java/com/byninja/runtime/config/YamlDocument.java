package com.byninja.runtime.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * One YAML text as a tree, with the line of every key and list item in it, keyed by dotted path
 * ({@code risk.stopLossPct}, {@code symbols[1]}). Lines and syntax errors both come from SnakeYAML's marks (Jackson's
 * token locations for keys and values, the exception's own mark for errors), so they agree with each other and with
 * an editor: 1-based lines and columns.
 */
final class YamlDocument {

    private static final YAMLFactory FACTORY = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern BAD_START = Pattern.compile("found character '(.+)' that cannot start any token.*");
    private static final Pattern BUT_FOUND = Pattern.compile("expected <block end>, but found '?(.+?)'?");

    final ObjectNode root;
    /** Dotted path to the 1-based line where the key (or list item) is written. */
    final Map<String, Integer> lines;
    /** Keys written twice in one mapping; the last one wins, as in every YAML reader. */
    final List<Repeat> repeated;

    /** A key written a second time. */
    record Repeat(String key, int line, int firstLine) {
    }

    private YamlDocument(ObjectNode root, Map<String, Integer> lines, List<Repeat> repeated) {
        this.root = root;
        this.lines = lines;
        this.repeated = repeated;
    }

    /**
     * @param text   the YAML
     * @param source how to name it in messages, such as the file's path
     * @throws ConfigFileException when the text is not YAML or not a mapping at the top
     */
    static YamlDocument parse(String text, String source) throws ConfigFileException {
        Map<String, Integer> lines = new HashMap<>();
        List<Repeat> repeated = new ArrayList<>();
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null || first == JsonToken.VALUE_NULL) {
                return new YamlDocument(NODES.objectNode(), lines, repeated);
            }
            if (first != JsonToken.START_OBJECT) {
                throw new ConfigFileException(source + ":" + parser.currentTokenLocation().getLineNr()
                        + ": must hold keys with their values, such as \"timeframe: 5m\", got "
                        + (first == JsonToken.START_ARRAY ? "a list" : "a single value"));
            }
            ObjectNode root = NODES.objectNode();
            readMapping(parser, root, "", lines, repeated);
            return new YamlDocument(root, lines, repeated);
        } catch (JsonProcessingException e) {
            throw new ConfigFileException(syntaxError(e, source, text));
        } catch (IOException e) {
            // A String is read in memory; only the YAML itself can be wrong.
            throw new ConfigFileException(source + ": not valid YAML: " + e.getMessage());
        }
    }

    private static void readMapping(JsonParser parser, ObjectNode into, String path, Map<String, Integer> lines,
                                    List<Repeat> repeated) throws IOException {
        Set<String> seen = new HashSet<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            String key = path.isEmpty() ? name : path + "." + name;
            int line = parser.currentTokenLocation().getLineNr();
            if (!seen.add(name)) {
                repeated.add(new Repeat(key, line, lines.get(key)));
                lines.keySet().removeIf(k -> k.startsWith(key + ".") || k.startsWith(key + "["));
            }
            lines.put(key, line);
            parser.nextToken();
            into.set(name, readValue(parser, key, lines, repeated));
        }
    }

    private static JsonNode readValue(JsonParser parser, String path, Map<String, Integer> lines,
                                      List<Repeat> repeated) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                ObjectNode mapping = NODES.objectNode();
                readMapping(parser, mapping, path, lines, repeated);
                return mapping;
            }
            case START_ARRAY -> {
                ArrayNode list = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    String item = path + "[" + list.size() + "]";
                    lines.put(item, parser.currentTokenLocation().getLineNr());
                    list.add(readValue(parser, item, lines, repeated));
                }
                return list;
            }
            case VALUE_STRING -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return NODES.numberNode(parser.getBigIntegerValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return DecimalNode.valueOf(parser.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            default -> {
                return NODES.nullNode();
            }
        }
    }

    /** @return one line: where, in lines and columns as an editor counts them, and what is wrong, in our words */
    private static String syntaxError(JsonProcessingException e, String source, String text) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException marked) {
                return explain(marked, source);
            }
            if (cause instanceof ReaderException reader) {
                return source + ":" + position(text, reader.getPosition()) + ": not valid YAML: the character "
                        + String.format("U+%04X", reader.getCodePoint()) + " is not allowed in YAML; remove it";
            }
        }
        String message = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
        return source + ": not valid YAML: " + message.lines().findFirst().orElse("").trim();
    }

    private static String explain(MarkedYAMLException e, String source) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        Mark at = e.getProblemMark();
        String words;
        Matcher badStart = BAD_START.matcher(problem);
        Matcher butFound = BUT_FOUND.matcher(problem);
        if (context.contains("quoted scalar")) {
            at = e.getContextMark();
            words = "this quote is not closed";
        } else if (problem.startsWith("expected ',' or ']'")) {
            at = e.getContextMark();
            words = "this [ is not closed by a ] (or a comma is missing between its items)";
        } else if (problem.startsWith("expected ',' or '}'")) {
            at = e.getContextMark();
            words = "this { is not closed by a } (or a comma is missing between its keys)";
        } else if (problem.contains("<stream end>")) {
            words = "the file ends where a value was expected; is a [ or { not closed?";
        } else if (problem.contains("(TAB)")) {
            words = "a tab; indent with spaces only";
        } else if (badStart.matches()) {
            words = "a value cannot start with " + badStart.group(1) + "; put the value in quotes";
        } else if (problem.equals("mapping values are not allowed here")) {
            words = "unexpected ':'; indent this key like the keys above it, or quote a value that contains ': '";
        } else if (problem.equals("could not find expected ':'")) {
            at = e.getContextMark() == null ? at : e.getContextMark();
            words = "a key without ':'; write key: value";
        } else if (butFound.matches()) {
            String found = butFound.group(1);
            words = found.equals("<block mapping start>") || found.equals("?") || found.equals("-")
                    ? "this line is not indented like the lines above it (or mixes list items and keys)"
                    : "unexpected " + found;
        } else {
            words = problem.isEmpty() ? "cannot be read" : problem;
        }
        return source + (at == null ? "" : ":" + (at.getLine() + 1) + ":" + (at.getColumn() + 1))
                + ": not valid YAML: " + words;
    }

    /** @return {@code line:column} of a character offset, both 1-based */
    private static String position(String text, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return line + ":" + column;
    }
}
