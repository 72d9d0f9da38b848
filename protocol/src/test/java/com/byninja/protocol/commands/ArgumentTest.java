package com.byninja.protocol.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArgumentTest {

    private static Object value(Argument argument, String text) {
        Argument.Reading reading = argument.read(text);
        assertThat(reading.problem()).isNull();
        return reading.value();
    }

    private static String problem(Argument argument, String text) {
        Argument.Reading reading = argument.read(text);
        assertThat(reading.value()).isNull();
        return reading.problem();
    }

    @ParameterizedTest
    @CsvSource({
            "BTC/USDT, BTC/USDT",
            "btc/usdt, BTC/USDT",
            "BTC-USDT, BTC/USDT",
            "btc_usdt, BTC/USDT",
            "BTCUSDT, BTCUSDT",
            "btcusdt, BTCUSDT",
            "1INCH/USDT, 1INCH/USDT",
            "BT, BT"
    })
    void aSymbolIsReadInEverySpellingPeopleTypeAndWrittenInUpperCaseWithASlash(String text, String symbol) {
        assertThat(value(Argument.symbol(), text)).isEqualTo(symbol);
        assertThat(value(Argument.symbolOrAll(), text)).isEqualTo(symbol);
    }

    @ParameterizedTest
    @ValueSource(strings = {"all", "ALL", "$BTC", "B", "BTC/USDT/EUR", "BTC//USDT", "BTC USDT", "/USDT", "BTC/",
            "ABCDEFGHIJKLMNOPQRSTU/USDT", "30", "10/20"})
    void whatCannotBeASymbolIsRefusedWithHowToWriteOne(String text) {
        assertThat(problem(Argument.symbol(), text))
                .isEqualTo("\"" + text + "\" is not a symbol; write it like BTC/USDT.");
    }

    @Test
    void allInAnyCaseIsEverySymbolWhereItIsAccepted() {
        assertThat(value(Argument.symbolOrAll(), "ALL")).isEqualTo("all");
        assertThat(value(Argument.symbolOrAll(), "all")).isEqualTo("all");
        assertThat(problem(Argument.symbolOrAll(), "al!"))
                .isEqualTo("\"al!\" is not a symbol; write it like BTC/USDT, or all.");
        assertThat(value(Argument.symbolOrAll(), "every")).isEqualTo("EVERY");
    }

    @ParameterizedTest
    @CsvSource({
            "25, 25",
            "25.50, 25.5",
            "100, 100",
            "0.5, 0.5",
            ".5, 0.5",
            "+7, 7",
            "1e2, 100",
            "12345678901234567890, 12345678901234567890",
            "0.0000000000000000000000000001, 0.0000000000000000000000000001",
            "1e-30, 0.000000000000000000000000000001"
    })
    void anAmountIsAPositiveDecimalWithoutItsTrailingZeros(String text, String amount) {
        Object read = value(Argument.amount(), text);

        assertThat(read).isEqualTo(new BigDecimal(amount));
        assertThat(((BigDecimal) read).toPlainString()).isEqualTo(amount);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-5", "abc", "1,5", "NaN", "Infinity", "1e400", "0x10",
            "123456789012345678901", "1e-31", "1234567890123456789012345678901"})
    void anAmountThatIsNotPositiveOrNotOfSaneSizeIsRefused(String text) {
        assertThat(problem(Argument.amount(), text))
                .isEqualTo("The amount must be a positive number, such as 25 or 12.5; got \"" + text + "\".");
    }

    @ParameterizedTest
    @CsvSource({
            "5m, PT5M",
            "30m, PT30M",
            "90M, PT1H30M",
            "4h, PT4H",
            "4H, PT4H",
            "2d, PT48H",
            "7d, PT168H",
            "10080m, PT168H"
    })
    void aDurationIsAWholeNumberOfMinutesHoursOrDaysWithinItsBounds(String text, Duration duration) {
        assertThat(value(Argument.duration(Duration.ofMinutes(5), Duration.ofDays(7)), text)).isEqualTo(duration);
    }

    @ParameterizedTest
    @ValueSource(strings = {"30", "m", "1.5h", "30s", "-1h", "1w", "4 h", "1234567m", "h4"})
    void aDurationWithoutItsUnitOrNotWholeIsRefused(String text) {
        assertThat(problem(Argument.duration(Duration.ofMinutes(5), Duration.ofDays(7)), text))
                .isEqualTo("The duration must be a whole number and a unit (m, h or d), such as 30m, 4h or 2d; got \""
                        + text + "\".");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0m", "4m", "8d", "169h", "10081m"})
    void aDurationOutsideItsBoundsIsRefusedWithTheBounds(String text) {
        assertThat(problem(Argument.duration(Duration.ofMinutes(5), Duration.ofDays(7)), text))
                .isEqualTo("The duration must be from 5m to 7d; got \"" + text + "\".");
        assertThat(problem(Argument.duration(Duration.ofMinutes(90), Duration.ofHours(36)), "1h"))
                .isEqualTo("The duration must be from 90m to 36h; got \"1h\".");
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "50, 50", "007, 7"})
    void aCountIsAWholeNumberFromOneToItsMaximum(String text, int count) {
        assertThat(value(Argument.count(50), text)).isEqualTo(count);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "51", "-1", "+1", "abc", "1.0", "1e1", "9999999999", "99999999999999999999"})
    void aCountOutsideItsRangeOrNotWholeIsRefusedWithTheRange(String text) {
        assertThat(problem(Argument.count(50), text))
                .isEqualTo("The count must be a whole number from 1 to 50; got \"" + text + "\".");
    }

    @Test
    void aBotNameIsKeptAsTypedAndAllMeansEveryBot() {
        assertThat(value(Argument.botOrAll(), "Alpha-1")).isEqualTo("Alpha-1");
        assertThat(value(Argument.botOrAll(), "ALL")).isEqualTo("all");
    }

    @Test
    void aLongWrongArgumentIsQuotedShortened() {
        String pasted = "x".repeat(100);

        assertThat(problem(Argument.amount(), pasted)).isEqualTo("The amount must be a positive number, such as 25 "
                + "or 12.5; got \"" + "x".repeat(40) + "…\".");
    }

    @Test
    void theUsageWritesAnOptionalArgumentInBrackets() {
        assertThat(Argument.symbol().usage()).isEqualTo("SYMBOL");
        assertThat(Argument.symbol().optional().usage()).isEqualTo("[SYMBOL]");
        assertThat(Argument.symbolOrAll().usage()).isEqualTo("SYMBOL|all");
        assertThat(Argument.amount().optional().usage()).isEqualTo("[AMOUNT]");
        assertThat(Argument.duration(Duration.ofMinutes(1), Duration.ofDays(1)).usage()).isEqualTo("DURATION");
        assertThat(Argument.count(10).optional().usage()).isEqualTo("[COUNT]");
        assertThat(Argument.botOrAll().optional().usage()).isEqualTo("[NAME|all]");
        assertThat(Argument.symbol().optional().required()).isFalse();
        assertThat(Argument.symbol().required()).isTrue();
    }

    @Test
    void boundsThatCannotHoldAreRefusedWhereTheyAreDeclared() {
        assertThatThrownBy(() -> Argument.duration(Duration.ofSeconds(30), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a duration's bounds are whole minutes, at least one, the shorter first; got PT30S and "
                        + "PT1H");
        assertThatThrownBy(() -> Argument.duration(Duration.ofHours(2), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Argument.duration(Duration.ofMinutes(1), Duration.ofSeconds(90)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Argument.count(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a count's maximum must be at least 1, got 0");
    }
}
