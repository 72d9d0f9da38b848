package com.byninja.bot.config;

import static com.byninja.bot.config.ConfigLoaderTest.problems;
import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.config.ProtectionSettings.LowProfitLock;
import com.byninja.bot.config.ProtectionSettings.MaxDrawdownLock;
import com.byninja.bot.config.ProtectionSettings.StopLossGuard;
import com.byninja.runtime.config.ConfigException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code protections.*}: the shipped defaults, a section read in full, and every bad value at its line. */
class ProtectionsConfigTest {

    final ConfigLoader loader = new ConfigLoader(Map.of());

    @Test
    void byDefaultOnlyTheCooldownOfOneCandleIsOn() {
        ProtectionSettings p = ConfigLoader.defaultConfig().protections();

        assertThat(p.cooldownCandles()).isEqualTo(1);
        assertThat(p.stopLossGuard()).isEqualTo(new StopLossGuard(0, Duration.ofDays(1), Duration.ofHours(6), true));
        assertThat(p.stopLossGuard().on()).isFalse();
        assertThat(p.maxDrawdownLock().on()).isFalse();
        assertThat(p.maxDrawdownLock().window()).isEqualTo(Duration.ofDays(2));
        assertThat(p.lowProfitLock().on()).isFalse();
        assertThat(p.any()).isTrue();
    }

    @Test
    void aSectionIsReadInFullAndKeysLeftOutKeepTheirDefaults() throws ConfigException {
        ProtectionSettings p = loader.loadYaml("""
                protections:
                  cooldownCandles: 0
                  stopLossGuard:
                    stopLosses: 3
                    window: 90m
                    perSymbol: false
                  maxDrawdownLock:
                    drawdownPct: 7.5
                    lock: 1d
                  lowProfitLock:
                    lossPct: 2
                    window: 500ms
                    lock: 30s
                """, "test.yml").config().protections();

        assertThat(p).isEqualTo(new ProtectionSettings(0,
                new StopLossGuard(3, Duration.ofMinutes(90), Duration.ofHours(6), false),
                new MaxDrawdownLock(new BigDecimal("7.5"), Duration.ofDays(2), Duration.ofDays(1)),
                new LowProfitLock(new BigDecimal("2"), Duration.ofMillis(500), Duration.ofSeconds(30))));
    }

    @Test
    void everyBadValueIsOneLineNamingItsKeyItsLineAndWhatItMustBe() {
        assertThat(problems(loader, """
                protections:
                  cooldownCandles: -1
                  stopLossGuard:
                    stopLosses: 2.5
                    window: soon
                    lock: 400d
                    perSymbol: maybe
                  maxDrawdownLock:
                    drawdownPct: 100
                    window: 0h
                  lowProfitLock:
                    lossPct: abc
                    lock: [1h]
                    windows: 1d
                """)).containsExactly(
                "test.yml:2: protections.cooldownCandles: must be a whole number between 0 and 10000, got -1",
                "test.yml:4: protections.stopLossGuard.stopLosses: must be a whole number between 0 and 1000, got 2.5",
                "test.yml:5: protections.stopLossGuard.window: must be a number and a unit (ms, s, m, h or d) such as "
                        + "6h or 1d, got \"soon\"",
                "test.yml:6: protections.stopLossGuard.lock: must be at most 365d, got 400d",
                "test.yml:7: protections.stopLossGuard.perSymbol: must be true or false, got \"maybe\"",
                "test.yml:9: protections.maxDrawdownLock.drawdownPct: must be below 100 (a percentage; 0 turns it "
                        + "off), got 100",
                "test.yml:10: protections.maxDrawdownLock.window: must be a number and a unit (ms, s, m, h or d) "
                        + "such as 6h or 1d, got \"0h\"",
                "test.yml:12: protections.lowProfitLock.lossPct: must be a number, got \"abc\"",
                "test.yml:13: protections.lowProfitLock.lock: must be a single value, got a list",
                "test.yml:14: protections.lowProfitLock.windows: unknown key; did you mean "
                        + "protections.lowProfitLock.window?");
    }

    @Test
    void aProtectionGivenAsOneValueSaysWhichKeysGoBelowIt() {
        assertThat(problems(loader, """
                protections:
                  stopLossGuard: 3
                  maxDrawdownLock:
                    drawdownPct: -2
                """)).containsExactly(
                "test.yml:2: protections.stopLossGuard: must be a mapping of keys indented below it (stopLosses, "
                        + "window, lock, perSymbol), got 3",
                "test.yml:4: protections.maxDrawdownLock.drawdownPct: must be between 0 and 100, got -2");
    }
}
