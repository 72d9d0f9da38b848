package com.byninja.bot.backtest;

import com.byninja.bot.config.BotConfig;
import com.byninja.bot.config.BotConfig.ExchangeSettings;
import com.byninja.bot.config.ConfigLoader;
import com.byninja.bot.config.Durations;
import com.byninja.bot.exchange.binance.BinanceClient;
import com.byninja.runtime.config.ConfigException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code backtest download} is asked for, checked once before anything is fetched: the days, the configuration's
 * symbols and timeframe as a Binance interval, and where Binance is.
 *
 * @param configFile the {@code --config} file, or null for the configuration the bot would read
 * @param where      the configuration's name in messages
 * @param config     the configuration, read without the exchange's keys
 * @param interval   Binance's name of the timeframe, such as {@code 1h}
 * @param from       the first open time wanted: the first day's start
 * @param to         the end, exclusive: the day after {@code --to}, or now
 * @param lastDay    {@code --to} as given, or null for "up to now"
 * @param dir        where the files go
 */
record DownloadRequest(Path configFile, String where, BotConfig config, String interval, Instant from, Instant to,
                       String lastDay, Path dir) {

    /** A failed request is tried again at least this many times (waiting 0.25, 0.5, 1, 2 and 4 s). */
    static final int MIN_RETRIES = 5;
    /** A rate limit's Retry-After up to this long is waited out (Binance's 429 asks for the rest of the minute). */
    static final long MAX_WAIT_MS = 60_000;
    /** The most days one download takes: past a century there is nothing more to fetch. */
    static final long MAX_DAYS = 100_000;
    /** A download's exchange never raises the alert that pauses buying: there is none to pause, nor anyone to tell. */
    private static final int NEVER_ALERT = Integer.MAX_VALUE;

    /**
     * @param configFile {@code --config}, or null
     * @param days       {@code --days} as written, or null
     * @param lastDay    {@code --to} as written, or null
     * @param dir        {@code --dir}
     * @param now        the time now, for today and for the last closed candle
     * @param env        the environment, for the configuration
     * @param err        where a problem is told, in one line saying what and what to do
     * @return the request; empty when something is wrong (exit status 2), after saying so on {@code err}
     */
    static Optional<DownloadRequest> check(Path configFile, String days, String lastDay, Path dir, Instant now,
                                           Map<String, String> env, PrintStream err) {
        if (days == null) {
            err.println("--days: missing; give how many days of history to fetch, such as --days 365");
            return Optional.empty();
        }
        long count;
        try {
            count = Long.parseLong(days);
        } catch (NumberFormatException e) {
            count = 0;
        }
        if (count <= 0 || count > MAX_DAYS) {
            err.println("--days " + days + ": not a whole number of days from 1 to " + MAX_DAYS + "; give how many "
                    + "days to fetch, such as --days 365");
            return Optional.empty();
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate last = today;
        if (lastDay != null) {
            try {
                last = LocalDate.parse(lastDay.trim());
            } catch (DateTimeParseException e) {
                err.println("--to " + lastDay + ": not a date; write it as YYYY-MM-DD, such as 2024-12-31");
                return Optional.empty();
            }
            if (last.isAfter(today)) {
                err.println("--to " + lastDay + ": after today (" + today + ", UTC); give a day up to today, or leave "
                        + "--to out to fetch up to now");
                return Optional.empty();
            }
        }
        BotConfig config;
        try {
            config = new ConfigLoader(env).keysNotNeeded().load(configFile).config();
        } catch (ConfigException e) {
            e.problems().forEach(err::println);
            return Optional.empty();
        }
        String where = configFile == null ? "the configuration" : configFile.toString();
        String type = config.exchange().name();
        if (!type.equals(ExchangeSettings.BINANCE) && !type.equals(ExchangeSettings.SIMULATED)) {
            err.println(where + ": exchange.type " + config.exchange().type() + ": download fetches Binance's candles "
                    + "only; give a configuration with exchange binance or simulated");
            return Optional.empty();
        }
        Duration period = config.timeframe();
        Map<Duration, String> intervals = intervals();
        String interval = intervals.get(period);
        if (interval == null) {
            String shorter = intervals.keySet().stream().filter(d -> period.toMillis() % d.toMillis() == 0)
                    .reduce((a, b) -> b).map(intervals::get).map(i -> "; the backtest builds "
                            + Durations.format(period) + " candles from shorter ones, so you may download " + i
                            + " candles (timeframe: " + i + ") and backtest on " + Durations.format(period))
                    .orElse("");
            err.println(where + ": timeframe " + Durations.format(period) + ": Binance has no candles of that length; "
                    + "it has " + String.join(", ", intervals.values()) + shorter);
            return Optional.empty();
        }
        Instant from = last.minusDays(count - 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant dayAfter = last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return Optional.of(new DownloadRequest(configFile, where, config, interval,
                from.isBefore(Instant.EPOCH) ? Instant.EPOCH : from, dayAfter.isBefore(now) ? dayAfter : now,
                lastDay == null ? null : lastDay.trim(), dir));
    }

    /** @return Binance's kline lengths a download takes, shortest first: not its months, which vary */
    static Map<Duration, String> intervals() {
        Map<Duration, String> intervals = new LinkedHashMap<>(BinanceClient.klineIntervals());
        intervals.values().remove("1M");
        return intervals;
    }

    /** @return the candles' length, the configured timeframe */
    Duration period() {
        return config.timeframe();
    }

    /** @return whether the configuration's exchange is the simulator, whose history comes from Binance's own */
    boolean simulator() {
        return config.exchange().name().equals(ExchangeSettings.SIMULATED);
    }

    /**
     * The configuration's Binance settings, or with the simulator the default ones at {@code binanceUrl}; paper,
     * never keys. Failed requests are tried again at least {@value #MIN_RETRIES} times, and a rate limit's wait up to
     * {@value #MAX_WAIT_MS} ms is waited out.
     *
     * @param binanceUrl Binance's address for the simulator's configuration; empty for Binance's own
     */
    ExchangeSettings settings(String binanceUrl) {
        ExchangeSettings s = simulator() ? ConfigLoader.defaultConfig().exchange() : config.exchange();
        return new ExchangeSettings(ExchangeSettings.BINANCE, "paper", simulator() ? binanceUrl : s.baseUrl(),
                s.connectTimeoutMs(), s.readTimeoutMs(), Math.max(s.readRetries(), MIN_RETRIES),
                Math.max(s.retryMaxDelayMs(), MAX_WAIT_MS), NEVER_ALERT, s.unknownOrderWindowMs(), null, null);
    }
}
