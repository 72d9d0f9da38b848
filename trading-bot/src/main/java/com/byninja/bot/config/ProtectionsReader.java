package com.byninja.bot.config;

import com.byninja.bot.config.ProtectionSettings.LowProfitLock;
import com.byninja.bot.config.ProtectionSettings.MaxDrawdownLock;
import com.byninja.bot.config.ProtectionSettings.StopLossGuard;
import com.byninja.runtime.config.YamlConfig;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * Reads and checks {@code protections.*}, reporting each bad value at its key as {@link ConfigReader} does; a bad
 * value reads as a placeholder that turns nothing on.
 */
final class ProtectionsReader {

    /** The longest window or lock: a year. */
    static final Duration LONGEST = Duration.ofDays(365);

    private final YamlConfig config;

    ProtectionsReader(YamlConfig config) {
        this.config = config;
    }

    ProtectionSettings read() {
        int cooldown = config.wholeInt("protections.cooldownCandles", 0, 10_000);
        StopLossGuard guard = new StopLossGuard(
                config.wholeInt("protections.stopLossGuard.stopLosses", 0, 1000),
                duration("protections.stopLossGuard.window"),
                duration("protections.stopLossGuard.lock"),
                config.bool("protections.stopLossGuard.perSymbol"));
        MaxDrawdownLock drawdown = new MaxDrawdownLock(
                percent("protections.maxDrawdownLock.drawdownPct"),
                duration("protections.maxDrawdownLock.window"),
                duration("protections.maxDrawdownLock.lock"));
        LowProfitLock lowProfit = new LowProfitLock(
                percent("protections.lowProfitLock.lossPct"),
                duration("protections.lowProfitLock.window"),
                duration("protections.lowProfitLock.lock"));
        return new ProtectionSettings(cooldown, guard, drawdown, lowProfit,
                config.bool("protections.announceCooldown"));
    }

    /** @return a percentage from 0 (off) below 100; 0 after a problem */
    private BigDecimal percent(String key) {
        BigDecimal pct = config.decimal(key, BigDecimal.ZERO, BigDecimal.valueOf(100));
        if (config.valid(key) && pct.compareTo(BigDecimal.valueOf(100)) == 0) {
            config.problem(key, "must be below 100 (a percentage; 0 turns it off), got 100");
            return BigDecimal.ZERO;
        }
        return pct;
    }

    /** @return a duration such as {@code 6h}, at most {@link #LONGEST}; an hour after a problem */
    private Duration duration(String key) {
        String text = config.text(key);
        if (!config.valid(key)) {
            return Duration.ofHours(1);
        }
        Duration d;
        try {
            d = Durations.parse(text);
        } catch (IllegalArgumentException e) {
            config.problem(key, "must be a number and a unit (ms, s, m, h or d) such as 6h or 1d, got "
                    + YamlConfig.describe(config.node(key)));
            return Duration.ofHours(1);
        }
        if (d.compareTo(LONGEST) > 0) {
            config.problem(key, "must be at most " + Durations.format(LONGEST) + ", got " + Durations.format(d));
            return Duration.ofHours(1);
        }
        return d;
    }
}
