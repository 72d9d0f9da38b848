package com.byninja.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlConfigTest {

    static final String DEFAULTS = """
            name: ninja
            exchange:
              type: simulated
              mode: paper
            risk:
              stakeAmount: 100
              maxStakeAmount: 1000
            link:
              port: 7070
            markets:
              BTC/USDT:
                startPrice: 60000
            market:
              startPrice: 1
            chats: []
            """;

    static YamlConfig config() {
        return YamlConfig.withDefaults(DEFAULTS).shorthand("exchange", "type")
                .freeForm("markets", "market", name -> name.toUpperCase(Locale.ROOT).replace('-', '/'));
    }

    @Test
    void aValueFromTheEnvironmentIsBlamedOnTheVariableNotOnTheFileItOverrides() throws ConfigFileException {
        YamlConfig config = config();
        config.overlay("link:\n  port: 7171\n", "my.yml");
        config.setFromEnvironment("PORT", "link.port", " 70000 ");

        assertThat(config.whole("link.port", 1, 65_535)).isEqualTo(1);
        assertThat(config.problems()).containsExactly(
                "PORT: link.port: must be a whole number between 1 and 65535, got 70000");
    }

    @Test
    void aListFromTheEnvironmentBlamesTheVariableForEachItem() {
        YamlConfig config = config();
        config.setFromEnvironment("CHATS", "chats", List.of("12", "x"));

        assertThat(config.items("chats")).containsExactly("chats[0]", "chats[1]");
        config.whole("chats[1]", Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(config.problems()).containsExactly("CHATS: chats[1]: must be a whole number, got \"x\"");
    }

    @Test
    void aShorthandValueStandsForItsSectionsKeyAtTheSameLine() throws ConfigFileException {
        YamlConfig config = config();
        config.overlay("name: alpha\nexchange: binance\n", "my.yml");

        assertThat(config.text("exchange.type")).isEqualTo("binance");
        assertThat(config.text("exchange.mode")).isEqualTo("paper");
        config.problem("exchange.type", "is not open today");
        assertThat(config.problems()).containsExactly("my.yml:2: exchange.type: is not open today");
    }

    @Test
    void aRuleBreakLeavesBothKeysValidButABadValueDoesNot() throws ConfigFileException {
        YamlConfig config = config();
        config.overlay("risk:\n  stakeAmount: abc\n  maxStakeAmount: 5\n", "my.yml");

        BigDecimal stake = config.positive("risk.stakeAmount", BigDecimal.TEN.pow(9));
        config.conflict("risk.maxStakeAmount", "must be at least 1", "risk.stakeAmount");

        assertThat(stake).isEqualByComparingTo("1");
        assertThat(config.valid("risk.maxStakeAmount")).isTrue();
        assertThat(config.valid("risk.stakeAmount", "risk.maxStakeAmount")).isFalse();
        assertThat(config.problems()).containsExactly(
                "my.yml:2: risk.stakeAmount: must be a number, got \"abc\"",
                "my.yml:3: risk.maxStakeAmount: must be at least 1");
    }

    @Test
    void aRuleBrokenByADefaultIsPlacedAtTheRelatedKeyTheFileSets() throws ConfigFileException {
        YamlConfig config = config();
        config.overlay("risk:\n  stakeAmount: 5000\n", "my.yml");

        config.conflict("risk.maxStakeAmount", "must be at least risk.stakeAmount (5000), got 1000",
                "risk.stakeAmount");

        assertThat(config.problems()).containsExactly(
                "my.yml:2: risk.maxStakeAmount: must be at least risk.stakeAmount (5000), got 1000");
    }

    @Test
    void unknownKeysNameTheKnownKeyTheyMostLikelyMean() throws ConfigFileException {
        YamlConfig config = config();
        config.overlay("""
                nmae: x
                risk:
                  stakeamount: 5
                  maxStake: 9
                  limit: 3
                port: 1
                markets:
                  eth-usdt:
                    startPrise: 5
                colour: red
                """, "my.yml");

        assertThat(config.problems()).containsExactly(
                "my.yml:1: nmae: unknown key; did you mean name?",
                "my.yml:3: risk.stakeamount: unknown key; did you mean risk.stakeAmount?",
                "my.yml:4: risk.maxStake: unknown key; did you mean risk.maxStakeAmount?",
                "my.yml:5: risk.limit: unknown key; the known keys under risk are stakeAmount, maxStakeAmount",
                "my.yml:6: port: unknown key; did you mean link.port?",
                "my.yml:9: markets.ETH/USDT.startPrise: unknown key; did you mean markets.ETH/USDT.startPrice?",
                "my.yml:10: colour: unknown key; the known keys at the top are name, exchange, risk, link, markets, "
                        + "market, chats");
    }

    @Test
    void anEmptySectionKeepsItsDefaultsAndAnEmptyFileChangesNothing() throws ConfigFileException {
        YamlConfig config = config();
        config.overlay("# nothing yet\nrisk:\n", "my.yml");

        assertThat(config.positive("risk.stakeAmount", BigDecimal.TEN.pow(9))).isEqualByComparingTo("100");
        assertThat(config.problems()).isEmpty();
    }

    @Test
    void textThatIsNotAMappingOfKeysCannotBeUsed() {
        assertThatThrownBy(() -> config().overlay("just words\n", "my.yml")).isInstanceOf(ConfigFileException.class)
                .hasMessage("my.yml:1: must hold keys with their values, such as \"timeframe: 5m\", got a single "
                        + "value");
    }

    @Test
    void suggestionsTolerateAFewSlipsByLength() {
        assertThat(KeySuggestions.distance("stoplosspct", "stoplosspct")).isZero();
        assertThat(KeySuggestions.distance("tokne", "token")).isEqualTo(1);
        assertThat(KeySuggestions.closest("a.port", List.of("a.host"), List.of("a.host"))).isEmpty();
        assertThat(KeySuggestions.closest("a.prot", List.of("a.port"), List.of("a.port"))).contains("a.port");
        assertThat(KeySuggestions.closest("m.volatility", List.of("m.driftPct", "m.volatilityPct"), List.of()))
                .contains("m.volatilityPct");
    }

    /** The defaults with a {@code risk.file} key naming a file of the risk section. */
    private static YamlConfig withSectionFile() {
        return YamlConfig.withDefaults(DEFAULTS.replace("  maxStakeAmount: 1000\n",
                "  maxStakeAmount: 1000\n  file: \"\"\n"));
    }

    @Test
    void aSectionFilesKeysAreThatSectionsAndItsProblemsNameItsOwnLines(@TempDir Path dir) throws Exception {
        Path risk = dir.resolve("risk.yml");
        Files.writeString(risk, "# a risk profile\nstakeAmount: 250\nmaxStakeAmount: lots\nstakeAmont: 3\n");
        YamlConfig config = withSectionFile();
        config.overlay("name: alpha\nrisk:\n  file: x\n", "my.yml");

        config.readSectionFile("risk", risk, "risk.file", "risk/example.yml");

        assertThat(config.node("risk.stakeAmount").decimalValue()).isEqualByComparingTo("250");
        config.decimal("risk.maxStakeAmount", BigDecimal.ZERO, BigDecimal.TEN);
        config.problem("name", "must not be alpha");
        // The user's file first, then the section file's lines; each names its own file.
        assertThat(config.problems()).containsExactly(
                "my.yml:1: name: must not be alpha",
                risk + ":3: risk.maxStakeAmount: must be a number, got \"lots\"",
                risk + ":4: risk.stakeAmont: unknown key; did you mean risk.stakeAmount?");
    }

    @Test
    void aSectionFileThatCannotBeReadIsBlamedOnTheKeyThatNamedIt(@TempDir Path dir) throws Exception {
        YamlConfig config = withSectionFile();
        config.overlay("risk:\n  stakeAmount: 5\n  file: gone.yml\n", "my.yml");

        config.readSectionFile("risk", dir.resolve("gone.yml"), "risk.file", "risk/example.yml");

        assertThat(config.problems()).singleElement().satisfies(p -> assertThat(p)
                .startsWith("my.yml:3: risk.file: " + dir.resolve("gone.yml") + ": no such file")
                .endsWith("give the path of a YAML file such as risk/example.yml"));
    }

    @Test
    void aSectionFileWrittenAsAWholeConfigurationOrNamingAnotherSaysHowToWriteIt(@TempDir Path dir) throws Exception {
        Path wrapped = dir.resolve("wrapped.yml");
        Files.writeString(wrapped, "risk:\n  stakeAmount: 7\n");
        Path nested = dir.resolve("nested.yml");
        Files.writeString(nested, "stakeAmount: 8\nfile: other.yml\n");
        YamlConfig config = withSectionFile();

        config.readSectionFile("risk", wrapped, "risk.file", "x.yml");
        config.readSectionFile("risk", nested, "risk.file", "x.yml");

        assertThat(config.problems()).containsExactly(
                wrapped + ":1: risk: write the keys of risk at the top of this file, without risk: above them",
                nested + ":2: file: a file named by risk.file cannot name another; write its keys here instead");
        assertThat(config.node("risk.stakeAmount").decimalValue()).isEqualByComparingTo("8");
    }
}
