package com.byninja.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A free-form mapping without a template, such as a plug-in's parameters: the user's keys, kept as written. */
class FreeFormParametersTest {

    private static YamlConfig config() {
        return YamlConfig.withDefaults("""
                strategy:
                  name: sma-cross
                  params: {}
                """).freeForm("strategy.params", null, name -> name);
    }

    @Test
    void theUsersOwnKeysAreKeptWithTheirLines() throws ConfigFileException {
        YamlConfig config = config();
        config.overlay("""
                strategy:
                  name: breakout
                  params:
                    entryBars: 20
                    mode: close
                    nested: {a: 1}
                """, "my.yml");

        assertThat(config.names("strategy.params")).containsExactly("entryBars", "mode", "nested");
        assertThat(config.node("strategy.params.entryBars").intValue()).isEqualTo(20);
        assertThat(config.node("strategy.params.nested.a").intValue()).isEqualTo(1);
        config.problem("strategy.params.mode", "must be open or high, got \"close\"");
        assertThat(config.problems()).containsExactly("my.yml:5: strategy.params.mode: must be open or high, got "
                + "\"close\"");
    }

    @Test
    void aValueWhereTheMappingBelongsSaysSoWithoutAnEmptyListOfKeys() throws ConfigFileException {
        YamlConfig config = config();
        config.overlay("strategy:\n  params: 5\n", "my.yml");

        assertThat(config.problems()).containsExactly(
                "my.yml:2: strategy.params: must be a mapping of keys indented below it, got 5");
    }
}
