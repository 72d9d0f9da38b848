package com.byninja.bot.backtest;

import com.byninja.bot.config.BotConfig;
import com.byninja.bot.config.ConfigLoader;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Symbol;
import com.byninja.runtime.config.ConfigException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parameter sweep: every combination of the swept settings backtested on the same candles, loaded once and shared
 * read-only, spread over the cores, and ranked by one figure. A combination the configuration refuses (a fast average
 * not shorter than the slow one, say) is listed as skipped with the reason.
 */
final class Sweep {

    private static final Pattern SPEC = Pattern.compile("([A-Za-z][\\w.]*)=(-?[\\d.]+)\\.\\.(-?[\\d.]+):([\\d.]+)");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String SOURCE = "the sweep";

    /** One swept setting: {@code strategy.smaCross.fastPeriod=5..20:5}. */
    record Axis(String key, List<BigDecimal> values) {
    }

    /** One combination's outcome: its figures, or why it was not run. */
    record Outcome(Map<String, BigDecimal> settings, BacktestReport report, String skipped) {
    }

    /** What the sweep is ranked by. */
    enum Rank {
        SHARPE, NETPROFIT, PROFITFACTOR;

        BigDecimal of(BacktestReport r) {
            return switch (this) {
                case SHARPE -> r.sharpe();
                case NETPROFIT -> r.netProfit();
                case PROFITFACTOR -> r.profitFactor();
            };
        }
    }

    private Sweep() {
    }

    /**
     * @param spec such as {@code strategy.smaCross.fastPeriod=5..20:5}
     * @return the setting and its values, from and to both included
     * @throws IllegalArgumentException naming what is wrong
     */
    static Axis axis(String spec) {
        Matcher m = SPEC.matcher(spec);
        if (!m.matches()) {
            throw new IllegalArgumentException("--sweep " + spec + ": write it as KEY=FROM..TO:STEP, such as "
                    + "strategy.smaCross.fastPeriod=5..20:5");
        }
        BigDecimal from = new BigDecimal(m.group(2));
        BigDecimal to = new BigDecimal(m.group(3));
        BigDecimal step = new BigDecimal(m.group(4));
        if (step.signum() <= 0 || to.compareTo(from) < 0) {
            throw new IllegalArgumentException("--sweep " + spec + ": needs FROM <= TO and a step above 0");
        }
        List<BigDecimal> values = new ArrayList<>();
        for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step)) {
            values.add(v);
            if (values.size() > 1_000) {
                throw new IllegalArgumentException("--sweep " + spec + ": more than 1,000 values; take a larger step");
            }
        }
        return new Axis(m.group(1), values);
    }

    /** @return every combination of the axes' values, the first axis varying slowest. */
    static List<Map<String, BigDecimal>> combinations(List<Axis> axes) {
        List<Map<String, BigDecimal>> all = new ArrayList<>();
        all.add(new LinkedHashMap<>());
        for (Axis a : axes) {
            List<Map<String, BigDecimal>> next = new ArrayList<>();
            for (Map<String, BigDecimal> partial : all) {
                for (BigDecimal v : a.values()) {
                    Map<String, BigDecimal> m = new LinkedHashMap<>(partial);
                    m.put(a.key(), v);
                    next.add(m);
                }
            }
            all = next;
        }
        return all;
    }

    /**
     * Runs every combination on {@code threads} threads.
     *
     * @param baseYaml the configuration file's text, over which each combination's settings are laid
     * @param done     told each time a combination ends, with how many have
     */
    static List<Outcome> run(ConfigLoader loader, String baseYaml, List<Axis> axes, Map<Symbol, List<Candle>> candles,
                             int threads, java.util.function.IntConsumer done) throws InterruptedException {
        List<Map<String, BigDecimal>> combos = combinations(axes);
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger names = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "backtest-sweep-" + names.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            // The first combination starts alone: its first part is the JIT compiling the replay, which wants a core
            // of its own, and backtests started side by side then would fight it for the cores. The others wait until
            // it has done a quarter of its candles. Waiting for all of it instead left an odd number behind it: on two
            // cores the last one ran alone too, and a sweep of 16 took 9 backtests' time, not 8.
            CountDownLatch warm = new CountDownLatch(threads > 1 && combos.size() > 1 ? 1 : 0);
            long quarter = Math.max(1, candles.values().stream().mapToLong(List::size).sum() / 4);
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < combos.size(); i++) {
                Map<String, BigDecimal> settings = combos.get(i);
                boolean head = i == 0;
                futures.add(pool.submit(() -> {
                    try {
                        if (!head) {
                            warm.await();
                        }
                        return one(loader, baseYaml, settings, candles, head ? n -> {
                            if (n >= quarter) {
                                warm.countDown();
                            }
                        } : n -> { });
                    } finally {
                        warm.countDown(); // the first one done, or failed: no one waits for it any longer
                        done.accept(finished.incrementAndGet());
                    }
                }));
            }
            List<Outcome> out = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a sweep's backtest failed: " + e.getCause(), e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Outcome one(ConfigLoader loader, String baseYaml, Map<String, BigDecimal> settings,
                               Map<Symbol, List<Candle>> candles, LongConsumer progress) throws Exception {
        BotConfig config;
        try {
            config = loader.loadYaml(yamlWith(baseYaml, settings), SOURCE).config();
        } catch (ConfigException e) {
            // The line numbers are those of the text made for this combination, which nobody sees: left out.
            return new Outcome(settings, null, String.join("; ", e.problems().stream()
                    .map(p -> p.replaceFirst("^" + SOURCE + ":\\d+: ", "")).toList()));
        }
        return new Outcome(settings, BacktestReport.of(new Backtest(config, candles).run(progress)), null);
    }

    /** @return {@code base} with each setting written at its dotted key. */
    static String yamlWith(String base, Map<String, BigDecimal> settings) throws java.io.IOException {
        JsonNode read = base == null || base.isBlank() ? null : YAML.readTree(base);
        ObjectNode root = read instanceof ObjectNode o ? o : YAML.createObjectNode();
        for (Map.Entry<String, BigDecimal> s : settings.entrySet()) {
            String[] path = s.getKey().split("\\.");
            ObjectNode node = root;
            for (int i = 0; i < path.length - 1; i++) {
                JsonNode child = node.get(path[i]);
                node = child instanceof ObjectNode o ? o : node.putObject(path[i]);
            }
            node.put(path[path.length - 1], s.getValue());
        }
        return YAML.writeValueAsString(root);
    }

    /** @return the outcomes that ran, best first by {@code rank} (a figure that cannot be worked out comes last). */
    static List<Outcome> ranked(List<Outcome> outcomes, Rank rank) {
        Comparator<Outcome> byFigure = Comparator.comparing(o -> rank.of(o.report()),
                Comparator.nullsFirst(Comparator.naturalOrder()));
        return outcomes.stream().filter(o -> o.report() != null).sorted(byFigure.reversed()).toList();
    }
}
