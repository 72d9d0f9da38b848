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
                "/backtest [SYMBOL] [DAYS]",
                "/health",
                "/logs [N]",
                "/version",
                "/balance",
                "/profit [SYMBOL] [DAYS]",
                "/daily [DAYS]",
                "/weekly [WEEKS]",
                "/monthly [MONTHS]",
                "/performance",
                "/positions [SYMBOL]",
                "/trades [SYMBOL] [COUNT]",
                "/orders",
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
                "/panic",
                "/breakeven SYMBOL",
                "/cancel SYMBOL",
                "/bots",
                "/use [NAME|all]",
                "/notify [TOPIC|quiet|digest] [VALUE]",
                "/audit [LINES]",
                "/help");
    }

    @Test
    void readingNeedsNoRoleSteeringNeedsATraderAndAnEmergencyOrTheAuditAnAdmin() {
        assertThat(CommandCatalogue.STANDARD.commands()).filteredOn(c -> c.role() == Role.VIEWER)
                .extracting(Command::name).containsExactly("status", "stats", "chart", "equity", "health", "logs",
                        "version", "balance", "profit", "daily", "weekly", "monthly", "performance", "positions",
                        "trades", "orders", "bots", "use", "notify", "help");
        assertThat(CommandCatalogue.STANDARD.commands()).filteredOn(c -> c.role() == Role.TRADER)
                .extracting(Command::name).containsExactly("backtest", "starttrading", "stoptrading", "enablebuy",
                        "disablebuy", "enablesell", "disablesell", "pause", "forcebuy", "forcesell", "breakeven",
                        "cancel");
        assertThat(CommandCatalogue.STANDARD.commands()).filteredOn(c -> c.role() == Role.ADMIN)
                .extracting(Command::name).containsExactly("reload", "panic", "audit");
    }

    @Test
    void aStoptradingOfEverySymbolNeedsAnAdminAndOfOneSymbolATrader() {
        assertThat(ParsedCommand.of(Command.STOPTRADING).role()).isEqualTo(Role.ADMIN);
        assertThat(new ParsedCommand(Command.STOPTRADING, Map.of(ArgumentKind.SYMBOL, "BTC/USDT")).role())
                .isEqualTo(Role.TRADER);
        assertThat(new ParsedCommand(Command.FORCESELL, Map.of(ArgumentKind.SYMBOL_OR_ALL, "all")).role())
                .isEqualTo(Role.TRADER);
        assertThat(new ParsedCommand(Command.FORCEBUY, Map.of(ArgumentKind.SYMBOL, "BTC/USDT",
                ArgumentKind.AMOUNT, new BigDecimal("5000"))).role()).isEqualTo(Role.TRADER);
        assertThat(ParsedCommand.of(Command.PANIC).role()).isEqualTo(Role.ADMIN);
        assertThat(ParsedCommand.of(Command.STATUS).role()).isEqualTo(Role.VIEWER);
    }

    @Test
    void theServerAnswersHelpBotsUseAndAuditItselfAndTheBotsEverythingElse() {
        assertThat(CommandCatalogue.STANDARD.commands(HandledBy.SERVER)).extracting(Command::name)
                .containsExactly("bots", "use", "notify", "audit", "help");
        assertThat(Command.HELP.aliases()).containsExactly("start");
    }

    @Test
    void aForcebuyIsDangerousOnlyAboveTheLimitGivenAndNeverWithoutAnAmountOrALimit() {
        ParsedCommand big = new ParsedCommand(Command.FORCEBUY, Map.of(ArgumentKind.SYMBOL, "BTC/USDT",
                ArgumentKind.AMOUNT, new BigDecimal("100.01")));
        ParsedCommand atLimit = new ParsedCommand(Command.FORCEBUY, Map.of(ArgumentKind.SYMBOL, "BTC/USDT",
                ArgumentKind.AMOUNT, new BigDecimal("100")));
        ParsedCommand stake = new ParsedCommand(Command.FORCEBUY, Map.of(ArgumentKind.SYMBOL, "BTC/USDT"));

        assertThat(big.dangerous(new BigDecimal("100"))).isTrue();
        assertThat(atLimit.dangerous(new BigDecimal("100"))).isFalse();
        assertThat(stake.dangerous(new BigDecimal("100"))).isFalse();
        assertThat(big.dangerous(BigDecimal.ZERO)).as("0 means never").isFalse();
        assertThat(big.dangerous(null)).isFalse();
        assertThat(big.dangerous()).isFalse();
        assertThat(ParsedCommand.of(Command.PANIC).dangerous(BigDecimal.ZERO)).isTrue();
        assertThat(ParsedCommand.of(Command.STOPTRADING).dangerous(new BigDecimal("100"))).isTrue();
    }

    @Test
    void onlyAGlobalStoptradingAForcesellOfAllAPanicAndABigForcebuyAreDangerous() {
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
        assertThat(ParsedCommand.of(Command.PANIC).dangerous()).isTrue();
        assertThat(CommandCatalogue.STANDARD.commands()).filteredOn(c -> c.danger() != Command.Danger.NEVER)
                .containsExactly(Command.STOPTRADING, Command.FORCEBUY, Command.FORCESELL, Command.PANIC);
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
        assertThatThrownBy(() -> Command.forBot("buy", Group.ORDERS, Role.TRADER, "buy", Argument.symbol())
                .dangerous(Command.Danger.ABOVE_AMOUNT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("/buy is dangerous ABOVE_AMOUNT but takes no amount");
        assertThatThrownBy(() -> Command.forBot("halt", Group.ORDERS, Role.ADMIN, "halt")
                .dangerous(Command.Danger.ALWAYS, Role.TRADER)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("/halt needs the ADMIN role, and when dangerous TRADER: at least as much, and the same "
                        + "when an amount makes it dangerous");
        assertThatThrownBy(() -> Command.forBot("buy", Group.ORDERS, Role.TRADER, "buy", Argument.amount())
                .dangerous(Command.Danger.ABOVE_AMOUNT, Role.ADMIN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Command.HELP.alsoCalled("Start!")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Command.forBot("window", Group.STATUS, Role.VIEWER, "two durations",
                Argument.duration(Duration.ofMinutes(1), Duration.ofHours(1)),
                Argument.duration(Duration.ofMinutes(1), Duration.ofHours(1)))).isInstanceOf(
                IllegalArgumentException.class);
    }
}
