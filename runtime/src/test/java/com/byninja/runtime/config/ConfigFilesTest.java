package com.byninja.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plumbing both daemons' loaders share: where the text comes from, the environment, and the end of the read. */
class ConfigFilesTest {

    @TempDir
    Path dir;

    @Test
    void theFileNamedOnTheCommandLineWinsElseTheWorkingDirectorysFileIfThereIsOne() throws Exception {
        Path own = dir.resolve("trading-bot.yml");

        assertThat(ConfigFiles.choose(Optional.of(Path.of("x.yml")), own)).contains(Path.of("x.yml"));
        assertThat(ConfigFiles.choose(Optional.empty(), own)).isEmpty();
        Files.writeString(own, "name: x\n");
        assertThat(ConfigFiles.choose(Optional.empty(), own)).contains(own);
    }

    @Test
    void aFileThatCannotBeUsedIsOneProblemOfTheConfiguration() {
        YamlConfig config = YamlConfigTest.config();

        assertThatThrownBy(() -> config.readFile(dir, true, "config/trading-bot.yml"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).containsExactly("--config " + dir
                        + ": is a directory; give a YAML file such as config/trading-bot.yml"));
    }

    @Test
    void defaultsMissingFromTheJarAreOneProblemSayingTheJarIsBroken() {
        assertThatThrownBy(() -> YamlConfig.withDefaultsFrom(ConfigFilesTest.class, "/absent.yml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("The built-in defaults /absent.yml are missing from the classpath: the jar is broken.");
    }

    @Test
    void onlyVariablesSetAndNotBlankOverrideTheirKeys() {
        YamlConfig config = YamlConfigTest.config();
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("BOT_NAME", "name");
        keys.put("LINK_PORT", "link.port");
        keys.put("EXCHANGE", "exchange.type");

        config.setFromEnvironment(Map.of("BOT_NAME", " beta ", "LINK_PORT", "  "), keys);

        assertThat(config.text("name")).isEqualTo("beta");
        assertThat(config.whole("link.port", 1, 65_535)).isEqualTo(7070);
        assertThat(config.text("exchange.type")).isEqualTo("simulated");
        assertThat(config.fromUser("name")).isTrue();
        assertThat(config.fromUser("link.port")).isFalse();
    }

    @Test
    void concludingThrowsEveryProblemTogetherOrNothing() throws Exception {
        YamlConfig good = YamlConfigTest.config();
        good.conclude();

        YamlConfig bad = YamlConfigTest.config();
        bad.overlay("name: \"\"\nlink:\n  port: seven\n", "my.yml");
        bad.required("name", "a name such as alpha");
        bad.whole("link.port", 1, 65_535);

        assertThatThrownBy(bad::conclude).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).containsExactly(
                        "my.yml:1: name: must be a name such as alpha, got nothing",
                        "my.yml:3: link.port: must be a whole number between 1 and 65535, got \"seven\""));
    }

    @Test
    void aLogLevelIsOneOfTheSixInAnyCaseAndKeptAsWritten() throws Exception {
        YamlConfig config = YamlConfigTest.config();
        config.setFromEnvironment("LEVEL", "name", "warn");
        config.setFromEnvironment("OTHER", "exchange.mode", "LOUD");

        assertThat(config.logLevel("name")).isEqualTo("warn");
        assertThat(config.logLevel("exchange.mode")).isEqualTo("LOUD");
        assertThat(config.problems()).isEqualTo(List.of(
                "OTHER: exchange.mode: must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF, got \"LOUD\""));
    }
}
