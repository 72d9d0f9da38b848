package com.byninja.telegram.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The connection notices as a function of time, driven by hand with a five-minute window: no thread, no clock. */
class FlappingTest {
    private static final Instant T0 = Instant.parse("2025-06-15T10:00:00Z");
    private static final String LOST = "connection lost: the peer closed the connection";

    private final Flapping flapping = new Flapping(Duration.ofMinutes(5));
    private final List<String> said = new ArrayList<>();

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private void connect(long seconds) {
        said.addAll(flapping.connected("ninja", "10.0.0.7:4000", at(seconds)));
    }

    private void drop(long seconds) {
        said.addAll(flapping.disconnected("ninja", LOST, false, false, at(seconds)));
    }

    @Test
    void aSteadyBotIsAnnouncedConnectingAndDroppingAndComingBackAsAlways() {
        connect(0);
        drop(600);
        connect(610);
        said.addAll(flapping.due(at(910)));

        assertThat(said).containsExactly(
                "🟢 <b>ninja</b> connected from <code>10.0.0.7:4000</code>.",
                "🔴 <b>ninja</b> disconnected: " + LOST + ".",
                "🟢 <b>ninja</b> connected from <code>10.0.0.7:4000</code>.");
        assertThat(flapping.nextDue()).isEmpty();
    }

    @Test
    void aFlappingBotIsAnnouncedOnceThenOnceMoreWhenItHasBeenSteadyForTheWindowWithTheCount() {
        connect(0);
        drop(600);
        connect(605);
        for (int i = 1; i < 7; i++) {
            drop(605 + i * 25);
            connect(610 + i * 25);
        }
        // The last return was at 760: the episode ends five minutes later, not before.
        assertThat(flapping.nextDue()).contains(at(1_060));
        said.addAll(flapping.due(at(1_059)));
        assertThat(said).hasSize(3);

        said.addAll(flapping.due(at(1_060)));

        assertThat(said).containsExactly(
                "🟢 <b>ninja</b> connected from <code>10.0.0.7:4000</code>.",
                "🔴 <b>ninja</b> disconnected: " + LOST + ".",
                "🟢 <b>ninja</b> connected from <code>10.0.0.7:4000</code>.",
                "🟢 <b>ninja</b> is back after 7 drops in 2 min: connected without a drop for 5 min.");
        assertThat(flapping.nextDue()).isEmpty();
    }

    @Test
    void aBotThatKeepsFlappingIsSaidToEveryTwoWindowsWhileItDropsAgainThenBackOnceSteady() {
        drop(0);
        // Back 10 s after each drop, away again 20 s later, for 21.5 minutes.
        for (int t = 10; t <= 1_300; t += 10) {
            if (t % 30 == 10) {
                connect(t);
            } else if (t % 30 == 0) {
                drop(t);
            }
            said.addAll(flapping.due(at(t)));
        }
        said.addAll(flapping.due(at(1_599)));
        said.addAll(flapping.due(at(1_600)));

        assertThat(said).containsExactly(
                "🔴 <b>ninja</b> disconnected: " + LOST + ".",
                "🟢 <b>ninja</b> connected from <code>10.0.0.7:4000</code>.",
                "🟠 <b>ninja</b> is still flapping: 21 drops in 10 min; disconnected now: " + LOST + ".",
                "🟠 <b>ninja</b> is still flapping: 41 drops in 20 min; disconnected now: " + LOST + ".",
                "🟢 <b>ninja</b> is back after 44 drops in 21 min: connected without a drop for 5 min.");
    }

    @Test
    void aBotThatDropsUnsaidAndStaysAwayIsSaidToBeGoneOnceTheWindowHasPassed() {
        connect(0);
        drop(100);
        connect(110);
        drop(130);
        said.clear();

        said.addAll(flapping.due(at(429)));
        assertThat(said).isEmpty();
        said.addAll(flapping.due(at(430)));

        assertThat(said).containsExactly("🔴 <b>ninja</b> disconnected after 2 drops in 30 s: " + LOST + ".");
        connect(500);
        assertThat(said).endsWith("🟢 <b>ninja</b> connected from <code>10.0.0.7:4000</code>.");
    }

    @Test
    void aBotThatDroppedOnceAndStaysAwayIsNotSaidTwice() {
        drop(0);
        said.clear();

        said.addAll(flapping.due(at(300)));

        assertThat(said).isEmpty();
        assertThat(flapping.nextDue()).isEmpty();
    }

    @Test
    void aStopByItsOwnerIsAlwaysSaidWithTheDropsNotToldYetAndEndsTheEpisode() {
        connect(0);
        drop(10);
        connect(12);
        drop(40);
        connect(42);
        said.clear();

        said.addAll(flapping.disconnected("ninja", "stopped by its owner (SIGTERM)", true, false, at(100)));
        drop(130);

        assertThat(said).containsExactly(
                "🔴 <b>ninja</b> disconnected: stopped by its owner (SIGTERM). Before that it dropped 2 times in "
                        + "90 s.",
                "🔴 <b>ninja</b> disconnected: " + LOST + ".");
    }

    @Test
    void aConnectionReplacedByTheBotsNextOneIsCountedNotSaidAndItsSuccessorIsTold() {
        // As the link server tells it: the stale connection's end, then its successor.
        connect(0);
        said.addAll(flapping.disconnected("ninja", "replaced by a new connection", false, true, at(50)));
        connect(50);
        said.addAll(flapping.disconnected("ninja", "replaced by a new connection", false, true, at(60)));
        connect(60);

        said.addAll(flapping.due(at(360)));

        assertThat(said).containsExactly(
                "🟢 <b>ninja</b> connected from <code>10.0.0.7:4000</code>.",
                "🟢 <b>ninja</b> connected from <code>10.0.0.7:4000</code>.",
                "🟢 <b>ninja</b> is back after 2 drops in 10 s: connected without a drop for 5 min.");
    }

    @Test
    void aWindowOfZeroAnnouncesEveryConnectionAndDrop() {
        Flapping off = new Flapping(Duration.ZERO);
        for (int i = 0; i < 3; i++) {
            said.addAll(off.connected("ninja", "10.0.0.7:4000", at(i * 2)));
            said.addAll(off.disconnected("ninja", LOST, false, false, at(i * 2 + 1)));
        }
        said.addAll(off.disconnected("ninja", "replaced by a new connection", false, true, at(9)));

        assertThat(said).hasSize(6).containsOnly(
                "🟢 <b>ninja</b> connected from <code>10.0.0.7:4000</code>.",
                "🔴 <b>ninja</b> disconnected: " + LOST + ".");
        assertThat(off.nextDue()).isEmpty();
    }

    @Test
    void spansReadAsAPersonSaysThem() {
        assertThat(Flapping.span(T0, T0)).isEqualTo("1 s");
        assertThat(Flapping.span(T0, at(119))).isEqualTo("119 s");
        assertThat(Flapping.span(T0, at(180))).isEqualTo("3 min");
        assertThat(Flapping.span(T0, at(7_200))).isEqualTo("2 h");
    }
}
