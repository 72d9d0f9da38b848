package com.byninja.protocol.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandTest {

    @Test
    void everyUsageLineIsDerivedFromTheArgumentsDeclared() {
        assertThat(CommandCatalogue.STANDARD.commands()).extracting(Command::usage).containsExactly(
                "/status",
                "/stats [SYMBOL]",
                "/chart SYMBOL [TIMEFRAME] [CANDLES]",
                "/equity [DAYS]",
                "/health",
                "/logs [N]",
                "/version",
                "/starttrading [SYMBOL]",
                "/stoptrading [SYMBOL]",
                "/enablebuy [SYMBOL]",
                "/disablebuy [SYMBOL]",
                "/enablesell [SYMBOL]",
                "/disablesell [SYMBOL]",
                "/pause [SYMBOL] DURATION",
                "/reload",
                "/forcebuy SYMBOL [AMOUNT]",
                "/forcesell SYMBOL|all",
                "/bots",
                "/use [NAME|all]",
                "/help");
    }

    @Test
    void readingNeedsNoRoleButSteeringDoes() {
        assertThat(CommandCatalogue.STANDARD.commands()).filteredOn(c -> c.role() == Role.VIEWER)
                .extracting(Command::name).containsExactly("status", "stats", "chart", "equity", "health", "logs",
                        "version", "bots", "use", "help");
        assertThat(CommandCatalogue.STANDARD.commands()).filteredOn(c -> c.role() == Role.TRADER)
                .extracting(Command::name).containsExactly("starttrading", "stoptrading", "enablebuy", "disablebuy",
                        "enablesell", "disablesell", "pause", "forcebuy", "forcesell");
        assertThat(CommandCatalogue.STANDARD.commands()).filteredOn(c -> c.role() == Role.ADMIN)
                .containsExactly(Command.RELOAD);
    }

    @Test
    void theServerAnswersHelpBotsAndUseItselfAndTheBotsEverythingElse() {
        assertThat(CommandCatalogue.STANDARD.commands(HandledBy.SERVER)).extracting(Command::name)
                .containsExactly("bots", "use", "help");
        assertThat(Command.HELP.aliases()).containsExactly("start");
    }

    @Test
    void onlyAGlobalStoptradingAndAForcesellOfAllAreDangerous() {
        assertThat(ParsedCommand.of(Command.STOPTRADING).dangerous()).isTrue();
        assertThat(new ParsedCommand(Command.STOPTRADING, Map.of(ArgumentKind.SYMBOL, "BTC/USDT")).dangerous())
                .isFalse();
        assertThat(new ParsedCommand(Command.FORCESELL, Map.of(ArgumentKind.SYMBOL_OR_ALL, "all")).dangerous())
                .isTrue();
        assertThat(new ParsedCommand(Command.FORCESELL, Map.of(ArgumentKind.SYMBOL_OR_ALL, "BTC/USDT")).dangerous())
                .isFalse();
        assertThat(ParsedCommand.of(Command.DISABLEBUY).dangerous()).isFalse();
        assertThat(ParsedCommand.of(Command.STARTTRADING).dangerous()).isFalse();
        assertThat(new ParsedCommand(Command.FORCEBUY, Map.of(ArgumentKind.SYMBOL, "BTC/USDT")).dangerous()).isFalse();
        assertThat(CommandCatalogue.STANDARD.commands()).filteredOn(c -> c.danger() != Command.Danger.NEVER)
                .containsExactly(Command.STOPTRADING, Command.FORCESELL);
    }

    @Test
    void aParsedCommandSaysItsValuesAndIsWrittenAgainAsTheParserReadsIt() {
        ParsedCommand buy = new ParsedCommand(Command.FORCEBUY, Map.of(ArgumentKind.SYMBOL, "BTC/USDT",
                ArgumentKind.AMOUNT, new BigDecimal("25.5")));

        assertThat(buy.symbol()).contains("BTC/USDT");
        assertThat(buy.amount()).contains(new BigDecimal("25.5"));
        assertThat(buy.all()).isFalse();
        assertThat(buy.duration()).isEmpty();
        assertThat(buy.count()).isEmpty();
        assertThat(buy.botName()).isEmpty();
        assertThat(buy.text()).isEqualTo("/forcebuy BTC/USDT 25.5");
        ParsedCommand sellAll = new ParsedCommand(Command.FORCESELL, Map.of(ArgumentKind.SYMBOL_OR_ALL, "all"));
        assertThat(sellAll.symbol()).isEmpty();
        assertThat(sellAll.all()).isTrue();
        assertThat(sellAll.text()).isEqualTo("/forcesell all");
        assertThat(new ParsedCommand(Command.USE, Map.of(ArgumentKind.BOT_OR_ALL, "alpha")).botName())
                .contains("alpha");
    }

    @Test
    void aParsedCommandMustFitItsDeclaration() {
        assertThatThrownBy(() -> ParsedCommand.of(Command.FORCEBUY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("/forcebuy SYMBOL [AMOUNT] needs its SYMBOL");
        assertThatThrownBy(() -> new ParsedCommand(Command.STATUS, Map.of(ArgumentKind.SYMBOL, "BTC/USDT")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("/status takes no SYMBOL");
    }

    @Test
    void aDeclarationThatCouldNotBeParsedOrRegisteredIsRefused() {
        assertThatThrownBy(() -> Command.forBot("Force-Buy", Group.ORDERS, Role.TRADER, "buy"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a command's name is 1 to 32 lowercase letters, digits or _, starting with a letter; got "
                        + "\"Force-Buy\"");
        assertThatThrownBy(() -> Command.forBot("x".repeat(33), Group.ORDERS, Role.TRADER, "buy"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Command.forBot("pair", Group.ORDERS, Role.TRADER, "two symbols", Argument.symbol(),
                Argument.symbolOrAll())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("/pair takes two arguments in the symbol field; a frame could not tell them apart");
        assertThatThrownBy(() -> Command.forBot("long", Group.ORDERS, Role.TRADER, "x".repeat(257)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Command.forBot("long", Group.ORDERS, Role.TRADER, "x".repeat(245), Argument.symbol().optional())
                .menuDescription()).hasSize(256);
        assertThatThrownBy(() -> Command.forBot("long", Group.ORDERS, Role.TRADER, "x".repeat(250),
                Argument.symbol().optional())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("/long: the description must say something and fit in 256 characters with "
                        + "the arguments: \"[SYMBOL] - xxx");
        assertThatThrownBy(() -> Command.forBot("quiet", Group.ORDERS, Role.TRADER, " ")).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> Command.forBot("sell", Group.ORDERS, Role.TRADER, "sell", Argument.symbol())
                .dangerous(Command.Danger.FOR_ALL)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("/sell is dangerous FOR_ALL but takes no such symbol");
        assertThatThrownBy(() -> Command.forBot("halt", Group.ORDERS, Role.TRADER, "halt")
                .dangerous(Command.Danger.WITHOUT_SYMBOL)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Command.HELP.alsoCalled("Start!")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Command.forBot("window", Group.STATUS, Role.VIEWER, "two durations",
                Argument.duration(Duration.ofMinutes(1), Duration.ofHours(1)),
                Argument.duration(Duration.ofMinutes(1), Duration.ofHours(1)))).isInstanceOf(
                IllegalArgumentException.class);
    }
}
