package com.byninja.telegram.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.protocol.Command;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParserTest {

    @ParameterizedTest
    @CsvSource({
            "/starttrading, STARTTRADING, ",
            "/stoptrading btc/usdt, STOPTRADING, BTC/USDT",
            "/enablebuy ETH/USDT, ENABLEBUY, ETH/USDT",
            "/disablebuy, DISABLEBUY, ",
            "/enablesell SOL/USDT, ENABLESELL, SOL/USDT",
            "/disablesell, DISABLESELL, ",
            "/forcesell ALL, FORCESELL, all",
            "/forcesell eth/btc, FORCESELL, ETH/BTC",
            "/forcesell btc-usdt, FORCESELL, BTC/USDT",
            "/enablebuy eth_usdt, ENABLEBUY, ETH/USDT",
            "/stats btcusdt, STATS, BTCUSDT",
            "/stats, STATS, ",
            "/stats BTC/USDT, STATS, BTC/USDT",
            "/status, STATUS, ",
            "/STATUS@ByNinjaBot, STATUS, ",
            "'  /stats@ByNinjaBot   btc/usdt  ', STATS, BTC/USDT"
    })
    void readsEveryBotCommandWithItsSymbol(String text, Command command, String symbol) {
        assertThat(CommandParser.parse(text)).isEqualTo(new Input.ForBot(command, symbol, null));
    }

    @Test
    void forcebuyTakesAnOptionalPositiveAmount() {
        assertThat(CommandParser.parse("/forcebuy BTC/USDT"))
                .isEqualTo(new Input.ForBot(Command.FORCEBUY, "BTC/USDT", null));
        assertThat(CommandParser.parse("/forcebuy BTC/USDT 25.50"))
                .isEqualTo(new Input.ForBot(Command.FORCEBUY, "BTC/USDT", new BigDecimal("25.5")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "abc", "1,5", "NaN", "1e400", "12345678901234567890123456789012"})
    void forcebuyRefusesAnAmountThatIsNotAPositiveNumber(String amount) {
        assertThat(CommandParser.parse("/forcebuy BTC/USDT " + amount))
                .isInstanceOfSatisfying(Input.Invalid.class, invalid -> assertThat(invalid.message())
                        .contains("positive number").endsWith("Usage: /forcebuy SYMBOL [AMOUNT]"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "/forcebuy ; needs a symbol ; /forcebuy SYMBOL [AMOUNT]",
            "/forcesell ; needs a symbol ; /forcesell SYMBOL|all",
            "/forcesell BTC/USDT ETH/USDT ; Too many arguments ; /forcesell SYMBOL|all",
            "/forcebuy all ; is not a symbol ; /forcebuy SYMBOL [AMOUNT]",
            "/status BTC/USDT ; takes no arguments ; /status",
            "/starttrading BTC/USDT/EUR ; is not a symbol ; /starttrading [SYMBOL]",
            "/stats all ; is not a symbol ; /stats [SYMBOL]",
            "/enablesell $BTC ; is not a symbol ; /enablesell [SYMBOL]",
            "/stats BTC/USDT now ; Too many arguments ; /stats [SYMBOL]",
            "/bots now ; takes no arguments ; /bots",
            "/use a b ; one bot name ; /use NAME | /use all"
    })
    void wrongArgumentsGetTheUsageLine(String text, String problem, String usage) {
        assertThat(CommandParser.parse(text)).isInstanceOfSatisfying(Input.Invalid.class,
                invalid -> assertThat(invalid.message()).contains(problem).endsWith("Usage: " + usage));
    }

    @Test
    void startAndHelpShowTheHelp() {
        assertThat(CommandParser.parse("/start")).isEqualTo(new Input.Help());
        assertThat(CommandParser.parse("/help@ByNinjaBot")).isEqualTo(new Input.Help());
    }

    @Test
    void botsAndUseAreUnderstood() {
        assertThat(CommandParser.parse("/bots")).isEqualTo(new Input.ListBots());
        assertThat(CommandParser.parse("/use")).isEqualTo(new Input.Use(null));
        assertThat(CommandParser.parse("/use alpha")).isEqualTo(new Input.Use("alpha"));
        assertThat(CommandParser.parse("/use all")).isEqualTo(new Input.Use("all"));
    }

    @Test
    void anUnknownCommandPointsToHelp() {
        assertThat(CommandParser.parse("/moon")).isEqualTo(
                new Input.Invalid("Unknown command /moon. Send /help for the list."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "", "   ", "/", "status"})
    void textThatIsNotACommandIsRecognised(String text) {
        assertThat(CommandParser.parse(text)).isEqualTo(new Input.NotACommand());
    }

    @Test
    void theHelpAndMenuListEveryCommand() {
        String help = Usage.helpText();
        for (Command command : Command.values()) {
            assertThat(help).contains(Usage.of(command));
        }
        assertThat(Usage.menu()).extracting(c -> c.getCommand())
                .contains("starttrading", "forcebuy", "status", "bots", "use", "help")
                .doesNotContain("start");
    }
}
