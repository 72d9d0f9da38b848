package com.byninja.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every measurement, each beside its baseline in the same run, and prints one report against the targets of
 * docs/benchmarks.md. The report also goes to {@code benchmarks/target/benchmark-report.md}.
 *
 * <p>Usage: {@code java -jar benchmarks/target/benchmarks.jar [roundtrip] [throughput] [codec] [e2e]
 * [footprint] [backtest]} (default: all). Run it from the repository's root: e2e, footprint and backtest start the
 * daemons' jars.
 */
public final class BenchmarkMain {
    private final List<String> report = new ArrayList<>();

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> parts = args.length == 0 ? List.of("roundtrip", "throughput", "codec", "e2e", "footprint",
                "backtest")
                : List.of(args);
        BenchmarkMain main = new BenchmarkMain();
        main.line("# ByNinja benchmark report");
        main.line("");
        main.line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", Java "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        main.line("");
        if (parts.contains("roundtrip")) {
            main.roundTrip();
        }
        if (parts.contains("throughput")) {
            main.throughput();
        }
        if (parts.contains("codec")) {
            main.codec();
        }
        if (parts.contains("e2e")) {
            SystemBenchmarks.endToEnd(main::line, 1_000);
        }
        if (parts.contains("footprint")) {
            SystemBenchmarks.footprint(main::line, 5);
        }
        if (parts.contains("backtest")) {
            BacktestBenchmarks.run(main::line);
        }
        Path out = Path.of("benchmarks", "target", "benchmark-report.md");
        if (Files.isDirectory(out.getParent())) {
            Files.write(out, main.report);
            System.out.println("report written to " + out);
        }
    }

    private void line(String s) {
        report.add(s);
        System.out.println(s);
    }

    private static Collection<RunResult> run(Class<?> benchmark, Options extra) throws RunnerException {
        OptionsBuilder b = new OptionsBuilder();
        b.include(benchmark.getName() + "\\.")
                .forks(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(2))
                .jvmArgsAppend("-Xms256m", "-Xmx256m")
                .verbosity(VerboseMode.NORMAL)
                .parent(extra);
        return new Runner(b.build()).run();
    }

    private static RunResult find(Collection<RunResult> results, String method) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + method))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no result for " + method));
    }

    private void roundTrip() throws RunnerException {
        Collection<RunResult> results = run(RoundTripBenchmark.class, new OptionsBuilder().build());
        RunResult link = find(results, "link");
        RunResult raw = find(results, "rawSocket");
        line("## 1. Round trip: status command and reply (" + Payloads.describe(Payloads.STATUS_COMMAND) + ", "
                + Payloads.describe(Payloads.STATUS_REPLY) + ")");
        line("");
        line("| percentile | link (µs) | raw socket (µs) | ratio | target |");
        line("|---|---|---|---|---|");
        double[] ps = {50, 99, 99.9};
        String[] targets = {"≤ 2×", "≤ 3×", "—"};
        for (int i = 0; i < ps.length; i++) {
            double l = link.getPrimaryResult().getStatistics().getPercentile(ps[i]);
            double r = raw.getPrimaryResult().getStatistics().getPercentile(ps[i]);
            line(String.format(Locale.ROOT, "| p%s | %.1f | %.1f | %.2f× | %s |", trim(ps[i]), l, r, l / r,
                    targets[i]));
        }
        line(String.format(Locale.ROOT, "%nsamples: link %d, raw %d%n",
                link.getPrimaryResult().getStatistics().getN(), raw.getPrimaryResult().getStatistics().getN()));
    }

    private void throughput() throws RunnerException {
        Collection<RunResult> results = run(ThroughputBenchmark.class, new OptionsBuilder().build());
        double link = find(results, "link").getPrimaryResult().getScore();
        double raw = find(results, "rawSocket").getPrimaryResult().getScore();
        double codec = find(results, "jsonCeilingCodec").getPrimaryResult().getScore();
        double jackson = find(results, "jsonCeilingJackson").getPrimaryResult().getScore();
        line("## 2. Throughput: log frames one way (" + Payloads.describe(Payloads.LOG_LINE) + ")");
        line("");
        line("| path | frames/s | link as % of it |");
        line("|---|---|---|");
        line(String.format(Locale.ROOT, "| link (LinkClient → LinkServer, decoded and routed) | %,.0f | — |", link));
        line(String.format(Locale.ROOT, "| (a) raw length-prefixed frames, bare socket | %,.0f | %.0f%% |", raw,
                100 * link / raw));
        line(String.format(Locale.ROOT, "| (b) JSON ceiling: link codec encode + decode, one thread | %,.0f | %.0f%% |",
                codec, 100 * link / codec));
        line(String.format(Locale.ROOT, "| (b') JSON ceiling: Jackson tree encode + parse, one thread | %,.0f | %.0f%% |",
                jackson, 100 * link / jackson));
        line("");
        line("Target: the link at least 80% of the JSON ceiling.");
        line("");
    }

    private void codec() throws RunnerException {
        Collection<RunResult> results = run(CodecBenchmark.class, new OptionsBuilder().build());
        line("## 3. Codec alone");
        line("");
        line("| operation | ns/op |");
        line("|---|---|");
        for (String m : List.of("encodeLog", "decodeLog", "encodeStatusReply", "decodeStatusReply")) {
            line(String.format(Locale.ROOT, "| %s | %.0f |", m, find(results, m).getPrimaryResult().getScore()));
        }
        line("");
    }

    private static String trim(double p) {
        return p == Math.floor(p) ? String.valueOf((long) p) : String.valueOf(p);
    }

}
