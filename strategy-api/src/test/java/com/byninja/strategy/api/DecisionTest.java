package com.byninja.strategy.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DecisionTest {

    @Test
    void holdEnterAndExitCarryNoPrice() {
        assertThat(Decision.hold().kind()).isEqualTo(Decision.Kind.HOLD);
        assertThat(Decision.enter().kind()).isEqualTo(Decision.Kind.ENTER);
        assertThat(Decision.exit().kind()).isEqualTo(Decision.Kind.EXIT);
        assertThat(Decision.hold().stopPrice()).isNull();
        assertThat(Decision.enter()).hasToString("enter");
    }

    @Test
    void aStopCarriesItsLevel() {
        Decision d = Decision.stopAt(new BigDecimal("61000.5"));

        assertThat(d.kind()).isEqualTo(Decision.Kind.STOP);
        assertThat(d.stopPrice()).isEqualByComparingTo("61000.5");
        assertThat(d).hasToString("stop at 61000.5").isEqualTo(Decision.stopAt(new BigDecimal("61000.5")));
    }

    @Test
    void aStopMustBeAPriceAboveZero() {
        assertThatThrownBy(() -> Decision.stopAt(BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a stop must be a price above 0, got 0");
        assertThatThrownBy(() -> Decision.stopAt(null)).hasMessage("a stop must be a price above 0, got none");
    }
}
