package com.byninja.protocol.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Index.atIndex;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandCatalogueTest {
    private static final CommandCatalogue COMMANDS = CommandCatalogue.STANDARD;

    /** A command of a later day, declared once: the catalogue reads it, writes its usage, help and menu entry. */
    private static final Command TRADES = Command.forBot("trades", Group.STATUS, Role.VIEWER,
            "the last trades, over a window", Argument.duration(Duration.ofMinutes(5), Duration.ofDays(7)),
            Argument.symbol().optional(), Argument.count(50).optional());

    private static ParsedCommand parsed(CommandCatalogue catalogue, String text) {
        ParseResult result = catalogue.parse(text);
        assertThat(result).isInstanceOf(ParsedCommand.class);
        return (ParsedCommand) result;
    }

    @Test
    void readsACommandWrittenAnyWayAPersonWritesIt() {
        ParsedCommand buy = parsed(COMMANDS, "  /ForceBuy@OurBot   btc-usdt\t25  ");

        assertThat(buy.command()).isSameAs(Command.FORCEBUY);
        assertThat(buy.symbol()).contains("BTC/USDT");
        assertThat(buy.amount()).contains(new BigDecimal("25"));
        assertThat(buy).isEqualTo(new ParsedCommand(Command.FORCEBUY, Map.of(ArgumentKind.SYMBOL, "BTC/USDT",
                ArgumentKind.AMOUNT, new BigDecimal("25"))));
        assertThat(parsed(COMMANDS, "/START").command()).isSameAs(Command.HELP);
        assertThat(parsed(COMMANDS, "/status@SomeBot").command()).isSameAs(Command.STATUS);
        assertThat(parsed(COMMANDS, "/use").botName()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "", "   ", "/", "  /  ", "status", "status /help"})
    void textNotStartingWithASlashAndANameIsNoCommand(String text) {
        assertThat(COMMANDS.parse(text)).isEqualTo(new NotACommand());
        assertThat(COMMANDS.parse(null)).isEqualTo(new NotACommand());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '~', value = {
            "/forcebuy ~ missing_symbol ~ /forcebuy needs a symbol. Usage: /forcebuy SYMBOL [AMOUNT]",
            "/forcesell ~ missing_symbol ~ /forcesell needs a symbol or all. Usage: /forcesell SYMBOL|all",
            "/forcebuy BTC/USDT 25 more ~ bad_arguments ~ Too many arguments. Usage: /forcebuy SYMBOL [AMOUNT]",
            "/status now ~ bad_arguments ~ /status takes no arguments. Usage: /status",
            "/forcebuy BTC/USDT/EUR ~ bad_symbol ~ \"BTC/USDT/EUR\" is not a symbol; write it like BTC/USDT. Usage: "
                    + "/forcebuy SYMBOL [AMOUNT]",
            "/forcesell s*me ~ bad_symbol ~ \"s*me\" is not a symbol; write it like BTC/USDT, or all. Usage: "
                    + "/forcesell SYMBOL|all",
            "/forcebuy BTC/USDT 1,5 ~ bad_amount ~ The amount must be a positive number, such as 25 or 12.5; got "
                    + "\"1,5\". Usage: /forcebuy SYMBOL [AMOUNT]",
            "/forcebuy ETH 0 ~ bad_amount ~ The amount must be a positive number, such as 25 or 12.5; got \"0\". "
                    + "Usage: /forcebuy SYMBOL [AMOUNT]",
            "/use alpha beta ~ bad_arguments ~ Too many arguments. Usage: /use [NAME|all]"
    })
    void everyErrorSaysWhatWasWrongAndEndsWithTheUsage(String text, String code, String message) {
        assertThat(COMMANDS.parse(text)).isEqualTo(new ParseError(code, message));
    }

    @Test
    void tooManyArgumentsAreCountedBeforeAnyIsRead() {
        assertThat(COMMANDS.parse("/stats all now")).isEqualTo(new ParseError("bad_arguments",
                "Too many arguments. Usage: /stats [SYMBOL]"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '~', value = {
            "/moon ~ Unknown command /moon. Send /help for the list.",
            "/MOON@OurBot ~ Unknown command /moon. Send /help for the list.",
            "/stauts ~ Unknown command /stauts. Did you mean /status or /stats? Send /help for the list.",
            "/sttaus ~ Unknown command /sttaus. Did you mean /status? Send /help for the list.",
            "/stoptradign BTC/USDT ~ Unknown command /stoptradign. Did you mean /stoptrading? Send /help for the list.",
            "/force ~ Unknown command /force. Did you mean /forcebuy or /forcesell? Send /help for the list.",
            "/bot ~ Unknown command /bot. Did you mean /bots? Send /help for the list.",
            "/halp ~ Unknown command /halp. Did you mean /help? Send /help for the list.",
            "/strat ~ Unknown command /strat. Did you mean /stats? Send /help for the list.",
            "/buy ~ Unknown command /buy. Send /help for the list.",
            "/@OurBot ~ Unknown command /. Send /help for the list.",
            "/ status ~ Unknown command /. Send /help for the list."
    })
    void anUnknownCommandGetsOneAnswerNamingTheCommandsItWasCloseTo(String text, String message) {
        assertThat(COMMANDS.parse(text)).isEqualTo(new ParseError("unknown_command", message));
    }

    @Test
    void anUnknownNameIsRepeatedOnlySoFar() {
        assertThat(COMMANDS.parse("/" + "z".repeat(100))).isEqualTo(new ParseError("unknown_command",
                "Unknown command /" + "z".repeat(32) + "…. Send /help for the list."));
    }

    @Test
    void aFrameIsReadFromItsFieldsAndTheWordsOfItsMessageAlike() {
        ParsedCommand fromFields = (ParsedCommand) COMMANDS.parseFrame("forcebuy", "BTC/USDT",
                Map.of("amount", "25.50"));
        ParsedCommand fromWords = (ParsedCommand) COMMANDS.parseFrame("/forcebuy btc/usdt 25.5", null, Map.of());
        ParsedCommand mixed = (ParsedCommand) COMMANDS.parseFrame("forcebuy 25.5", "btcusdt", Map.of());

        assertThat(fromFields).isEqualTo(fromWords);
        assertThat(fromFields.text()).isEqualTo("/forcebuy BTC/USDT 25.5");
        assertThat(mixed.text()).isEqualTo("/forcebuy BTCUSDT 25.5");
        assertThat(COMMANDS.parseFrame("FORCESELL", "ALL", Map.of())).isEqualTo(new ParsedCommand(Command.FORCESELL,
                Map.of(ArgumentKind.SYMBOL_OR_ALL, "all")));
    }

    @Test
    void aFieldTheCommandDoesNotTakeIsOneArgumentTooMany() {
        assertThat(COMMANDS.parseFrame("status", "BTC/USDT", Map.of())).isEqualTo(new ParseError("bad_arguments",
                "/status takes no arguments. Usage: /status"));
        assertThat(COMMANDS.parseFrame("stoptrading", null, Map.of("amount", "5"))).isEqualTo(new ParseError(
                "bad_arguments", "Too many arguments. Usage: /stoptrading [SYMBOL]"));
        assertThat(COMMANDS.parseFrame("forcebuy BTC/USDT 5", "ETH/USDT", Map.of())).isEqualTo(new ParseError(
                "bad_arguments", "Too many arguments. Usage: /forcebuy SYMBOL [AMOUNT]"));
        // The symbol field fills the symbol, so the word after the name is read as the amount.
        assertThat(COMMANDS.parseFrame("forcebuy BTC/USDT", "ETH/USDT", Map.of())).isEqualTo(new ParseError(
                "bad_amount", "The amount must be a positive number, such as 25 or 12.5; got \"BTC/USDT\". Usage: "
                        + "/forcebuy SYMBOL [AMOUNT]"));
        assertThat(COMMANDS.parseFrame("forcebuy", "BTC/USDT", Map.of("symbol", "ETH/USDT"))).isEqualTo(
                new ParseError("bad_arguments", "Too many arguments. Usage: /forcebuy SYMBOL [AMOUNT]"));
    }

    @Test
    void aBlankOrNullFieldIsNoArgument() {
        Map<String, String> data = new HashMap<>();
        data.put("amount", null);
        data.put("count", " ");

        assertThat(COMMANDS.parseFrame(" status ", " ", data)).isEqualTo(ParsedCommand.of(Command.STATUS));
        assertThat(COMMANDS.parseFrame("", null, Map.of())).isEqualTo(new ParseError("unknown_command",
                "Unknown command /. Send /help for the list."));
    }

    @Test
    void theHelpListsEveryCommandUnderItsHeadingAndSaysWhatThePlaceholdersMean() {
        assertThat(COMMANDS.help()).isEqualTo("""
                ByNinja commands (SYMBOL like BTC/USDT; TIMEFRAME like 15m or 4h; DURATION like 30m, 4h or 2d; \
                AMOUNT in the quote currency, like 25; NAME a trading bot's name):

                Status
                /status - mode, switches, positions with PnL and stops, equity and its change today
                /stats [SYMBOL] - trades, win rate, PnL, fees and drawdown, today and all time
                /chart SYMBOL [TIMEFRAME] [CANDLES] - a picture of a symbol's last candles (the bot's own timeframe, \
                or a multiple of it) with its trades and its position's stop and target
                /equity [DAYS] - a picture of the equity over the last days (30 unless said), with its drawdown
                /health - the link, the exchange's latency, queue depths, drops and errors
                /logs [N] - the bot's last N warning and error lines (20 unless said, at most 100)
                /version - the bot's version and build, Java, uptime and database schema

                Trading control
                /starttrading [SYMBOL] - let the strategy trade again, globally or for one symbol
                /stoptrading [SYMBOL] - stop the strategy's entries and exits, globally or for one symbol; stop-loss, \
                take-profit and trailing stop keep protecting positions
                /enablebuy [SYMBOL] - let the strategy open positions, globally or for one symbol
                /disablebuy [SYMBOL] - stop the strategy's entries, globally or for one symbol; exits go on
                /enablesell [SYMBOL] - let the strategy close positions, globally or for one symbol
                /disablesell [SYMBOL] - stop the strategy's exits, globally or for one symbol; stop-loss, take-profit \
                and trailing stop still sell
                /pause [SYMBOL] DURATION - no strategy buys for DURATION, globally or for one symbol, then buying \
                resumes by itself; exits go on
                /reload - read the configuration file again: apply risk, protections and strategy settings now, list \
                what needs a restart

                Orders
                /forcebuy SYMBOL [AMOUNT] - buy now at market, bypassing the strategy but not the hard risk limits
                /forcesell SYMBOL|all - close a position at market (a symbol, or all)

                Link
                /bots - the connected trading bots, with address and uptime
                /use [NAME|all] - pick the bot your commands go to (alone: show it); all sends the commands that only \
                read (/status, /stats, /chart, /equity) to every bot

                Help
                /help (or /start) - this list of commands""");
    }

    @Test
    void theMenuHasEveryCommandInTheOrderOfTheHelpWithItsArgumentsButNotTheAlias() {
        assertThat(COMMANDS.menu()).containsExactly(
                new MenuEntry("status", "mode, switches, positions with PnL and stops, equity and its change today"),
                new MenuEntry("stats", "[SYMBOL] - trades, win rate, PnL, fees and drawdown, today and all time"),
                new MenuEntry("chart", "SYMBOL [TIMEFRAME] [CANDLES] - a picture of a symbol's last candles (the "
                        + "bot's own timeframe, or a multiple of it) with its trades and its position's stop and "
                        + "target"),
                new MenuEntry("equity", "[DAYS] - a picture of the equity over the last days (30 unless said), with "
                        + "its drawdown"),
                new MenuEntry("health", "the link, the exchange's latency, queue depths, drops and errors"),
                new MenuEntry("logs", "[N] - the bot's last N warning and error lines (20 unless said, at most 100)"),
                new MenuEntry("version", "the bot's version and build, Java, uptime and database schema"),
                new MenuEntry("starttrading", "[SYMBOL] - let the strategy trade again, globally or for one symbol"),
                new MenuEntry("stoptrading", "[SYMBOL] - stop the strategy's entries and exits, globally or for one "
                        + "symbol; stop-loss, take-profit and trailing stop keep protecting positions"),
                new MenuEntry("enablebuy", "[SYMBOL] - let the strategy open positions, globally or for one symbol"),
                new MenuEntry("disablebuy", "[SYMBOL] - stop the strategy's entries, globally or for one symbol; "
                        + "exits go on"),
                new MenuEntry("enablesell", "[SYMBOL] - let the strategy close positions, globally or for one symbol"),
                new MenuEntry("disablesell", "[SYMBOL] - stop the strategy's exits, globally or for one symbol; "
                        + "stop-loss, take-profit and trailing stop still sell"),
                new MenuEntry("pause", "[SYMBOL] DURATION - no strategy buys for DURATION, globally or for one "
                        + "symbol, then buying resumes by itself; exits go on"),
                new MenuEntry("reload", "read the configuration file again: apply risk, protections and strategy "
                        + "settings now, list what needs a restart"),
                new MenuEntry("forcebuy", "SYMBOL [AMOUNT] - buy now at market, bypassing the strategy but not the "
                        + "hard risk limits"),
                new MenuEntry("forcesell", "SYMBOL|all - close a position at market (a symbol, or all)"),
                new MenuEntry("bots", "the connected trading bots, with address and uptime"),
                new MenuEntry("use", "[NAME|all] - pick the bot your commands go to (alone: show it); all sends the "
                        + "commands that only read (/status, /stats, /chart, /equity) to every bot"),
                new MenuEntry("help", "this list of commands"));
    }

    @Test
    void aNewCommandIsOneDeclaration() {
        CommandCatalogue more = COMMANDS.with(TRADES);

        assertThat(TRADES.usage()).isEqualTo("/trades DURATION [SYMBOL] [COUNT]");
        ParsedCommand trades = parsed(more, "/Trades 4h btc-usdt 20");
        assertThat(trades.command()).isSameAs(TRADES);
        assertThat(trades.duration()).contains(Duration.ofHours(4));
        assertThat(trades.symbol()).contains("BTC/USDT");
        assertThat(trades.count()).hasValue(20);
        assertThat(trades.text()).isEqualTo("/trades 4h BTC/USDT 20");
        assertThat(parsed(more, "/trades 90m").text()).isEqualTo("/trades 90m");
        assertThat(parsed(more, "/trades 1440m").text()).isEqualTo("/trades 1d");
        assertThat(more.parse("/trades")).isEqualTo(new ParseError("missing_duration",
                "/trades needs a duration. Usage: /trades DURATION [SYMBOL] [COUNT]"));
        assertThat(more.parse("/trades 8d")).isEqualTo(new ParseError("bad_duration",
                "The duration must be from 5m to 7d; got \"8d\". Usage: /trades DURATION [SYMBOL] [COUNT]"));
        assertThat(more.parse("/trades 1h BTC/USDT 51")).isEqualTo(new ParseError("bad_count",
                "The count must be a whole number from 1 to 50; got \"51\". Usage: /trades DURATION [SYMBOL] "
                        + "[COUNT]"));
        assertThat(more.parseFrame("trades", "ETH/USDT", Map.of("duration", "2d", "count", "5"))).isEqualTo(
                new ParsedCommand(TRADES, Map.of(ArgumentKind.DURATION, Duration.ofDays(2), ArgumentKind.SYMBOL,
                        "ETH/USDT", ArgumentKind.COUNT, 5)));
        assertThat(more.help()).startsWith("ByNinja commands (SYMBOL like BTC/USDT; TIMEFRAME like 15m or 4h; "
                + "DURATION like 30m, 4h or 2d; COUNT a whole number; AMOUNT in the quote currency, like 25; NAME a "
                + "trading bot's name):\n\n"
                + "Status\n/status - mode, switches, positions with PnL and stops, equity and its change today\n"
                + "/stats [SYMBOL] - trades, win rate, PnL, fees and drawdown, today and all time\n/chart SYMBOL "
                + "[TIMEFRAME] [CANDLES] - a picture of a symbol's last candles (the bot's own timeframe, or a multiple "
                + "of it) with its trades and its position's stop and target\n/equity [DAYS] - a picture of the equity "
                + "over the last days (30 unless said), with its drawdown\n/health - the link, the exchange's latency, "
                + "queue depths, drops and errors\n/logs [N] - the bot's last N warning and error lines (20 unless "
                + "said, at most 100)\n/version - the bot's version and build, Java, uptime and database schema\n"
                + "/trades DURATION [SYMBOL] [COUNT] - the last trades, over a window\n\nTrading control\n");
        assertThat(more.menu()).contains(new MenuEntry("trades", "DURATION [SYMBOL] [COUNT] - the last trades, over "
                + "a window"), atIndex(7));
        assertThat(more.commands(HandledBy.TRADING_BOT)).contains(TRADES);
        assertThat(COMMANDS.parse("/trades 4h")).isEqualTo(new ParseError("unknown_command",
                "Unknown command /trades. Send /help for the list."));
    }

    @Test
    void anOptionalArgumentLeftOutGivesItsPlaceToTheNextOneThatReadsTheWord() {
        assertThat(parsed(COMMANDS, "/chart btcusdt 15m 200").duration()).contains(Duration.ofMinutes(15));
        ParsedCommand countOnly = parsed(COMMANDS, "/chart btc-usdt 200");
        assertThat(countOnly.duration()).isEmpty();
        assertThat(countOnly.count()).hasValue(200);
        assertThat(countOnly.text()).isEqualTo("/chart BTC/USDT 200");
        assertThat(COMMANDS.parse("/chart btcusdt 200 15m")).isEqualTo(new ParseError(ParseError.BAD_ARGUMENTS,
                "\"15m\" is not where /chart SYMBOL [TIMEFRAME] [CANDLES] expects it. Usage: /chart SYMBOL "
                        + "[TIMEFRAME] [CANDLES]"));
        assertThat(COMMANDS.parse("/chart btcusdt soon")).isEqualTo(new ParseError("bad_duration",
                "The duration must be a whole number and a unit (m, h or d), such as 30m, 4h or 2d; got \"soon\". "
                        + "Usage: /chart SYMBOL [TIMEFRAME] [CANDLES]"));
        assertThat(parsed(COMMANDS, "/equity 7").count()).hasValue(7);
        assertThat(COMMANDS.parse("/equity 4000")).isEqualTo(new ParseError("bad_count",
                "The count must be a whole number from 1 to 3650; got \"4000\". Usage: /equity [DAYS]"));
    }

    @Test
    void anOptionalArgumentBeforeARequiredOneTakesAWordOnlyWhenOneIsLeftForTheRequiredOne() {
        assertThat(Command.PAUSE.usage()).isEqualTo("/pause [SYMBOL] DURATION");
        ParsedCommand everywhere = parsed(COMMANDS, "/pause 4h");
        assertThat(everywhere.symbol()).isEmpty();
        assertThat(everywhere.duration()).contains(Duration.ofHours(4));
        ParsedCommand one = parsed(COMMANDS, "/pause btc-usdt 30m");
        assertThat(one.symbol()).contains("BTC/USDT");
        assertThat(one.duration()).contains(Duration.ofMinutes(30));
        assertThat(one.text()).isEqualTo("/pause BTC/USDT 30m");
        assertThat(COMMANDS.parse("/pause")).isEqualTo(new ParseError("missing_duration",
                "/pause needs a duration. Usage: /pause [SYMBOL] DURATION"));
        assertThat(COMMANDS.parse("/pause BTC/USDT")).isEqualTo(new ParseError("bad_duration",
                "The duration must be a whole number and a unit (m, h or d), such as 30m, 4h or 2d; got \"BTC/USDT\". "
                        + "Usage: /pause [SYMBOL] DURATION"));
        assertThat(COMMANDS.parse("/pause 31d")).isEqualTo(new ParseError("bad_duration",
                "The duration must be from 1m to 30d; got \"31d\". Usage: /pause [SYMBOL] DURATION"));
        assertThat(COMMANDS.parse("/pause BTC/USDT 4h now")).isEqualTo(new ParseError(ParseError.BAD_ARGUMENTS,
                "Too many arguments. Usage: /pause [SYMBOL] DURATION"));
        assertThat(COMMANDS.parseFrame("pause", "ETH/USDT", Map.of("duration", "2d"))).isEqualTo(
                new ParsedCommand(Command.PAUSE, Map.of(ArgumentKind.SYMBOL, "ETH/USDT", ArgumentKind.DURATION,
                        Duration.ofDays(2))));
        assertThat(COMMANDS.parseFrame("pause 90m", null, Map.of())).isEqualTo(
                new ParsedCommand(Command.PAUSE, Map.of(ArgumentKind.DURATION, Duration.ofMinutes(90))));
    }

    @Test
    void twoCommandsCannotShareAName() {
        assertThatThrownBy(() -> COMMANDS.with(Command.forBot("start", Group.TRADING_CONTROL, Role.TRADER,
                "start trading"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("two commands are called start");
    }
}
