package com.byninja.bot.backtest;

import com.byninja.bot.config.ConfigLoader;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Money;
import com.byninja.bot.domain.Symbol;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The sweep as the command prints it: the ranked table, what was skipped, the best settings to paste, sweep.csv. */
final class SweepReport {

    private SweepReport() {
    }

    static int run(ConfigLoader loader, Path configFile, List<Sweep.Axis> axes, Sweep.Rank rank, int threads,
                   Map<Symbol, List<Candle>> candles, Path report, PrintStream out, PrintStream err) {
        long started = System.nanoTime();
        List<Sweep.Outcome> outcomes;
        try {
            String base = configFile == null ? "" : Files.readString(configFile);
            int total = Sweep.combinations(axes).size();
            outcomes = Sweep.run(loader, base, axes, candles, threads,
                    n -> err.print(System.console() == null ? "" : "\r" + n + "/" + total + " backtests done"));
        } catch (IOException e) {
            err.println(configFile + ": cannot read it again for the sweep: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("the sweep was interrupted");
            return 1;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Sweep.Outcome> ranked = Sweep.ranked(outcomes, rank);
        out.print(table(axes, ranked, rank, outcomes.size(), threads, seconds));
        outcomes.stream().filter(o -> o.report() == null)
                .forEach(o -> out.println("Skipped " + settings(o.settings()) + ": " + o.skipped()));
        if (!ranked.isEmpty()) {
            out.println("Best by " + rank.name().toLowerCase(Locale.ROOT) + ", to paste into the configuration:");
            out.print(paste(ranked.get(0).settings()));
        }
        try {
            Files.createDirectories(report);
            csv(report.resolve("sweep.csv"), axes, ranked);
        } catch (IOException e) {
            err.println("cannot write the sweep to " + report.toAbsolutePath() + ": " + e.getMessage());
            return 1;
        }
        out.println("Table: " + report.resolve("sweep.csv").toAbsolutePath());
        return 0;
    }

    static String table(List<Sweep.Axis> axes, List<Sweep.Outcome> ranked, Sweep.Rank rank, int combinations,
                        int threads, double seconds) {
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT,
                "Sweep of %d combinations on %d thread(s) in %.1f s, ranked by %s%n", combinations, threads, seconds,
                rank.name().toLowerCase(Locale.ROOT)));
        List<String> head = new ArrayList<>(List.of("#"));
        axes.forEach(a -> head.add(a.key().substring(a.key().lastIndexOf('.') + 1)));
        head.addAll(List.of("trades", "win %", "net profit", "net %", "max dd %", "sharpe", "profit factor"));
        List<List<String>> rows = new ArrayList<>();
        int n = 0;
        for (Sweep.Outcome o : ranked) {
            BacktestReport r = o.report();
            List<String> row = new ArrayList<>(List.of(String.valueOf(++n)));
            o.settings().values().forEach(v -> row.add(v.toPlainString()));
            row.addAll(List.of(String.valueOf(r.stats().trades()), r.stats().winRatePct().toPlainString(),
                    Money.signedDown(r.netProfit()), r.netProfitPct().toPlainString(),
                    r.maxDrawdownPct().toPlainString(), text(r.sharpe()), text(r.profitFactor())));
            rows.add(row);
        }
        int[] width = new int[head.size()];
        for (int i = 0; i < head.size(); i++) {
            width[i] = head.get(i).length();
            for (List<String> row : rows) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        line(t, head, width);
        rows.forEach(r -> line(t, r, width));
        return t.toString();
    }

    private static void line(StringBuilder t, List<String> cells, int[] width) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            t.append(i == 0 ? "" : "  ").append(" ".repeat(width[i] - c.length())).append(c);
        }
        t.append('\n');
    }

    /** @return the settings as YAML lines, nested as the configuration file nests them. */
    static String paste(Map<String, BigDecimal> settings) {
        StringBuilder t = new StringBuilder();
        List<String> open = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> s : settings.entrySet()) {
            String[] path = s.getKey().split("\\.");
            int same = 0;
            while (same < open.size() && same < path.length - 1 && open.get(same).equals(path[same])) {
                same++;
            }
            open.subList(same, open.size()).clear();
            for (int i = same; i < path.length - 1; i++) {
                t.append("  ".repeat(i)).append(path[i]).append(":\n");
                open.add(path[i]);
            }
            t.append("  ".repeat(path.length - 1)).append(path[path.length - 1]).append(": ")
                    .append(s.getValue().toPlainString()).append('\n');
        }
        return t.toString();
    }

    private static void csv(Path file, List<Sweep.Axis> axes, List<Sweep.Outcome> ranked) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            List<String> head = new ArrayList<>();
            axes.forEach(a -> head.add(a.key()));
            head.addAll(List.of("trades", "winRate", "netProfit", "netProfitPct", "maxDrawdownPct", "sharpe",
                    "sortino", "profitFactor"));
            w.write(String.join(",", head) + "\n");
            for (Sweep.Outcome o : ranked) {
                BacktestReport r = o.report();
                List<String> row = new ArrayList<>();
                o.settings().values().forEach(v -> row.add(v.toPlainString()));
                row.addAll(List.of(String.valueOf(r.stats().trades()), r.stats().winRatePct().toPlainString(),
                        Money.exact(r.netProfit()), r.netProfitPct().toPlainString(),
                        r.maxDrawdownPct().toPlainString(), text(r.sharpe()), text(r.sortino()),
                        text(r.profitFactor())));
                w.write(String.join(",", row) + "\n");
            }
        }
    }

    private static String settings(Map<String, BigDecimal> s) {
        StringBuilder b = new StringBuilder();
        s.forEach((k, v) -> b.append(b.length() == 0 ? "" : " ").append(k).append('=').append(v.toPlainString()));
        return b.toString();
    }

    private static String text(BigDecimal v) {
        return v == null ? "n/a" : v.toPlainString();
    }
}
