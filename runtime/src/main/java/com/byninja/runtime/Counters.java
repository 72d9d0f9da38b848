package com.byninja.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * A daemon's counts by name, such as {@code errors.chat-sender-42} or {@code logLinesDropped}, kept in a Micrometer
 * {@link MeterRegistry} (a {@link SimpleMeterRegistry} unless one is given), so that an exporter can be added without
 * touching the code that counts. Counters only go up; a gauge reads a value owned elsewhere, such as a queue's size.
 * {@link #snapshot()} lists them all, for a {@code status} reply. Thread-safe.
 */
public final class Counters {

    private final MeterRegistry registry;
    private final Map<String, Meter> meters = new ConcurrentHashMap<>();
    /** Names in the order first used, so that a snapshot reads the same from one status to the next. */
    private final List<String> order = new CopyOnWriteArrayList<>();

    /** Counts in a registry of its own. */
    public Counters() {
        this(new SimpleMeterRegistry());
    }

    /** @param registry where the counters and gauges are registered */
    public Counters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Adds one to the counter {@code name}, which starts at 0. */
    public void increment(String name) {
        counter(name).increment();
    }

    /** Adds {@code amount}, 0 or more, to the counter {@code name}. */
    public void add(String name, long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("a counter only goes up; cannot add " + amount + " to " + name);
        }
        counter(name).increment(amount);
    }

    /**
     * Registers a gauge: {@code value} is read whenever the gauge is.
     *
     * @throws IllegalArgumentException when {@code name} is taken
     */
    public void gauge(String name, LongSupplier value) {
        Meter[] created = new Meter[1];
        meters.computeIfAbsent(name, n -> {
            created[0] = Gauge.builder(n, value, LongSupplier::getAsLong).strongReference(true).register(registry);
            order.add(n);
            return created[0];
        });
        if (created[0] == null) {
            throw new IllegalArgumentException(name + " is already counted");
        }
    }

    /** @return the counter's count or the gauge's value; 0 for a name never used */
    public long count(String name) {
        return value(meters.get(name));
    }

    /** @return every counter and gauge with its value, in the order first used */
    public Map<String, Long> snapshot() {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String name : order) {
            values.put(name, value(meters.get(name)));
        }
        return values;
    }

    /** @return the registry the counts are kept in */
    public MeterRegistry registry() {
        return registry;
    }

    private Counter counter(String name) {
        Meter meter = meters.computeIfAbsent(name, n -> {
            Counter counter = Counter.builder(n).register(registry);
            order.add(n);
            return counter;
        });
        if (meter instanceof Counter counter) {
            return counter;
        }
        throw new IllegalArgumentException(name + " is a gauge, not a counter");
    }

    private static long value(Meter meter) {
        if (meter instanceof Counter counter) {
            return (long) counter.count();
        }
        if (meter instanceof Gauge gauge) {
            return (long) gauge.value();
        }
        return 0;
    }
}
