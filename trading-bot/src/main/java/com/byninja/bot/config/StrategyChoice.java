package com.byninja.bot.config;

import com.byninja.runtime.config.KeySuggestions;
import com.byninja.runtime.config.YamlConfig;
import com.byninja.strategy.api.ParameterException;
import com.byninja.strategy.api.Parameters;
import com.byninja.strategy.api.StrategyPlugin;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ta4j.core.BaseBarSeries;

/**
 * Reads which strategy runs: {@code strategy.pluginDir}, the plug-ins found there and on the class path
 * ({@link StrategyCatalog}), {@code strategy.name} among them, and a plug-in's {@code strategy.params}, checked with
 * the plug-in itself before anything trades. The built-in strategies keep their own sections
 * ({@code strategy.smaCross}, {@code strategy.rsi}, {@code strategy.rules}), which {@link ConfigReader} reads.
 */
final class StrategyChoice {

    /** The built-in strategies, by name, and the section their settings are in. */
    static final Map<String, String> BUILT_IN_SECTIONS = Map.of("sma-cross", "strategy.smaCross", "rsi",
            "strategy.rsi", "rules", "strategy.rules");

    private final YamlConfig config;
    private final Path pluginDir;
    private final StrategyCatalog catalog;

    StrategyChoice(YamlConfig config) {
        this.config = config;
        String dir = config.required("strategy.pluginDir", "a directory such as plugins");
        this.pluginDir = Path.of(config.valid("strategy.pluginDir") && !dir.isBlank() ? dir : "plugins");
        this.catalog = StrategyCatalog.discover(pluginDir);
        for (String problem : catalog.problems()) {
            config.problem("strategy.pluginDir", problem, "strategy.name");
        }
    }

    /** @return where plug-in jars are read from */
    Path pluginDir() {
        return pluginDir;
    }

    /**
     * @param name {@code strategy.name}, as read
     * @param key  where it was read: {@code strategy.name}, or an entry of symbols' own
     * @return the strategy of that name, or null when there is none (reported, naming every one found)
     */
    StrategyCatalog.Found strategy(String name, String key) {
        if (!config.valid(key)) {
            return null;
        }
        Optional<StrategyCatalog.Found> found = catalog.find(name);
        if (found.isPresent()) {
            return found.get();
        }
        List<String> known = new ArrayList<>();
        for (StrategyCatalog.Found f : catalog.all()) {
            known.add(f.jar() == null ? f.name() : f.name() + " (" + f.jar() + ")");
        }
        String choices = known.size() == 1 ? known.get(0) : String.join(", ", known.subList(0, known.size() - 1))
                + " or " + known.get(known.size() - 1);
        Optional<String> meant = KeySuggestions.nearest(name, catalog.all().stream()
                .map(StrategyCatalog.Found::name).toList());
        config.problem(key, "must be " + choices + ", got \"" + name + "\""
                + meant.map(m -> "; did you mean " + m + "?").orElse("") + whereNoPluginIs());
        return null;
    }

    /** @return why no plug-in was found, when the directory is empty or was set and is missing; else nothing */
    private String whereNoPluginIs() {
        boolean fromDirectory = catalog.all().stream().anyMatch(f -> f.jar() != null);
        if (fromDirectory) {
            return "";
        }
        if (catalog.directoryExists()) {
            return "; " + pluginDir + " holds no plug-in jar";
        }
        return config.fromUser("strategy.pluginDir") ? "; no plug-in was found: " + pluginDir.toAbsolutePath()
                + " (strategy.pluginDir) does not exist" : "";
    }

    /**
     * Reads {@code strategy.params} for a plug-in and checks them with it: its description and a strategy made on an
     * empty series must take them, and it must read every one configured.
     *
     * @param found   the strategy, not a built-in one
     * @param params  where its parameters are read: {@code strategy.params}, or an entry of symbols' own
     * @param nameKey where its name was read
     * @return the parameters, meaningful only when no problem was reported
     */
    Parameters parameters(StrategyCatalog.Found found, String params, String nameKey) {
        Map<String, Object> values = new LinkedHashMap<>();
        boolean readable = true;
        for (String name : config.names(params)) {
            String key = params + "." + name;
            JsonNode node = config.node(key);
            if (node.isNumber()) {
                values.put(name, node.decimalValue());
            } else if (node.isBoolean()) {
                values.put(name, node.booleanValue());
            } else if (node.isTextual()) {
                values.put(name, node.asText());
            } else if (!node.isNull() && !node.isMissingNode()) {
                config.problem(key, "must be a single value (a number, text, true or false), got "
                        + YamlConfig.describe(node));
                readable = false;
            }
        }
        Parameters parameters = Parameters.of(values);
        if (readable) {
            check(found, parameters, params, nameKey);
        }
        return parameters;
    }

    /** Built-in strategies take their settings from their own sections; {@code strategy.params} is for plug-ins. */
    void noParametersFor(String builtIn, String params) {
        if (!config.names(params).isEmpty()) {
            config.problem(params, builtIn + " takes its settings from " + BUILT_IN_SECTIONS.get(builtIn)
                    + ", not from strategy.params (which is for plug-ins); move them there");
        }
    }

    private void check(StrategyCatalog.Found found, Parameters parameters, String params, String nameKey) {
        StrategyPlugin plugin = found.plugin();
        try {
            plugin.describe(parameters);
            plugin.create(new BaseBarSeries(found.name()), parameters);
        } catch (ParameterException e) {
            config.problem(params + "." + e.parameter(), e.problem(), params, nameKey);
            return;
        } catch (RuntimeException | LinkageError e) {
            config.problem(nameKey, found.name() + (found.jar() == null ? "" : " (" + found.jar() + ")")
                    + " failed to start with "
                    + (parameters.names().isEmpty() ? "no parameters" : "the parameters " + parameters) + ": "
                    + StrategyCatalog.describe(e));
            return;
        }
        List<String> reads = parameters.read();
        for (String unread : parameters.unread()) {
            Optional<String> meant = KeySuggestions.nearest(unread, reads);
            config.problem(params + "." + unread, "unknown parameter; " + meant.map(m -> "did you mean " + m
                    + "? ").orElse("") + found.name() + (reads.isEmpty() ? " takes no parameters"
                    : " reads " + String.join(", ", reads)));
        }
    }
}
