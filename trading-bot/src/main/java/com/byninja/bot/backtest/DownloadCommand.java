package com.byninja.bot.backtest;

import com.byninja.bot.backtest.KlineDownload.Gap;
import com.byninja.bot.backtest.data.CandleDataException;
import com.byninja.bot.backtest.data.MonthlyCandleFiles;
import com.byninja.bot.backtest.data.MonthlyCandleFiles.Stretch;
import com.byninja.bot.config.BotConfig.ExchangeSettings;
import com.byninja.bot.config.Durations;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.engine.port.Alerts;
import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.exchange.binance.BinanceClient;
import com.byninja.bot.exchange.xchange.Calls;
import com.byninja.bot.exchange.xchange.XChangeMarkets;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * {@code trading-bot.jar backtest download}: fetches Binance's closed klines of the configured symbols and timeframe
 * ({@link DownloadRequest}) into monthly files ({@link MonthlyCandleFiles}) that {@code backtest --data DIR} reads,
 * only what the directory lacks ({@link KlineDownload}), one request per {@value #PACE_MS} ms at most, and tells the
 * user how it went. Exit 0 when the directory holds the range asked for, 2 for wrong arguments or configuration (a line
 * naming it and what to do), 1 when the exchange or the disk failed; what was fetched until then is kept.
 */
public final class DownloadCommand {

    static final String USAGE = """
            Usage: java -jar trading-bot.jar backtest download --config FILE --days N [--to DATE] [--dir DIR]

            Fetches Binance's candles (klines) of the configured symbols and timeframe into monthly files, such as
            BTCUSDT-1m-2024-01.csv in Binance's own format, that backtest --data DIR reads. A second run fetches only
            what the directory lacks. Public market data: no API keys are needed. docs/backtesting.md, "Downloading
            history", has the details.

              --config FILE   the bot's configuration: its symbols and timeframe; with exchange binance, its address
                              and timeouts (with the simulator, Binance's public address and default settings)
              --days N        how many days up to --to, that day included (today counts as one)
              --to DATE       the last day, such as 2024-12-31 (UTC); default today, up to the last closed candle
              --dir DIR       where the files go (default data/candles)""";

    /** Between two requests: five a second, each klines request weighing 2, is 600 of Binance's weight a minute. */
    static final long PACE_MS = 200;
    private static final List<String> OPTIONS = List.of("--config", "--days", "--to", "--dir");
    private static final Alerts NO_ALERTS = alert -> {
    };
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /**
     * What the command runs on; tests give their own.
     *
     * @param clock      the time, for which candles are final and for "today"
     * @param nanos      the time for pacing, as {@link System#nanoTime}
     * @param sleeper    how pacing and retries wait
     * @param env        the environment, for the configuration
     * @param binanceUrl Binance's address when the configuration is the simulator's; empty for Binance's own
     * @param progress   where a progress line is redrawn on a terminal, or null
     */
    record Context(Clock clock, LongSupplier nanos, Calls.Sleeper sleeper, Map<String, String> env, String binanceUrl,
                   PrintStream progress) {

        static Context real() {
            return new Context(Clock.systemUTC(), System::nanoTime, Thread::sleep, System.getenv(), "",
                    System.console() != null ? System.err : null);
        }
    }

    private DownloadCommand() {
    }

    /** @return the exit status */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, Context.real());
    }

    static int run(String[] args, PrintStream out, PrintStream err, Context ctx) {
        Path configFile = null;
        String days = null;
        String lastDay = null;
        Path dir = Path.of("data", "candles");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                out.println(USAGE);
                return 0;
            }
            if (!OPTIONS.contains(a)) {
                err.println(a + ": unknown argument; download takes --config, --days, --to and --dir (see backtest "
                        + "download --help)");
                return 2;
            }
            if (i + 1 >= args.length) {
                err.println(a + ": needs a value (see backtest download --help)");
                return 2;
            }
            String v = args[++i];
            switch (a) {
                case "--config" -> configFile = Path.of(v);
                case "--days" -> days = v;
                case "--to" -> lastDay = v;
                default -> dir = Path.of(v);
            }
        }
        Instant now = ctx.clock().instant();
        Optional<DownloadRequest> request = DownloadRequest.check(configFile, days, lastDay, dir, now, ctx.env(),
                err);
        return request.map(r -> new Run(r, now, out, err, ctx).run()).orElse(2);
    }

    /** One run of the command, from the checked request to the summary. */
    private static final class Run {

        private final DownloadRequest request;
        private final Instant now;
        private final Duration period;
        private final PrintStream out;
        private final PrintStream err;
        private final Context ctx;
        private final ExchangeSettings settings;

        Run(DownloadRequest request, Instant now, PrintStream out, PrintStream err, Context ctx) {
            this.request = request;
            this.now = now;
            this.period = request.period();
            this.out = out;
            this.err = err;
            this.ctx = ctx;
            this.settings = request.settings(ctx.binanceUrl());
        }

        /** Makes the directory and keeps a second download out of it while this one runs. */
        int run() {
            Path dir = request.dir();
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                err.println("--dir " + dir + ": cannot make the directory (" + reason(e) + "); give another --dir or "
                        + "make it writable");
                return 2;
            }
            try (FileChannel lockFile = FileChannel.open(dir.resolve(".download.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE)) {
                FileLock lock;
                try {
                    lock = lockFile.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) {
                    err.println(dir + ": another download is writing there; wait until it is done");
                    return 1;
                }
                return download(dir);
            } catch (IOException e) {
                err.println("--dir " + dir + ": cannot write there (" + reason(e) + "); give another --dir or make it "
                        + "writable");
                return 2;
            }
        }

        private int download(Path dir) {
            List<Symbol> symbols = request.config().symbols();
            out.println("Downloading Binance's " + request.interval() + " candles of " + symbols.stream()
                    .map(Symbol::toString).collect(Collectors.joining(", ")) + ", " + day(request.from()) + " to "
                    + (request.lastDay() == null ? "now" : request.lastDay()) + " (UTC), into " + dir);
            if (request.simulator()) {
                out.println("The configuration's exchange is the simulator: fetching Binance's public market data "
                        + "from " + (settings.baseUrl().isEmpty() ? BinanceClient.defaultApiUrl()
                        : settings.baseUrl()) + " with default settings (no keys needed)");
            } else if (!settings.baseUrl().isEmpty()) {
                out.println("From " + settings.baseUrl() + " (exchange.baseUrl in " + request.where() + ")");
            }
            Map<Symbol, MonthlyCandleFiles> files = new LinkedHashMap<>();
            Map<Symbol, List<Gap>> gaps = new LinkedHashMap<>();
            try {
                for (Symbol s : symbols) {
                    MonthlyCandleFiles f = new MonthlyCandleFiles(dir, s, period, request.interval());
                    f.removeLeftovers();
                    files.put(s, f);
                    gaps.put(s, KlineDownload.missing(f.stretches(), request.from(), request.to(), now, period));
                }
            } catch (CandleDataException e) {
                err.println(e.getMessage());
                return 2;
            } catch (IOException e) {
                err.println(dir + ": cannot read it (" + reason(e) + ")");
                return 1;
            }
            if (gaps.values().stream().allMatch(List::isEmpty)) {
                for (Symbol s : symbols) {
                    out.println(s + ": nothing missing; " + holds(files.get(s)));
                }
                out.println("Nothing to fetch: " + dir + " holds every closed candle asked for (0 requests).");
                next(files);
                return 0;
            }
            XChangeMarkets<PacedSource> exchange;
            try {
                exchange = XChangeMarkets.open(settings, () -> new PacedSource(new BinanceClient(settings), PACE_MS,
                        ctx.nanos(), ctx.sleeper()), symbols, ctx.clock(), NO_ALERTS, ctx.sleeper());
            } catch (ExchangeException e) {
                if (e.getCause() instanceof IllegalArgumentException unlisted) {
                    err.println(request.where() + ": symbols: " + unlisted.getMessage() + "; give markets it lists, "
                            + "such as BTC/USDT");
                    return 2;
                }
                err.println(e.getMessage());
                return 1;
            }
            PacedSource source = exchange.client();
            long listRequests = source.requests();
            long candles = 0;
            int written = 0;
            for (Symbol s : symbols) {
                KlineDownload d = new KlineDownload(s, period, files.get(s), exchange.marketData(), now);
                long before = source.requests();
                Redraw redraw = new Redraw(s);
                try {
                    d.fetch(gaps.get(s), redraw);
                } catch (ExchangeException e) {
                    redraw.clear();
                    out.println(line(s, d, source.requests() - before, files.get(s), " before it stopped"));
                    err.println(stopped(e));
                    return 1;
                } catch (IOException e) {
                    redraw.clear();
                    err.println(s + ": cannot write to " + dir + " (" + reason(e) + "); what was written before is "
                            + "kept");
                    return 1;
                } catch (CandleDataException e) {
                    redraw.clear();
                    err.println(e.getMessage());
                    return 2;
                }
                redraw.clear();
                candles += d.candles();
                written += d.monthsWritten().size();
                out.println(gaps.get(s).isEmpty() ? s + ": nothing missing; " + holds(files.get(s))
                        : line(s, d, source.requests() - before, files.get(s), "") + earliest(files.get(s)));
            }
            out.println(String.format(Locale.ROOT, "Fetched %,d candles in %,d requests (%d for the market list), "
                    + "wrote %d file%s in %s", candles, source.requests(), listRequests, written,
                    written == 1 ? "" : "s", dir));
            next(files);
            return 0;
        }

        private String line(Symbol s, KlineDownload d, long requests, MonthlyCandleFiles f, String how) {
            SortedSet<YearMonth> months = d.monthsWritten();
            String written = months.isEmpty() ? "no month written"
                    : months.size() == 1 ? "1 month written (" + months.first() + ")"
                    : months.last().equals(months.first().plusMonths(months.size() - 1))
                    ? months.size() + " months written (" + months.first() + " to " + months.last() + ")"
                    : months.size() + " months written (" + months.stream().map(YearMonth::toString)
                    .collect(Collectors.joining(", ")) + ")";
            return String.format(Locale.ROOT, "%s: %,d candles in %,d request%s, %s%s; %s", s, d.candles(), requests,
                    requests == 1 ? "" : "s", written, how, holds(f));
        }

        /** @return what the files hold, such as {@code holds 2024-01-01 00:00 to 2024-01-31 23:59} */
        private String holds(MonthlyCandleFiles f) {
            List<Stretch> stretches;
            try {
                stretches = f.stretches();
            } catch (CandleDataException | IOException e) {
                return "cannot tell what it holds (" + e.getMessage() + ")";
            }
            if (stretches.isEmpty()) {
                return "holds nothing";
            }
            List<String> parts = new ArrayList<>();
            for (Stretch s : stretches) {
                parts.add(MINUTE.format(s.from()) + " to " + MINUTE.format(s.to().minus(period)));
            }
            return "holds " + String.join(" and ", parts);
        }

        /**
         * After a run that did not stop: what the directory lacks, Binance has not.
         *
         * @return a note when the data begins a period or more after the range asked for, or there is none
         */
        private String earliest(MonthlyCandleFiles f) {
            try {
                List<Stretch> held = f.stretches();
                if (held.isEmpty()) {
                    return " (Binance has none in that range)";
                }
                if (!held.get(0).from().isBefore(request.from().plus(period))
                        && held.get(0).from().isBefore(request.to())) {
                    return " (Binance has none earlier)";
                }
            } catch (CandleDataException | IOException e) {
                return "";
            }
            return "";
        }

        /** Prints the backtest to run next, with the range when the directory holds more than was asked for. */
        private void next(Map<Symbol, MonthlyCandleFiles> files) {
            StringBuilder next = new StringBuilder("Next: java -jar trading-bot.jar backtest");
            if (request.configFile() != null) {
                next.append(" --config ").append(request.configFile());
            }
            next.append(" --data ").append(request.dir());
            if (holdsMore(files)) {
                next.append(" --from ").append(day(request.from()));
                if (request.lastDay() != null) {
                    next.append(" --to ").append(request.lastDay());
                }
            }
            out.println(next);
        }

        /** @return whether the directory holds candles outside the range asked for */
        private boolean holdsMore(Map<Symbol, MonthlyCandleFiles> files) {
            for (MonthlyCandleFiles f : files.values()) {
                try {
                    List<Stretch> held = f.stretches();
                    if (!held.isEmpty() && (held.get(0).from().isBefore(request.from())
                            || held.get(held.size() - 1).to().isAfter(request.to()))) {
                        return true;
                    }
                } catch (CandleDataException | IOException e) {
                    return false;
                }
            }
            return false;
        }

        private String stopped(ExchangeException e) {
            String kept = "what was fetched is kept in " + request.dir() + "; ";
            if (e.kind() == ExchangeException.Kind.RATE_LIMITED && e.retryAfterMs() > settings.retryMaxDelayMs()) {
                return "Stopped: " + e.getMessage() + "; Binance asks for no request in the next "
                        + Durations.words(e.retryAfterMs()) + ", " + kept + "run the same command again after "
                        + MINUTE.format(ctx.clock().instant().plusMillis(e.retryAfterMs())) + " UTC";
            }
            String tries = e.kind() == ExchangeException.Kind.REFUSED ? ""
                    : " after " + (settings.readRetries() + 1) + " tries";
            return "Stopped" + tries + ": " + e.getMessage() + "; " + kept + "run the same command again to go on";
        }

        /** The progress line, redrawn at most once a second, only on a terminal. */
        private final class Redraw implements KlineDownload.Listener {

            private final Symbol symbol;
            private long drawnAt;
            private boolean drawn;

            Redraw(Symbol symbol) {
                this.symbol = symbol;
                this.drawnAt = ctx.nanos().getAsLong();
            }

            @Override
            public void fetched(long candles, Instant lastOpen, int monthsWritten) {
                long t = ctx.nanos().getAsLong();
                if (ctx.progress() == null || t - drawnAt < 1_000_000_000L) {
                    return;
                }
                drawnAt = t;
                drawn = true;
                ctx.progress().print(String.format(Locale.ROOT, "\r%s: %,d candles, up to %s, %d month%s written   ",
                        symbol, candles, MINUTE.format(lastOpen), monthsWritten, monthsWritten == 1 ? "" : "s"));
                ctx.progress().flush();
            }

            void clear() {
                if (drawn) {
                    ctx.progress().print("\r" + " ".repeat(90) + "\r");
                    ctx.progress().flush();
                }
            }
        }
    }

    private static String day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC).toString();
    }

    /** @return why a file operation failed, as a person says it: {@code Not a directory}, {@code access denied} */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        String kind = e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2")
                .toLowerCase(Locale.ROOT);
        return e instanceof FileSystemException || e.getMessage() == null ? kind : kind + ": " + e.getMessage();
    }
}
