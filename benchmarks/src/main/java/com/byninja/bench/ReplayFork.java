package com.byninja.bench;

import com.byninja.bot.backtest.Backtest;
import com.byninja.bot.backtest.BacktestResult;
import com.byninja.bot.config.BotConfig;
import com.byninja.bot.domain.Candle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ta4j.core.num.DecimalNum;
import org.ta4j.core.num.DoubleNum;

/**
 * One line of the backtest part, in a JVM of its own (as JMH forks), so that the JIT's profile of one line does not
 * slow another: ta4j's decimal and double numbers and our engine share call sites such as {@code Num.plus}. Makes the
 * candles, replays them {@code warmups} times, then {@code runs} times measured, each after a full collection so that
 * every run pays for its own garbage, and prints one line for {@link BacktestBenchmarks} to read, the warm-up replays'
 * times first (the first of them is the cold JVM's):
 *
 * <pre>RESULT subject trades warmup-ns,... total-ns,total-ns,... build-ns,build-ns,...</pre>
 *
 * <p>Usage: {@code ReplayFork ta4j-decimal|ta4j-double|floor|byninja CANDLES WARMUPS RUNS}
 */
public final class ReplayFork {

    /** What one replay did; {@code buildNanos} is 0 where no series is built apart. */
    private record Outcome(int trades, long buildNanos) {
    }

    private interface Subject {
        Outcome once() throws Exception;
    }

    private ReplayFork() {
    }

    public static void main(String[] args) throws Exception {
        String name = args[0];
        int count = Integer.parseInt(args[1]);
        int warmups = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        List<Candle> candles = ReplayData.candles(count);
        Subject subject = subject(name, candles);
        Integer trades = null;
        List<Long> warm = new ArrayList<>();
        for (int i = 0; i < warmups; i++) {
            long t0 = System.nanoTime();
            int made = subject.once().trades();
            warm.add(System.nanoTime() - t0);
            trades = check(trades, made, name);
        }
        List<Long> totals = new ArrayList<>();
        List<Long> builds = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            System.gc();
            long t0 = System.nanoTime();
            Outcome o = subject.once();
            totals.add(System.nanoTime() - t0);
            builds.add(o.buildNanos());
            trades = check(trades, o.trades(), name);
        }
        System.out.println("RESULT " + name + " " + trades + " " + join(warm) + " " + join(totals) + " "
                + join(builds));
    }

    private static Subject subject(String name, List<Candle> candles) {
        return switch (name) {
            case "ta4j-decimal" -> () -> ta4j(candles, DecimalNum.class);
            case "ta4j-double" -> () -> ta4j(candles, DoubleNum.class);
            case "floor" -> {
                double[] closes = CrossFloor.closesInCents(candles);
                yield () -> new Outcome(CrossFloor.count(closes, ReplayData.FAST, ReplayData.SLOW).trades(), 0);
            }
            case "byninja" -> {
                BotConfig config = ReplayData.config();
                yield () -> {
                    BacktestResult r = new Backtest(config, Map.of(ReplayData.SYMBOL, candles)).run(done -> {
                    });
                    return new Outcome(r.trades().size(), 0);
                };
            }
            default -> throw new IllegalArgumentException("unknown subject " + name);
        };
    }

    private static Outcome ta4j(List<Candle> candles, Class<? extends org.ta4j.core.num.Num> numType) {
        Ta4jReplay.Outcome o = Ta4jReplay.run(candles, numType);
        return new Outcome(o.trades(), o.buildNanos());
    }

    /** The same input must give the same trades every time; a replay that does not is not worth timing. */
    private static Integer check(Integer before, int now, String name) {
        if (before != null && before != now) {
            throw new IllegalStateException(name + " made " + now + " trades after " + before);
        }
        return now;
    }

    private static String join(List<Long> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
