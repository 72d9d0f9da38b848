package com.byninja.bot.exchange.xchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.byninja.bot.RecordingAlerts;
import com.byninja.bot.exchange.ExchangeException;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How long a failing read waits between its tries, without waiting: the sleeper only records. */
class CallsTest {

    final List<Long> waits = new ArrayList<>();

    Calls calls(int retries, long maxDelayMs) {
        return new Calls(new ExchangeHealth("stub", 100, new RecordingAlerts(), Clock.systemUTC()),
                new XChangeErrors(XChangeErrors.Codes.NONE), retries, maxDelayMs, waits::add);
    }

    @Test
    void aFailingReadWaitsFromAQuarterSecondDoublingUpToTheCapThenGivesUp() {
        assertThatThrownBy(() -> calls(6, 2_000).read("price", () -> {
            throw new IOException("down");
        })).isInstanceOf(ExchangeException.class).hasMessage("price failed: IOException: down");

        // 250, doubled each time, at most 2000; seven tries, six waits
        assertThat(waits).containsExactly(250L, 500L, 1_000L, 2_000L, 2_000L, 2_000L);
    }

    @Test
    void aCapBelowAQuarterSecondIsEveryWait() {
        assertThatThrownBy(() -> calls(2, 100).read("price", () -> {
            throw new IOException("down");
        })).isInstanceOf(ExchangeException.class);

        assertThat(waits).containsExactly(100L, 100L);
    }

    @Test
    void eachReadStartsFromTheFirstDelayAgain() throws Exception {
        Calls calls = calls(3, 2_000);
        int[] failures = {2};
        Calls.Call<String> flaky = () -> {
            if (failures[0]-- > 0) {
                throw new IOException("down");
            }
            return "ok";
        };

        assertThat(calls.read("price", flaky)).isEqualTo("ok");
        failures[0] = 1;
        assertThat(calls.read("price", flaky)).isEqualTo("ok");

        assertThat(waits).containsExactly(250L, 500L, 250L);
    }
}
