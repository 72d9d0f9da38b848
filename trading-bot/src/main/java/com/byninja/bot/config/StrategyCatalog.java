package com.byninja.bot.config;

import com.byninja.strategy.api.StrategyPlugin;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The strategies the bot can run, found with {@link ServiceLoader} as {@link StrategyPlugin}s: those on the bot's own
 * class path (the built-in {@code sma-cross}, {@code rsi} and {@code rules}), then those in the jars of the plug-in
 * directory, by file name, each jar with a class loader of its own whose parent is the bot's, so that a plug-in sees
 * the strategy API and ta4j the bot runs and nothing of another plug-in.
 *
 * <p>Discovery goes through the API's interface, so the configuration names and checks strategies without importing
 * the bot's {@code strategy} package. A jar is opened once per process and kept while its size and modification time
 * stay the same: a backtest sweep reads the configuration once per combination and gets the same plug-in each time.
 *
 * <p>Every jar of the directory must hold a plug-in that loads: one that cannot be read, lists none, fails to load or
 * repeats a name is a problem naming the jar, whatever the strategy configured.
 */
final class StrategyCatalog {

    /** The service file a plug-in jar lists its implementation in. */
    static final String SERVICE_FILE = "META-INF/services/" + StrategyPlugin.class.getName();
    private static final String NAME_PATTERN = "[A-Za-z0-9._-]{1,64}";

    /** By jar, size and modification time: what the jar holds. */
    private static final Map<JarKey, JarContents> JARS = new ConcurrentHashMap<>();

    /**
     * One strategy found.
     *
     * @param name   its name in configuration, as the plug-in gave it when found
     * @param plugin the plug-in
     * @param jar    the jar it came from, as the directory names it; null for the bot's class path
     */
    record Found(String name, StrategyPlugin plugin, Path jar) {
    }

    private record JarKey(Path file, long size, long modified) {
    }

    /** A jar's plug-ins, or why it has none. */
    private record JarContents(List<StrategyPlugin> plugins, String problem) {
    }

    private final List<Found> found;
    private final List<String> problems;
    private final boolean directoryExists;

    private StrategyCatalog(List<Found> found, List<String> problems, boolean directoryExists) {
        this.found = List.copyOf(found);
        this.problems = List.copyOf(problems);
        this.directoryExists = directoryExists;
    }

    /**
     * @param directory the plug-in directory, relative to the working directory or absolute; missing, it holds none
     * @return the strategies on the class path and in {@code directory}
     */
    static StrategyCatalog discover(Path directory) {
        List<Found> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (StrategyPlugin plugin : ClassPath.PLUGINS) {
            add(found, problems, new Found(plugin.name(), plugin, null));
        }
        problems.addAll(ClassPath.PROBLEMS);
        if (!Files.exists(directory)) {
            return new StrategyCatalog(found, problems, false);
        }
        if (!Files.isDirectory(directory)) {
            problems.add(directory + " is a file, not a directory of plug-in jars; point strategy.pluginDir at a "
                    + "directory");
            return new StrategyCatalog(found, problems, true);
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(directory)) {
            jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            problems.add("cannot list the plug-in directory " + directory + " (" + e + "); make it readable");
            return new StrategyCatalog(found, problems, true);
        }
        for (Path jar : jars) {
            JarContents contents = contents(jar);
            if (contents.problem() != null) {
                problems.add(jar + " " + contents.problem());
            }
            for (StrategyPlugin plugin : contents.plugins()) {
                add(found, problems, new Found(plugin.name(), plugin, jar));
            }
        }
        return new StrategyCatalog(found, problems, true);
    }

    /** Adds {@code f} unless its name is taken: a second strategy of one name is a problem naming its jar. */
    private static void add(List<Found> found, List<String> problems, Found f) {
        Optional<Found> same = found.stream().filter(o -> o.name().equals(f.name())).findFirst();
        if (same.isEmpty()) {
            found.add(f);
            return;
        }
        String where = f.jar() == null ? "a plug-in on the class path (" + f.plugin().getClass().getName() + ")"
                : f.jar().toString();
        problems.add(where + " holds a strategy named " + f.name() + ", like " + (same.get().jar() == null
                ? "the built-in one" : "the one in " + same.get().jar()) + "; rename it or remove the jar");
    }

