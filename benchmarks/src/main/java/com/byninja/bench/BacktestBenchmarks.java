package com.byninja.bench;

import com.byninja.bot.backtest.data.CandleCsvWriter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The backtest's speed beside its baselines, on the same candles and rules ({@link ReplayData}): ta4j's
 * {@code BarSeriesManager} with decimal and with double numbers, the floor of counting the crosses over an array, our
 * engine's replay with the candles in memory, then the whole {@code backtest} command as a process on a year and, in
 * a 256 MB heap, on five years.
 */
final class BacktestBenchmarks {

    /**
     * The in-process lines' heap, the same for each and fixed, so that no line's time depends on how far the heap has
     * grown: ta4j's decimal series and its caches keep about 650 MB live.
     */
    private static final List<String> FORK_HEAP = List.of("-Xms2g", "-Xmx2g");
    private static final int COMMAND_RUNS = 3;
    /** Launches of the sweep in each setting, taken in turns. */
    private static final int SWEEP_RUNS = 3;
    /** Confines a process and all its threads (the JIT's and the collector's too) to the first core. */
    private static final List<String> ONE_CORE = List.of("taskset", "-c", "0");
    /** The sweep's candles: the same year, 16 replays of it, about half a minute a launch. */
    private static final int SWEEP_CANDLES = ReplayData.YEAR;
    /** 4 fast periods × 4 slow ones: 16 combinations. */
    private static final List<String> SWEEP_AXES = List.of("--sweep", "strategy.smaCross.fastPeriod=5..20:5",
            "--sweep", "strategy.smaCross.slowPeriod=30..60:10");
    private static final long COMMAND_PATIENCE_MINUTES = 20;

    /** One in-process line: how it is run and what it is called in the report. */
    private record Line(String subject, String label, String timed, int warmups, int runs) {
    }

    /**
     * Warm-ups: both ta4j and our engine keep getting faster over the first three replays of a fresh JVM. At least one:
     * the first replay is reported apart, as what one run of the command gets.
     */
    private static final List<Line> LINES = List.of(
            new Line("ta4j-decimal", "ta4j BarSeriesManager, DecimalNum (ta4j's default)", "series build + run", 3, 5),
            new Line("ta4j-double", "ta4j BarSeriesManager, DoubleNum", "series build + run", 5, 5),
            new Line("floor", "floor: SMA crosses over a double[]", "one pass over the closes", 20, 21),
            new Line("byninja", "ByNinja `Backtest.run`", "engine replay, candles in memory", 3, 5));

    /**
     * What a line measured: trades, each warm-up's time (the first is the cold JVM's), and each measured run's total
     * and series-building nanoseconds.
     */
    private record Measured(Line line, int trades, long[] warmups, long[] totals, long[] builds) {

        long median() {
            return BacktestBenchmarks.median(totals);
        }

        double candlesPerSecond() {
            return ReplayData.YEAR / (median() / 1e9);
        }
    }

    /**
     * One launch of the command: wall time from start to exit, peak resident memory, exit status, and from its report
     * the trades and the replay's own speed; or the line that says why it failed.
     */
    private record Launch(long nanos, long peakRssKb, int exit, Integer trades, Double replayCandlesPerSecond,
                          String failure) {
    }

    private BacktestBenchmarks() {
    }

