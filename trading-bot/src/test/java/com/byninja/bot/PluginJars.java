package com.byninja.bot;

import com.byninja.strategy.api.StrategyPlugin;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.ta4j.core.BarSeries;

/**
 * Real plug-in jars for tests, as a user builds them: Java sources compiled against the strategy API and ta4j alone,
 * packed with a {@code META-INF/services} file. The classes exist only in the jar, never on the tests' class path, so
 * the bot can only find them in its plug-in directory.
 */
public final class PluginJars {

    /** Where a jar lists its strategy plug-ins. */
    public static final String SERVICE_FILE = "META-INF/services/" + StrategyPlugin.class.getName();

    private PluginJars() {
    }

    /**
     * @param jar      the jar to write, its directory created
     * @param services the lines of its service file (class names), or null for a jar without one
     * @param sources  Java sources by their class's full name, such as {@code com.example.Breakout}
     * @return {@code jar}
     */
    public static Path write(Path jar, String services, Map<String, String> sources) throws IOException {
        // Beside the plug-in directory, not in it: the bot reads every jar there.
        Path work = Files.createTempDirectory(jar.toAbsolutePath().getParent().getParent(), "plugin-build");
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = work.resolve("src").resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
            files.add(file);
        }
        compile(files, classes);
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            if (services != null) {
                out.putNextEntry(new JarEntry(SERVICE_FILE));
                out.write(services.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            try (Stream<Path> all = Files.walk(classes)) {
                for (Path f : all.filter(Files::isRegularFile).sorted().toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, out);
                    out.closeEntry();
                }
            }
        }
        return jar;
    }

    private static void compile(List<Path> files, Path classes) throws IOException {
        if (files.isEmpty()) {
            return;
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", classes.toString(), "-classpath",
                    location(StrategyPlugin.class) + java.io.File.pathSeparator + location(BarSeries.class),
                    "--release", "17", "-proc:none");
            boolean ok = javac.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files))
                    .call();
            if (!ok) {
                throw new IllegalStateException("the plug-in's sources do not compile: " + diagnostics.getDiagnostics());
            }
        }
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