    /** @return the strategy named {@code name}, if found */
    Optional<Found> find(String name) {
        return found.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** @return every strategy found: the class path's, then the directory's */
    List<Found> all() {
        return found;
    }

    /** @return what is wrong with the directory or its jars, each a sentence naming the jar and what to do */
    List<String> problems() {
        return problems;
    }

    /** @return whether the plug-in directory exists */
    boolean directoryExists() {
        return directoryExists;
    }

    private static JarContents contents(Path jar) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(jar, BasicFileAttributes.class);
        } catch (IOException e) {
            return new JarContents(List.of(), "cannot be read (" + e + "); make it readable or remove it");
        }
        JarKey key = new JarKey(jar.toAbsolutePath().normalize(), attributes.size(),
                attributes.lastModifiedTime().toMillis());
        return JARS.computeIfAbsent(key, k -> load(jar));
    }

    private static JarContents load(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            if (file.getEntry(SERVICE_FILE) == null) {
                return new JarContents(List.of(), "holds no strategy plug-in: it has no " + SERVICE_FILE + " naming "
                        + "one; a plug-in's libraries go inside its own jar, not beside it");
            }
        } catch (IOException e) {
            return new JarContents(List.of(), "cannot be read as a jar (" + e.getMessage() + "); build it again "
                    + "with mvn package, or remove it");
        }
        URLClassLoader loader;
        try {
            loader = new URLClassLoader("plugin " + jar.getFileName(), new URL[] {jar.toUri().toURL()},
                    StrategyCatalog.class.getClassLoader());
        } catch (MalformedURLException e) {
            return new JarContents(List.of(), "cannot be opened (" + e.getMessage() + ")");
        }
        List<StrategyPlugin> plugins = new ArrayList<>();
        try {
            // The service file is asked of the parent too, which lists the built-ins: only the jar's own count.
            ServiceLoader.load(StrategyPlugin.class, loader).stream()
                    .filter(p -> p.type().getClassLoader() == loader)
                    .forEach(p -> plugins.add(p.get()));
            for (StrategyPlugin plugin : plugins) {
                String name = plugin.name();
                if (name == null || !name.matches(NAME_PATTERN)) {
                    close(loader);
                    return new JarContents(List.of(), "holds a strategy plug-in (" + plugin.getClass().getName()
                            + ") named " + (name == null ? "nothing" : "\"" + name + "\"") + "; a name is 1 to 64 "
                            + "letters, digits, '.', '_' or '-'");
                }
            }
        } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
            close(loader);
            return new JarContents(List.of(), "holds a strategy plug-in that cannot be loaded: " + describe(e)
                    + "; build it against the strategy-api of this bot, with its libraries inside the jar");
        }
        if (plugins.isEmpty()) {
            close(loader);
            return new JarContents(List.of(), "lists no strategy plug-in of its own in " + SERVICE_FILE);
        }
        return new JarContents(List.copyOf(plugins), null);
    }

    /** @return the failure and its causes, one after the other: a plug-in's failures are mostly in the cause */
    static String describe(Throwable e) {
        StringBuilder b = new StringBuilder(e.toString());
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            b.append(", caused by ").append(c);
        }
        return b.toString();
    }

    private static void close(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            // Nothing was loaded from it that anyone keeps; the file handle goes with the loader.
        }
    }

    /** The class path's plug-ins, found once. */
    private static final class ClassPath {

        static final List<StrategyPlugin> PLUGINS;
        static final List<String> PROBLEMS;

        /** Failures after which the class path's list is given up: each is skipped, but not forever. */
        private static final int MAX_FAILURES = 100;

        static {
            List<StrategyPlugin> plugins = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            Iterator<StrategyPlugin> it = ServiceLoader.load(StrategyPlugin.class,
                    StrategyCatalog.class.getClassLoader()).iterator();
            // The iterator skips a provider that fails and goes on with the next, so one bad entry costs only itself.
            while (problems.size() < MAX_FAILURES) {
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    StrategyPlugin plugin = it.next();
                    String name = plugin.name();
                    if (name == null || !name.matches(NAME_PATTERN)) {
                        problems.add("a strategy plug-in on the class path (" + plugin.getClass().getName()
                                + ") is named " + (name == null ? "nothing" : "\"" + name + "\""));
                    } else {
                        plugins.add(plugin);
                    }
                } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                    problems.add("a strategy plug-in on the class path cannot be loaded: " + describe(e));
                }
            }
            PLUGINS = List.copyOf(plugins);
            PROBLEMS = List.copyOf(problems);
        }
    }
}