    static void run(Consumer<String> report) throws Exception {
        List<Measured> measured = new ArrayList<>();
        for (Line line : LINES) {
            System.out.println("backtest: " + line.subject() + ", " + line.warmups() + " warm-up and " + line.runs()
                    + " measured replays of " + ReplayData.YEAR + " candles");
            measured.add(fork(line));
        }
        Path dir = Files.createTempDirectory("byninja-backtest");
        try {
            Path config = dir.resolve("backtest.yml");
            Files.writeString(config, ReplayData.CONFIG_YAML);
            Path year = dir.resolve("BTCUSDT-1m-year.csv");
            CandleCsvWriter.writeBinance(year, ReplayData.candles(ReplayData.YEAR));
            List<Launch> yearRuns = new ArrayList<>();
            for (int i = 0; i < COMMAND_RUNS; i++) {
                System.out.println("backtest: the command on a year, launch " + (i + 1) + " of " + COMMAND_RUNS);
                yearRuns.add(launch(List.of(), List.of(), config, year, dir.resolve("report-year-" + i), List.of()));
            }
            // "On one core" is the process confined to one core: its one backtest thread shares that core with the
            // JIT and the collector, as on a one-core machine. One thread on two cores is shown too: there the JIT
            // and the collector have the second core to themselves.
            boolean confinable = onPath("taskset");
            List<Launch> oneCore = new ArrayList<>();
            List<Launch> oneThread = new ArrayList<>();
            List<Launch> twoCores = new ArrayList<>();
            for (int i = 0; i < SWEEP_RUNS; i++) {
                if (confinable) {
                    System.out.println("backtest: the sweep of 16 on one core, launch " + (i + 1) + " of " + SWEEP_RUNS);
                    oneCore.add(launch(ONE_CORE, List.of(), config, year, dir.resolve("sweep-core-" + i), SWEEP_AXES));
                }
                System.out.println("backtest: the sweep of 16 on two cores, one thread, launch " + (i + 1) + " of "
                        + SWEEP_RUNS);
                List<String> args = new ArrayList<>(SWEEP_AXES);
                args.addAll(List.of("--threads", "1"));
                oneThread.add(launch(List.of(), List.of(), config, year, dir.resolve("sweep-thread-" + i), args));
                System.out.println("backtest: the sweep of 16 on two cores, launch " + (i + 1) + " of " + SWEEP_RUNS);
                twoCores.add(launch(List.of(), List.of(), config, year, dir.resolve("sweep-cores-" + i), SWEEP_AXES));
            }
            Files.delete(year);
            Path fiveYears = dir.resolve("BTCUSDT-1m-5-years.csv");
            CandleCsvWriter.writeBinance(fiveYears, ReplayData.candles(ReplayData.FIVE_YEARS));
            System.out.println("backtest: the command on five years in -Xmx256m");
            Launch fiveRun = launch(List.of(), List.of("-Xmx256m"), config, fiveYears, dir.resolve("report-5-years"),
                    List.of());
            writeReport(report, measured, yearRuns, fiveRun, Files.size(fiveYears), new Sweeps(oneCore, oneThread,
                    twoCores));
        } finally {
            deleteTree(dir);
        }
    }

