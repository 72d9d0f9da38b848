package com.byninja.strategy.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParametersTest {

    private static Parameters of(Object... nameValue) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.put((String) nameValue[i], nameValue[i + 1]);
        }
        return Parameters.of(m);
    }

    @Test
    void aParameterNotConfiguredReadsAsItsDefault() {
        Parameters p = Parameters.none();

        assertThat(p.wholeNumber("entryBars", 20, 2, 1000)).isEqualTo(20);
        assertThat(p.decimal("pct", new BigDecimal("1.5"), BigDecimal.ZERO, BigDecimal.TEN))
                .isEqualByComparingTo("1.5");
        assertThat(p.text("mode", "close")).isEqualTo("close");
        assertThat(p.bool("strict", true)).isTrue();
    }

    @Test
    void configuredValuesAreReadWithTheirType() {
        Parameters p = of("entryBars", new BigDecimal("30"), "stopBars", "12", "whole", new BigDecimal("7.0"),
                "pct", new BigDecimal("0.25"), "mode", "high", "strict", false, "loose", "TRUE", "bars", 5);

        assertThat(p.wholeNumber("entryBars", 20, 2, 1000)).isEqualTo(30);
        assertThat(p.wholeNumber("stopBars", 10, 1, 1000)).isEqualTo(12);
        assertThat(p.wholeNumber("whole", 1, 1, 10)).isEqualTo(7);
        assertThat(p.wholeNumber("bars", 1, 1, 10)).isEqualTo(5);
        assertThat(p.decimal("pct", BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.TEN)).isEqualByComparingTo("0.25");
        assertThat(p.text("mode", "close")).isEqualTo("high");
        assertThat(p.text("entryBars", "")).isEqualTo("30");
        assertThat(p.bool("strict", true)).isFalse();
        assertThat(p.bool("loose", false)).isTrue();
    }

    @Test
    void aValueOfTheWrongTypeOrOutOfBoundsNamesTheParameterAndWhatItMustBe() {
        Parameters p = of("entryBars", new BigDecimal("1"), "stopBars", new BigDecimal("2.5"), "name", "ten",
                "pct", new BigDecimal("150"), "strict", "yes", "ratio", "abc");

        assertThatThrownBy(() -> p.wholeNumber("entryBars", 20, 2, 1000)).isInstanceOf(ParameterException.class)
                .hasMessage("entryBars: must be a whole number between 2 and 1000, got 1")
                .satisfies(e -> {
                    assertThat(((ParameterException) e).parameter()).isEqualTo("entryBars");
                    assertThat(((ParameterException) e).problem())
                            .isEqualTo("must be a whole number between 2 and 1000, got 1");
                });
        assertThatThrownBy(() -> p.wholeNumber("stopBars", 10, 1, 1000))
                .hasMessage("stopBars: must be a whole number between 1 and 1000, got 2.5");
        assertThatThrownBy(() -> p.wholeNumber("name", 10, 1, 1000))
                .hasMessage("name: must be a whole number between 1 and 1000, got \"ten\"");
        assertThatThrownBy(() -> p.decimal("pct", BigDecimal.ONE, BigDecimal.ZERO, new BigDecimal("100")))
                .hasMessage("pct: must be a number between 0 and 100, got 150");
        assertThatThrownBy(() -> p.decimal("ratio", BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.TEN))
                .hasMessage("ratio: must be a number between 0 and 10, got \"abc\"");
        assertThatThrownBy(() -> p.bool("strict", false)).hasMessage("strict: must be true or false, got \"yes\"");
    }

    @Test
    void aParameterTheStrategyNeverReadIsUnread() {
        Parameters p = of("entryBars", new BigDecimal("30"), "stopbars", new BigDecimal("5"), "mode", "x");

        p.wholeNumber("entryBars", 20, 2, 1000);
        p.wholeNumber("stopBars", 10, 1, 1000);
        assertThat(p.has("mode")).isTrue();

        assertThat(p.unread()).containsExactly("stopbars");
        assertThat(p.read()).containsExactly("entryBars", "stopBars", "mode");
        assertThat(p.names()).containsExactly("entryBars", "stopbars", "mode");
    }

    @Test
    void aDefaultOutsideItsOwnBoundsIsTheStrategysMistake() {
        assertThatThrownBy(() -> Parameters.none().wholeNumber("entryBars", 0, 2, 1000))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("the default of entryBars, 0, is not between 2 and 1000");
    }

    @Test
    void onlyNumbersTextAndBooleansAreParameters() {
        assertThatThrownBy(() -> of("list", java.util.List.of(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("parameter list must be a number, text or a boolean, got java.util.");
    }
}
