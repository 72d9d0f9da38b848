package com.byninja.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CountersTest {

    @Test
    void countsByNameAndListsEveryCountInTheOrderFirstUsed() {
        Counters counters = new Counters();
        AtomicLong queued = new AtomicLong(7);

        counters.increment("logLinesDropped");
        counters.increment("errors");
        counters.add("logLinesDropped", 3);
        counters.gauge("queued", queued::get);
        queued.set(9);

        assertThat(counters.count("logLinesDropped")).isEqualTo(4);
        assertThat(counters.count("queued")).isEqualTo(9);
        assertThat(counters.count("never used")).isZero();
        assertThat(counters.snapshot()).containsExactly(Map.entry("logLinesDropped", 4L), Map.entry("errors", 1L),
                Map.entry("queued", 9L));
    }

    @Test
    void theCountsAreMetersOfTheRegistryGiven() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Counters counters = new Counters(registry);

        counters.increment("errors.chat-sender-42");
        counters.increment("errors.chat-sender-42");
        counters.gauge("queued", () -> 5);

        assertThat(registry.get("errors.chat-sender-42").counter().count()).isEqualTo(2.0);
        assertThat(registry.get("queued").gauge().value()).isEqualTo(5.0);
    }

    @Test
    void aCounterNeverGoesDownAndANameIsEitherACounterOrAGauge() {
        Counters counters = new Counters();
        counters.gauge("queued", () -> 1);

        assertThatThrownBy(() -> counters.add("sent", -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a counter only goes up; cannot add -1 to sent");
        assertThatThrownBy(() -> counters.increment("queued")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("queued is a gauge, not a counter");
        assertThatThrownBy(() -> counters.gauge("queued", () -> 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("queued is already counted");
    }
}
