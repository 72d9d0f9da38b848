package com.byninja.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.config.PluginConfigTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line with plug-ins, in a JVM of its own as users run it: jars in {@code plugins/} of the working
 * directory, the default {@code strategy.pluginDir}, and every problem with them one line and exit code 2.
 */
class PluginMainTest {

    @TempDir
    Path dir;

    Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        pb.environment().put("BYNINJA_LOG_DIR", dir.resolve("logs").toString());
        return pb.start();
    }

    List<String> errors(Process p) throws Exception {
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        return Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void anUnknownStrategyExitsTwoNamingThePlugInsOfThePluginsDirectory() throws Exception {
        PluginJars.write(dir.resolve("plugins").resolve("breakout.jar"), "com.example.Breakout\n",
                Map.of("com.example.Breakout", PluginConfigTest.BREAKOUT));
        Files.writeString(dir.resolve("bot.yml"), "strategy:\n  name: breakot\n");

        assertThat(errors(start("--config", "bot.yml"))).containsExactly("bot.yml:2: strategy.name: must be "
                + "sma-cross, rsi, rules or breakout (plugins/breakout.jar), got \"breakot\"; did you mean breakout?");
    }

    @Test
    void aBadParameterAndABrokenJarAreOneLineEach() throws Exception {
        PluginJars.write(dir.resolve("plugins").resolve("breakout.jar"), "com.example.Breakout\n",
                Map.of("com.example.Breakout", PluginConfigTest.BREAKOUT));
        Files.writeString(dir.resolve("plugins").resolve("old.jar"), "");
        Files.writeString(dir.resolve("bot.yml"), """
                strategy:
                  name: breakout
                  params:
                    entryBars: 10
                    stopBars: many
                """);

        assertThat(errors(start("--config", "bot.yml"))).containsExactly(
                "bot.yml:2: strategy.pluginDir: plugins/old.jar cannot be read as a jar (zip file is empty); build it "
                        + "again with mvn package, or remove it",
                "bot.yml:5: strategy.params.stopBars: must be a whole number between 1 and 10000, got \"many\"");
    }
}
