package com.byninja.bot.backtest;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.byninja.bot.backtest.data.CandleDataException;
import com.byninja.bot.backtest.data.DateRange;
import com.byninja.bot.backtest.data.LoadedCandles;
import com.byninja.bot.config.BotConfig;
import com.byninja.bot.config.ConfigLoader;
import com.byninja.bot.config.Durations;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.strategy.Strategies;
import com.byninja.runtime.Logging;
import com.byninja.runtime.config.ConfigException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * {@code trading-bot.jar backtest}: reads the bot's configuration and candle files, replays them through the trader
 * ({@link Backtest}), prints the summary and writes the report directory. Exit 0 after a run, 2 for wrong arguments,
 * configuration or data (one line per problem, naming the file and line), 1 when the report cannot be written. With
 * {@code --replay-db}, the live parity check of a bot's database instead ({@link LiveParity}); {@code backtest
 * download} is {@link DownloadCommand}.
 */
public final class BacktestCommand {

    static final String USAGE = """
            Usage: java -jar trading-bot.jar backtest --config FILE --data PATH [--data ...] [--from DATE] [--to DATE]
                                                      [--report DIR]
                   java -jar trading-bot.jar backtest --config FILE --replay-db DATABASE [--from DATE] [--to DATE]
                   java -jar trading-bot.jar backtest download --config FILE --days N [--to DATE] [--dir DIR]

            Replays history through the same strategy, risk, order and paper-wallet code that trades live, and reports
            what it would have done. docs/backtesting.md has the rules and a worked example.

              --config FILE   the bot's configuration: symbols, timeframe, strategy, risk, simulator fee, slippage and
                              starting balance
              --data PATH     a CSV file (Binance klines, or timestamp,open,high,low,close,volume) for the one
                              configured symbol, SYMBOL=FILE for one of several, or a directory of such files;
                              repeatable
              --from DATE     the first day replayed, such as 2024-01-01 (UTC)
              --to DATE       the last day replayed, included
              --report DIR    where report.json, trades.csv and the charts go (default backtest-report)
              --sweep KEY=FROM..TO:STEP
                              backtests every combination of the swept settings instead, on all cores, such as
                              --sweep strategy.smaCross.fastPeriod=5..20:5
                              --sweep strategy.smaCross.slowPeriod=20..60:10
              --rank FIGURE   what the sweep is ranked by: sharpe, netProfit (default) or profitFactor
              --threads N     how many backtests a sweep runs at once (default: the number of cores)
              --replay-db DATABASE
                              instead of candle files: replays the candles a bot decided on, kept in its database
                              (such as data/ninja-simulated-paper.db), and lists every decision of the replay that
                              differs from the bot's; exit 0 when none does, 1 when one does

            backtest download fetches Binance's candles of the configured symbols and timeframe into data/candles (or
            --dir), a file a month, fetching only what is missing; backtest download --help says more.""";

    private BacktestCommand() {
    }

    /** From the command line: only warnings are logged, the rest is the report. */
    public static void main(String[] args) {
        quietLogging();
        System.exit(run(args, System.out, System.err));
    }

    /** @return the exit status */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && args[0].equals("download")) {
            return DownloadCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        Path configFile = null;
        List<String> data = new ArrayList<>();
        String from = null;
        String to = null;
        Path report = Path.of("backtest-report");
        Path replayDb = null;
        List<Sweep.Axis> axes = new ArrayList<>();
        Sweep.Rank rank = Sweep.Rank.NETPROFIT;
        int threads = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                out.println(USAGE);
                return 0;
            }
            if (!List.of("--config", "--data", "--from", "--to", "--report", "--sweep", "--rank", "--threads",
                    "--replay-db").contains(a)) {
                return usage(err, a + ": unknown argument");
            }
            if (i + 1 >= args.length) {
                return usage(err, a + ": needs a value");
            }
            String v = args[++i];
            try {
                switch (a) {
                    case "--config" -> configFile = Path.of(v);
                    case "--data" -> data.add(v);
                    case "--from" -> from = v;
                    case "--to" -> to = v;
                    case "--sweep" -> axes.add(Sweep.axis(v));
                    case "--rank" -> rank = Sweep.Rank.valueOf(v.toUpperCase(java.util.Locale.ROOT));
                    case "--threads" -> threads = Integer.parseInt(v);
                    case "--replay-db" -> replayDb = Path.of(v);
                    default -> report = Path.of(v);
                }
            } catch (IllegalArgumentException e) {
                return usage(err, e instanceof NumberFormatException || a.equals("--rank")
                        ? a + " " + v + ": not one of the values it takes" : e.getMessage());
            }
        }
        if (replayDb != null && (!data.isEmpty() || !axes.isEmpty())) {
            return usage(err, "--replay-db: replays a bot's database, not candle files; give --data or --sweep "
                    + "without it");
        }
        if (data.isEmpty() && replayDb == null) {
            return usage(err, "--data: give the candle file or directory to replay");
        }
        BotConfig config;
        ConfigLoader loader = new ConfigLoader(System.getenv()).keysNotNeeded();
        try {
            config = loader.load(configFile).config();
        } catch (ConfigException e) {
            e.problems().forEach(err::println);
            return 2;
        }
        if (replayDb != null) {
            try {
                return LiveParity.run(replayDb, config, DateRange.parse(from, to), out, err);
            } catch (CandleDataException e) {
                err.println(e.getMessage());
                return 2;
            }
        }
        Map<Symbol, List<Candle>> candles = new LinkedHashMap<>();
        try {
            LoadedCandles loaded = LoadedCandles.load(data, config.symbols(), config.timeframe(),
                    DateRange.parse(from, to));
            loaded.warnings().forEach(err::println);
            config.symbols().forEach(s -> candles.put(s, loaded.of(s).candles()));
        } catch (CandleDataException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (!axes.isEmpty()) {
            return SweepReport.run(loader, configFile, axes, rank, Math.max(1, threads), candles, report, out, err);
        }
        long total = candles.values().stream().mapToLong(List::size).sum();
        BacktestResult result;
        try (Progress progress = Progress.on(err, total)) {
            result = new Backtest(config, candles).run(progress::update);
        } catch (Exception e) {
            err.println("the backtest failed: " + e);
            return 1;
        }
        BacktestReport figures = BacktestReport.of(result);
        out.print(ReportWriter.text(figures, config.quoteCurrency(), Strategies.describe(config) + " on "
                + Durations.format(config.timeframe()) + " candles"));
        try {
            Files.createDirectories(report);
            ReportWriter.json(report.resolve("report.json"), figures, config.quoteCurrency());
            ReportWriter.tradesCsv(report.resolve("trades.csv"), result.trades());
            ReportCharts.write(report, result);
        } catch (IOException e) {
            err.println("cannot write the report to " + report.toAbsolutePath() + ": " + e.getMessage());
            return 1;
        }
        out.println("Report: " + report.toAbsolutePath());
        return 0;
    }

    /** Only warnings reach the console: the per-candle progress lines of live trading are not wanted here. */
    private static void quietLogging() {
        Logging.quiet();
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println(problem);
        err.println("Try backtest --help.");
        return 2;
    }
}
