package com.byninja.telegram.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.protocol.commands.Command;
import com.byninja.protocol.commands.CommandCatalogue;
import com.byninja.protocol.commands.HandledBy;
import com.byninja.protocol.commands.Role;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

class CommandParserTest {

    /** Each text, and the command it is read as, written again as the parser reads it. */
    @ParameterizedTest
    @CsvSource({
            "/starttrading, /starttrading",
            "/stoptrading btc/usdt, /stoptrading BTC/USDT",
            "/enablebuy ETH/USDT, /enablebuy ETH/USDT",
            "/disablebuy, /disablebuy",
            "/enablesell SOL/USDT, /enablesell SOL/USDT",
            "/disablesell, /disablesell",
            "/forcesell ALL, /forcesell all",
            "/forcesell eth/btc, /forcesell ETH/BTC",
            "/forcesell btc-usdt, /forcesell BTC/USDT",
            "/enablebuy eth_usdt, /enablebuy ETH/USDT",
            "/stats btcusdt, /stats BTCUSDT",
            "/stats, /stats",
            "/stats BTC/USDT, /stats BTC/USDT",
            "/status, /status",
            "/STATUS@ByNinjaBot, /status",
            "/ForceBuy@OurBot btc-usdt 25, /forcebuy BTC/USDT 25",
            "'  /stats@ByNinjaBot   btc/usdt  ', /stats BTC/USDT"
    })
    void readsEveryBotCommandWithItsSymbol(String text, String read) {
        assertThat(CommandParser.parse(text)).isInstanceOfSatisfying(Input.ForBot.class,
                forBot -> assertThat(forBot.command().text()).isEqualTo(read));
    }

    @Test
    void forcebuyTakesAnOptionalPositiveAmount() {
        assertThat(CommandParser.parse("/forcebuy BTC/USDT")).isInstanceOfSatisfying(Input.ForBot.class, forBot -> {
            assertThat(forBot.command().command()).isSameAs(Command.FORCEBUY);
            assertThat(forBot.command().symbol()).contains("BTC/USDT");
            assertThat(forBot.command().amount()).isEmpty();
        });
        assertThat(CommandParser.parse("/forcebuy BTC/USDT 25.50")).isInstanceOfSatisfying(Input.ForBot.class,
                forBot -> assertThat(forBot.command().amount()).contains(new BigDecimal("25.5")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "abc", "1,5", "NaN", "1e400", "12345678901234567890123456789012"})
    void forcebuyRefusesAnAmountThatIsNotAPositiveNumber(String amount) {
        assertThat(CommandParser.parse("/forcebuy BTC/USDT " + amount)).isEqualTo(new Input.Invalid(
                "The amount must be a positive number, such as 25 or 12.5; got \"" + amount + "\". Usage: /forcebuy "
                        + "SYMBOL [AMOUNT]"));
    }

    /** The trading bot answers the same frames with the same words: CommandHandlerTest has these texts too. */
    @ParameterizedTest
    @CsvSource(delimiter = '~', value = {
            "/forcebuy ~ /forcebuy needs a symbol. Usage: /forcebuy SYMBOL [AMOUNT]",
            "/forcebuy BTC/USDT -5 ~ The amount must be a positive number, such as 25 or 12.5; got \"-5\". Usage: "
                    + "/forcebuy SYMBOL [AMOUNT]",
            "/forcebuy $BTC ~ \"$BTC\" is not a symbol; write it like BTC/USDT. Usage: /forcebuy SYMBOL [AMOUNT]",
            "/forcesell ~ /forcesell needs a symbol or all. Usage: /forcesell SYMBOL|all",
            "/forcesell BTC/USDT ETH/USDT ~ Too many arguments. Usage: /forcesell SYMBOL|all",
            "/forcesell a+b ~ \"a+b\" is not a symbol; write it like BTC/USDT, or all. Usage: /forcesell SYMBOL|all",
            "/forcebuy all ~ \"all\" is not a symbol; write it like BTC/USDT. Usage: /forcebuy SYMBOL [AMOUNT]",
            "/status BTC/USDT ~ /status takes no arguments. Usage: /status",
            "/status now ~ /status takes no arguments. Usage: /status",
            "/starttrading BTC/USDT/EUR ~ \"BTC/USDT/EUR\" is not a symbol; write it like BTC/USDT. Usage: "
                    + "/starttrading [SYMBOL]",
            "/stats all ~ \"all\" is not a symbol; write it like BTC/USDT. Usage: /stats [SYMBOL]",
            "/enablesell $BTC ~ \"$BTC\" is not a symbol; write it like BTC/USDT. Usage: /enablesell [SYMBOL]",
            "/stats BTC/USDT now ~ Too many arguments. Usage: /stats [SYMBOL]",
            "/bots now ~ /bots takes no arguments. Usage: /bots",
            "/help me ~ /help takes no arguments. Usage: /help",
            "/use a b ~ Too many arguments. Usage: /use [NAME|all]"
    })
    void wrongArgumentsGetWhatIsWrongAndTheUsageLine(String text, String answer) {
        assertThat(CommandParser.parse(text)).isEqualTo(new Input.Invalid(answer));
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
        assertThat(CommandParser.parse("/use ALL")).isEqualTo(new Input.Use("all"));
    }

    @Test
    void everyCommandTheCatalogueDeclaresForThisServerHasItsAnswer() {
        assertThat(CommandCatalogue.STANDARD.commands(HandledBy.SERVER)).containsExactlyInAnyOrderElementsOf(
                CommandParser.OWN.keySet());
    }

    @Test
    void anUnknownCommandPointsToHelpAndToTheCommandItMostLikelyMeant() {
        assertThat(CommandParser.parse("/moon")).isEqualTo(
                new Input.Invalid("Unknown command /moon. Send /help for the list."));
        assertThat(CommandParser.parse("/stoptradign")).isEqualTo(new Input.Invalid(
                "Unknown command /stoptradign. Did you mean /stoptrading? Send /help for the list."));
        assertThat(CommandParser.parse("/force BTC/USDT")).isEqualTo(new Input.Invalid(
                "Unknown command /force. Did you mean /forcebuy or /forcesell? Send /help for the list."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "", "   ", "/", "status"})
    void textThatIsNotACommandIsRecognised(String text) {
        assertThat(CommandParser.parse(text)).isEqualTo(new Input.NotACommand());
    }

    @Test
    void theHelpIsTheCataloguesAndTheMenuListsEveryCommandButTheAlias() {
        assertThat(Usage.helpText(Role.ADMIN)).isEqualTo(CommandCatalogue.STANDARD.help());
        assertThat(Usage.menu()).extracting(BotCommand::getCommand).containsExactly("status", "stats",
                "chart", "equity", "backtest", "health", "logs", "version", "balance", "profit", "daily", "weekly",
                "monthly", "performance", "positions", "trades", "orders", "starttrading", "stoptrading", "enablebuy",
                "disablebuy", "enablesell", "disablesell", "pause", "reload", "forcebuy", "forcesell", "panic",
                "breakeven", "cancel", "bots", "use", "notify", "audit", "help");
        Optional<BotCommand> forcebuy = Usage.menu().stream().filter(c -> c.getCommand().equals("forcebuy"))
                .findFirst();
        assertThat(forcebuy).map(BotCommand::getDescription).contains("SYMBOL [AMOUNT] - buy now, bypassing the "
                + "strategy but not the hard risk limits; at market unless orders.forced is limit");
    }
}