    /** Runs one line in a JVM of its own ({@link ReplayFork}) and reads its result. */
    private static Measured fork(Line line) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(FORK_HEAP);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ReplayFork.class.getName(),
                line.subject(), String.valueOf(ReplayData.YEAR), String.valueOf(line.warmups()),
                String.valueOf(line.runs())));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(line.subject() + " failed: " + out);
        }
        String result = out.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new IllegalStateException(line.subject() + " printed no result: " + out));
        String[] f = result.split(" ");
        return new Measured(line, Integer.parseInt(f[2]), longs(f[3]), longs(f[4]), longs(f[5]));
    }

    /** {@code [prefix] java [jvmFlags] -jar trading-bot.jar backtest ... [args]}, timed from launch to exit. */
    private static Launch launch(List<String> prefix, List<String> jvmFlags, Path config, Path data, Path reportDir,
                                 List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(prefix);
        command.add(java());
        command.addAll(jvmFlags);
        command.addAll(List.of("-jar", tradingBotJar().toAbsolutePath().toString(), "backtest", "--config",
                config.toString(), "--data", data.toString(), "--report", reportDir.toString()));
        command.addAll(args);
        Path output = reportDir.resolveSibling(reportDir.getFileName() + ".out");
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        long peak = 0;
        // VmHWM is the process's high-water mark: the last reading before it exits is its peak, to within 20 ms.
        while (!p.waitFor(20, TimeUnit.MILLISECONDS)) {
            peak = Math.max(peak, highWaterKb(p.pid()));
            if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(COMMAND_PATIENCE_MINUTES)) {
                p.destroyForcibly().waitFor();
                break;
            }
        }
        long nanos = System.nanoTime() - start;
        int exit = p.exitValue();
        Path json = reportDir.resolve("report.json");
        if (exit == 0 && !Files.exists(json) && Files.exists(reportDir.resolve("sweep.csv"))) {
            return new Launch(nanos, peak, exit, null, null, null);
        }
        if (exit == 0 && Files.exists(json)) {
            JsonNode report = new ObjectMapper().readTree(json.toFile());
            return new Launch(nanos, peak, exit, report.get("trades").asInt(), report.get("candlesPerSecond")
                    .asDouble(), null);
        }
        List<String> lines = Files.readAllLines(output);
        String failure = lines.stream().filter(l -> l.contains("Error") || l.contains("Exception")).findFirst()
                .orElse(lines.isEmpty() ? "no output" : lines.get(lines.size() - 1));
        String where = lines.stream().map(String::strip).filter(l -> l.startsWith("at com.byninja")).findFirst()
                .map(l -> " " + l).orElse("");
        return new Launch(nanos, peak, exit, null, null, failure.strip() + where);
    }

    private static void writeReport(Consumer<String> report, List<Measured> measured, List<Launch> yearRuns,
                                    Launch fiveRun, long fiveYearBytes, Sweeps sweeps) {
        Measured ours = find(measured, "byninja");
        Measured ta4j = find(measured, "ta4j-decimal");
        report.accept("## 6. Backtest: a year of 1-minute candles, SMA 10/30 cross");
        report.accept("");
        report.accept(String.format(Locale.ROOT, "%,d GBM candles of BTC/USDT (seed %d), SMA 10 crossing SMA 30 with "
                + "30 unstable bars, one position, orders at the next open, fee 0.1 %%, no slippage, no stop-loss or "
                + "take-profit. Each line in a JVM of its own (%s), warm-up replays first, then measured ones, each "
                + "after a full GC; candles/s from the median. The first replay is the cold JVM's.", ReplayData.YEAR,
                ReplayData.SEED, String.join(" ", FORK_HEAP)));
        report.accept("");
        report.accept("| line | timed | first replay | warm-up + measured | measured min / median / max | "
                + "candles/s (median) | trades | ByNinja's speed ÷ it |");
        report.accept("|---|---|---|---|---|---|---|---|");
        for (Measured m : measured) {
            long[] t = m.totals().clone();
            Arrays.sort(t);
            report.accept(String.format(Locale.ROOT, "| %s | %s | %s | %d + %d | %s / %s / %s | %,.0f | %,d | %s |",
                    m.line().label(), m.line().timed(), time(m.warmups()[0]), m.line().warmups(), m.line().runs(),
                    time(t[0]), time(m.median()), time(t[t.length - 1]), m.candlesPerSecond(), m.trades(),
                    m == ours ? "—" : ratio(ours.candlesPerSecond() / m.candlesPerSecond())));
        }
        report.accept("");
        for (Measured m : measured) {
            report.accept(String.format(Locale.ROOT, "- %s: warm-ups %s; measured %s%s", m.line().label(),
                    times(m.warmups()), times(m.totals()), m.line().subject().startsWith("ta4j")
                            ? String.format(Locale.ROOT, "; of the median, series build %s, strategy and run %s",
                            time(median(m.builds())), time(m.median() - median(m.builds()))) : ""));
        }
        report.accept("");
        report.accept("### The whole command, JVM start and CSV parsing included");
        report.accept("");
        report.accept("`java [heap] -jar trading-bot/target/trading-bot.jar backtest --config X --data FILE.csv "
                + "--report DIR` on a Binance kline file of the same candles, written beforehand; timed from launch "
                + "to exit, the report and its charts included. The replay's own share is from the command's "
                + "candlesPerSecond.");
        report.accept("");
        report.accept("| data | heap | launches | wall time min / median / max | candles/s (median) | of which the "
                + "replay | trades | peak RSS | exit |");
        report.accept("|---|---|---|---|---|---|---|---|---|");
        long[] walls = yearRuns.stream().mapToLong(Launch::nanos).sorted().toArray();
        long wall = median(walls);
        report.accept(String.format(Locale.ROOT, "| a year, %,d candles | JVM default | %d | %s / %s / %s | %,.0f | %s "
                        + "| %s | %s | %s |", ReplayData.YEAR, yearRuns.size(), time(walls[0]), time(wall),
                time(walls[walls.length - 1]), ReplayData.YEAR / (wall / 1e9), replay(yearRuns, ReplayData.YEAR),
                trades(yearRuns.get(0)), mb(yearRuns.stream().mapToLong(Launch::peakRssKb).max().orElse(0)),
                exits(yearRuns)));
        report.accept(String.format(Locale.ROOT, "| five years, %,d candles (%,d MB of CSV) | -Xmx256m | 1 | %s | %s "
                        + "| %s | %s | %s | %s |", ReplayData.FIVE_YEARS, fiveYearBytes / 1_000_000,
                time(fiveRun.nanos()), fiveRun.exit() == 0 ? String.format(Locale.ROOT, "%,.0f",
                        ReplayData.FIVE_YEARS / (fiveRun.nanos() / 1e9)) : "—",
                replay(List.of(fiveRun), ReplayData.FIVE_YEARS), trades(fiveRun), mb(fiveRun.peakRssKb()),
                exits(List.of(fiveRun))));
        report.accept("");
        Stream.concat(yearRuns.stream(), Stream.of(fiveRun)).filter(l -> l.exit() != 0).findFirst()
                .ifPresent(l -> {
                    report.accept("A launch failed after " + time(l.nanos()) + " (exit " + l.exit() + "): `"
                            + l.failure() + "`");
                    report.accept("");
                });
        report.accept("### A sweep of 16 combinations on one core and on two");
        report.accept("");
        report.accept(String.format(Locale.ROOT, "The command with `%s` (4 × 4 = 16 combinations) on the same %,d "
                + "candles, %d launches in each setting, taken in turns; wall time from launch to exit, JVM start and "
                + "reading the file included. On one core the process is confined with `taskset -c 0`, so the JIT and "
                + "the collector share that core with the backtest, as on a one-core machine; one thread on two cores "
                + "(`--threads 1`) leaves them the second core.", String.join(" ", SWEEP_AXES), SWEEP_CANDLES,
                SWEEP_RUNS));
        report.accept("");
        report.accept("| setting | wall time min / median / max | candles replayed a second (median) | exit |");
        report.accept("|---|---|---|---|");
        sweepLine(report, "one core", sweeps.oneCore());
        sweepLine(report, "two cores, `--threads 1`", sweeps.oneThread());
        sweepLine(report, "two cores", sweeps.twoCores());
        report.accept("");
        report.accept("Targets:");
        report.accept("");
        report.accept(String.format(Locale.ROOT, "- engine replay at least as fast as ta4j's BarSeriesManager "
                        + "(DecimalNum): %,.0f against %,.0f candles/s, %s", ours.candlesPerSecond(),
                ta4j.candlesPerSecond(), ours.candlesPerSecond() >= ta4j.candlesPerSecond() ? "met"
                        : String.format(Locale.ROOT, "not met (%.1f× slower; first replays %s against %s)",
                        ta4j.candlesPerSecond() / ours.candlesPerSecond(), time(ours.warmups()[0]),
                        time(ta4j.warmups()[0]))));
        report.accept(String.format(Locale.ROOT, "- the same closed trades as ta4j: %,d against %,d, %s",
                ours.trades(), ta4j.trades(), ours.trades() == ta4j.trades() ? "met" : "not met"));
        long two = median(sweeps.twoCores().stream().mapToLong(Launch::nanos).toArray());
        if (sweeps.oneCore().isEmpty()) {
            report.accept("- a sweep of 16 combinations 1.8× faster on 2 cores than on 1: not measured, taskset is not "
                    + "installed");
        } else {
            long one = median(sweeps.oneCore().stream().mapToLong(Launch::nanos).toArray());
            report.accept(String.format(Locale.ROOT, "- a sweep of 16 combinations 1.8× faster on 2 cores than on 1: "
                    + "%.2f× (median %s against %s), %s", (double) one / two, time(two), time(one),
                    one >= 1.8 * two ? "met" : "not met"));
        }
        report.accept(String.format(Locale.ROOT, "- the whole command on a year under 3 s: median %s, %s", time(wall),
                wall < 3_000_000_000L ? "met" : "not met"));
        report.accept(String.format(Locale.ROOT, "- five years in -Xmx256m: %s", fiveRun.exit() == 0
                ? "finished in " + time(fiveRun.nanos()) + ", met" : "did not finish, not met"));
        report.accept("");
    }

    /** The sweep's launches in each setting. */
    private record Sweeps(List<Launch> oneCore, List<Launch> oneThread, List<Launch> twoCores) {
    }

    private static void sweepLine(Consumer<String> report, String setting, List<Launch> runs) {
        if (runs.isEmpty()) {
            report.accept("| " + setting + " | not run: taskset is not installed | | |");
            return;
        }
        long[] t = runs.stream().mapToLong(Launch::nanos).sorted().toArray();
        report.accept(String.format(Locale.ROOT, "| %s | %s / %s / %s | %,.0f | %s |", setting, time(t[0]),
                time(median(t)), time(t[t.length - 1]), 16.0 * SWEEP_CANDLES / (median(t) / 1e9), exits(runs)));
    }

    /** @return whether {@code program} is a file that can be run in one of the PATH's directories */
    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }

    private static Measured find(List<Measured> measured, String subject) {
        return measured.stream().filter(m -> m.line().subject().equals(subject)).findFirst().orElseThrow();
    }

    /** @return the median time the command's replay took by its own count, or a dash when it did not report one */
    private static String replay(List<Launch> launches, int candles) {
        long[] nanos = launches.stream().filter(l -> l.replayCandlesPerSecond() != null)
                .mapToLong(l -> Math.round(candles / l.replayCandlesPerSecond() * 1e9)).toArray();
        return nanos.length == 0 ? "—" : time(median(nanos));
    }

    /** @return ByNinja's speed as a multiple of another line's: below 1 is slower */
    private static String ratio(double r) {
        return r >= 0.01 ? String.format(Locale.ROOT, "%.2f×", r) : String.format(Locale.ROOT, "%.1e×", r);
    }

    private static String times(long[] nanos) {
        return Arrays.stream(nanos).mapToObj(BacktestBenchmarks::time).reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static String trades(Launch l) {
        return l.trades() == null ? "—" : String.format(Locale.ROOT, "%,d", l.trades());
    }

    private static String exits(List<Launch> launches) {
        return launches.stream().allMatch(l -> l.exit() == 0) ? "0"
                : launches.stream().map(l -> String.valueOf(l.exit())).reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static String mb(long kb) {
        return kb == 0 ? "—" : String.format(Locale.ROOT, "%,d MB", kb / 1024);
    }

    private static String time(long nanos) {
        double s = nanos / 1e9;
        return s >= 1 ? String.format(Locale.ROOT, "%.2f s", s) : String.format(Locale.ROOT, "%.2f ms", s * 1e3);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long[] longs(String csv) {
        return Arrays.stream(csv.split(",")).mapToLong(Long::parseLong).toArray();
    }

    private static long highWaterKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // The process has just exited, or this is not Linux: no reading this time.
        }
        return 0;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** As the system tests find it: {@code -Dbyninja.tradingBotJar}, else from the repository's root or a module. */
    private static Path tradingBotJar() {
        String configured = System.getProperty("byninja.tradingBotJar");
        if (configured != null) {
            return Path.of(configured);
        }
        Path fromRoot = Path.of("trading-bot", "target", "trading-bot.jar");
        return Files.exists(fromRoot) ? fromRoot : Path.of("..", "trading-bot", "target", "trading-bot.jar");
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
