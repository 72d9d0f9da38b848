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
    private static final Command FILLS = Command.forBot("fills", Group.STATUS, Role.VIEWER,
            "the last fills, over a window", Argument.duration(Duration.ofMinutes(5), Duration.ofDays(7)),
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
                AMOUNT in the quote currency, like 25; NAME a trading bot's name, or several like alpha,beta):

                Status
                /status - mode, switches, positions with PnL and stops, equity and its change today
                /stats [SYMBOL] - trades, win rate, PnL, fees and drawdown, today and all time
                /chart SYMBOL [TIMEFRAME] [CANDLES] - a picture of a symbol's last candles (the bot's own timeframe, \
                or a multiple of it) with its trades and its position's stop and target
                /equity [DAYS] - a picture of the equity over the last days (30 unless said), with its drawdown
                /backtest [SYMBOL] [DAYS] - run the strategies over the bot's recent history (7 days unless said) on \
                a thread of its own; the figures and the equity curve follow as a message
                /health - the link, the exchange's latency, queue depths, drops and errors
                /logs [N] - the bot's last N warning and error lines (20 unless said, at most 100)
                /version - the bot's version and build, Java, uptime and database schema

                Money
                /balance - per asset, free and in positions; the equity in the stake currency and the budget used
                /profit [SYMBOL] [DAYS] - realised and unrealised PnL, % of the starting equity, best and worst \
                trade, win rate and average duration, all time or over the last days
                /daily [DAYS] - trades, PnL and % of each of the last UTC days (7 unless said)
                /weekly [WEEKS] - trades, PnL and % of each of the last weeks from Monday (8 unless said)
                /monthly [MONTHS] - trades, PnL and % of each of the last calendar months (6 unless said)
                /performance - per symbol: trades, win rate and PnL, the best first

                Trades
                /positions [SYMBOL] - each open position: entry, size, PnL, stop and target, with buttons to close \
                it or move its stop to break-even
                /trades [SYMBOL] [COUNT] - the last closed trades (10 unless said): entry, exit, PnL, duration and \
                why they closed
                /orders - orders waiting for the exchange, and those whose outcome or fees are being looked up

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
                /forcebuy SYMBOL [AMOUNT] - buy now, bypassing the strategy but not the hard risk limits; at market \
                unless orders.forced is limit
                /forcesell SYMBOL|all - close a position (a symbol, or all); at market unless orders.forced is limit
                /panic - stop trading globally and sell every open position at market; one summary follows when the \
                sells are done
                /breakeven SYMBOL - raise a position's stop-loss to its break-even price, fees included; never \
                lowers a stop, kept until the position closes
                /cancel SYMBOL - cancel a symbol's limit buy resting on the exchange; what filled of it stays as the \
                position

                Link
                /bots - the connected trading bots, with address and uptime
                /use [NAME|all] - pick the bot your commands go to (alone: show it), several as NAME,NAME, or all of \
                them; a dangerous command asks once for all of them
                /notify [TOPIC|quiet|digest] [VALUE] - which messages this chat hears with a notification, silently \
                or not at all; quiet hours; a daily digest (alone: show them, with buttons)
                /audit [LINES] - the last lines of the audit log (20 unless said): who sent which command to which \
                bot, and what became of it

                Help
                /help (or /start) - this list of commands""");
    }

    @Test
    void aViewersHelpListsOnlyWhatAViewerMayRunAndCountsTheRest() {
        String help = COMMANDS.help(Role.VIEWER);

        assertThat(help.lines().filter(line -> line.startsWith("/")).map(line -> line.split("[ -]")[0]))
                .containsExactly("/status", "/stats", "/chart", "/equity", "/health", "/logs", "/version",
                        "/balance", "/profit", "/daily", "/weekly", "/monthly", "/performance", "/positions",
                        "/trades", "/orders", "/bots", "/use", "/notify", "/help");
        assertThat(help).doesNotContain("Trading control", "Orders\n", "AMOUNT in the quote currency")
                .endsWith("\n\n15 more commands need a role above yours (viewer); an admin can change it in "
                        + "telegram.users.");
        assertThat(COMMANDS.commands()).hasSize(35);
    }

    @Test
    void aTradersHelpSaysWhichFormOfACommandNeedsAnAdmin() {
        String help = COMMANDS.help(Role.TRADER);

        assertThat(help).contains("\n/stoptrading [SYMBOL] - stop the strategy's entries and exits, globally or for "
                        + "one symbol; stop-loss, take-profit and trailing stop keep protecting positions (without a "
                        + "symbol: the admin role)\n",
                "\n/forcebuy SYMBOL [AMOUNT] - buy now, bypassing the strategy but not the hard risk limits; at "
                        + "market unless orders.forced is limit\n")
                .doesNotContain("/panic", "/reload", "/audit")
                .endsWith("\n\n3 more commands need a role above yours (trader); an admin can change it in "
                        + "telegram.users.");
        assertThat(COMMANDS.help(Role.ADMIN)).isEqualTo(COMMANDS.help()).doesNotContain("role");
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
                new MenuEntry("backtest", "[SYMBOL] [DAYS] - run the strategies over the bot's recent history (7 days "
                        + "unless said) on a thread of its own; the figures and the equity curve follow as a message"),
                new MenuEntry("health", "the link, the exchange's latency, queue depths, drops and errors"),
                new MenuEntry("logs", "[N] - the bot's last N warning and error lines (20 unless said, at most 100)"),
                new MenuEntry("version", "the bot's version and build, Java, uptime and database schema"),
                new MenuEntry("balance", "per asset, free and in positions; the equity in the stake currency and the "
                        + "budget used"),
                new MenuEntry("profit", "[SYMBOL] [DAYS] - realised and unrealised PnL, % of the starting equity, best "
                        + "and worst trade, win rate and average duration, all time or over the last days"),
                new MenuEntry("daily", "[DAYS] - trades, PnL and % of each of the last UTC days (7 unless said)"),
                new MenuEntry("weekly", "[WEEKS] - trades, PnL and % of each of the last weeks from Monday (8 unless "
                        + "said)"),
                new MenuEntry("monthly", "[MONTHS] - trades, PnL and % of each of the last calendar months (6 unless "
                        + "said)"),
                new MenuEntry("performance", "per symbol: trades, win rate and PnL, the best first"),
                new MenuEntry("positions", "[SYMBOL] - each open position: entry, size, PnL, stop and target, with "
                        + "buttons to close it or move its stop to break-even"),
                new MenuEntry("trades", "[SYMBOL] [COUNT] - the last closed trades (10 unless said): entry, exit, PnL, "
                        + "duration and why they closed"),
                new MenuEntry("orders", "orders waiting for the exchange, and those whose outcome or fees are being "
                        + "looked up"),
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
                new MenuEntry("forcebuy", "SYMBOL [AMOUNT] - buy now, bypassing the strategy but not the hard risk "
                        + "limits; at market unless orders.forced is limit"),
                new MenuEntry("forcesell", "SYMBOL|all - close a position (a symbol, or all); at market unless "
                        + "orders.forced is limit"),
                new MenuEntry("panic", "stop trading globally and sell every open position at market; one summary "
                        + "follows when the sells are done"),
                new MenuEntry("breakeven", "SYMBOL - raise a position's stop-loss to its break-even price, fees "
                        + "included; never lowers a stop, kept until the position closes"),
                new MenuEntry("cancel", "SYMBOL - cancel a symbol's limit buy resting on the exchange; what filled of "
                        + "it stays as the position"),
                new MenuEntry("bots", "the connected trading bots, with address and uptime"),
                new MenuEntry("use", "[NAME|all] - pick the bot your commands go to (alone: show it), several as "
                        + "NAME,NAME, or all of them; a dangerous command asks once for all of them"),
                new MenuEntry("notify", "[TOPIC|quiet|digest] [VALUE] - which messages this chat hears with a "
                        + "notification, silently or not at all; quiet hours; a daily digest (alone: show them, with "
                        + "buttons)"),
                new MenuEntry("audit", "[LINES] - the last lines of the audit log (20 unless said): who sent which "
                        + "command to which bot, and what became of it"),
                new MenuEntry("help", "this list of commands"));
    }

    @Test
    void aNewCommandIsOneDeclaration() {
        CommandCatalogue more = COMMANDS.with(FILLS);

        assertThat(FILLS.usage()).isEqualTo("/fills DURATION [SYMBOL] [COUNT]");
        ParsedCommand fills = parsed(more, "/Fills 4h btc-usdt 20");
        assertThat(fills.command()).isSameAs(FILLS);
        assertThat(fills.duration()).contains(Duration.ofHours(4));
        assertThat(fills.symbol()).contains("BTC/USDT");
        assertThat(fills.count()).hasValue(20);
        assertThat(fills.text()).isEqualTo("/fills 4h BTC/USDT 20");
        assertThat(parsed(more, "/fills 90m").text()).isEqualTo("/fills 90m");
        assertThat(parsed(more, "/fills 1440m").text()).isEqualTo("/fills 1d");
        assertThat(more.parse("/fills")).isEqualTo(new ParseError("missing_duration",
                "/fills needs a duration. Usage: /fills DURATION [SYMBOL] [COUNT]"));
        assertThat(more.parse("/fills 8d")).isEqualTo(new ParseError("bad_duration",
                "The duration must be from 5m to 7d; got \"8d\". Usage: /fills DURATION [SYMBOL] [COUNT]"));
        assertThat(more.parse("/fills 1h BTC/USDT 51")).isEqualTo(new ParseError("bad_count",
                "The count must be a whole number from 1 to 50; got \"51\". Usage: /fills DURATION [SYMBOL] "
                        + "[COUNT]"));
        assertThat(more.parseFrame("fills", "ETH/USDT", Map.of("duration", "2d", "count", "5"))).isEqualTo(
                new ParsedCommand(FILLS, Map.of(ArgumentKind.DURATION, Duration.ofDays(2), ArgumentKind.SYMBOL,
                        "ETH/USDT", ArgumentKind.COUNT, 5)));
        assertThat(more.help()).startsWith("ByNinja commands (SYMBOL like BTC/USDT; TIMEFRAME like 15m or 4h; "
                + "DURATION like 30m, 4h or 2d; COUNT a whole number; AMOUNT in the quote currency, like 25; NAME a "
                + "trading bot's name, or several like alpha,beta):\n\n"
                + "Status\n/status - mode, switches, positions with PnL and stops, equity and its change today\n"
                + "/stats [SYMBOL] - trades, win rate, PnL, fees and drawdown, today and all time\n/chart SYMBOL "
                + "[TIMEFRAME] [CANDLES] - a picture of a symbol's last candles (the bot's own timeframe, or a multiple "
                + "of it) with its trades and its position's stop and target\n/equity [DAYS] - a picture of the equity "
                + "over the last days (30 unless said), with its drawdown\n/backtest [SYMBOL] [DAYS] - run the "
                + "strategies over the bot's recent history (7 days unless said) on a thread of its own; the figures "
                + "and the equity curve follow as a message\n/health - the link, the exchange's latency, queue depths, "
                + "drops and errors\n/logs [N] - the bot's last N warning and error lines (20 unless said, at most "
                + "100)\n/version - the bot's version and build, Java, uptime and database schema\n"
                + "/fills DURATION [SYMBOL] [COUNT] - the last fills, over a window\n\nMoney\n");
        assertThat(more.menu()).contains(new MenuEntry("fills", "DURATION [SYMBOL] [COUNT] - the last fills, over "
                + "a window"), atIndex(8));
        assertThat(more.commands(HandledBy.TRADING_BOT)).contains(FILLS);
        assertThat(COMMANDS.parse("/fills 4h")).isEqualTo(new ParseError("unknown_command",
                "Unknown command /fills. Send /help for the list."));
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
        assertThat(parsed(COMMANDS, "/backtest 30").count()).hasValue(30);
        assertThat(parsed(COMMANDS, "/backtest 30").symbol()).isEmpty();
        assertThat(parsed(COMMANDS, "/backtest 1inch-usdt 30").symbol()).contains("1INCH/USDT");
        assertThat(COMMANDS.parse("/chart eth-usdt 600")).isEqualTo(new ParseError("bad_count",
                "The count must be a whole number from 1 to 500; got \"600\". Usage: /chart SYMBOL [TIMEFRAME] "
                        + "[CANDLES]"));
        assertThat(COMMANDS.parse("/backtest 91")).isEqualTo(new ParseError("bad_count",
                "The count must be a whole number from 1 to 90; got \"91\". Usage: /backtest [SYMBOL] [DAYS]"));
        assertThat(parsed(COMMANDS, "/equity 7").count()).hasValue(7);
        assertThat(COMMANDS.parse("/equity 4000")).isEqualTo(new ParseError("bad_count",
                "The count must be a whole number from 1 to 3650; got \"4000\". Usage: /equity [DAYS]"));
    }

    @Test
    void aNumberAloneIsNeverASymbolSoItGoesToTheCountAfterAnOptionalSymbol() {
        ParsedCommand days = parsed(COMMANDS, "/profit 30");
        assertThat(days.symbol()).isEmpty();
        assertThat(days.count()).hasValue(30);
        assertThat(parsed(COMMANDS, "/profit eth-usdt 7").text()).isEqualTo("/profit ETH/USDT 7");
        assertThat(parsed(COMMANDS, "/trades 20").text()).isEqualTo("/trades 20");
        assertThat(parsed(COMMANDS, "/trades 1inch/usdt").symbol()).contains("1INCH/USDT");
        assertThat(COMMANDS.parse("/trades 51")).isEqualTo(new ParseError("bad_count",
                "The count must be a whole number from 1 to 50; got \"51\". Usage: /trades [SYMBOL] [COUNT]"));
        assertThat(COMMANDS.parse("/chart BTC/USDT 600")).isEqualTo(new ParseError("bad_count",
                "The count must be a whole number from 1 to 500; got \"600\". Usage: /chart SYMBOL [TIMEFRAME] "
                        + "[CANDLES]"));
        assertThat(COMMANDS.parse("/breakeven 30")).isEqualTo(new ParseError("bad_symbol",
                "\"30\" is not a symbol; write it like BTC/USDT. Usage: /breakeven SYMBOL"));
    }

    @Test
    void twoCommandsCannotShareAName() {
        assertThatThrownBy(() -> COMMANDS.with(Command.forBot("start", Group.TRADING_CONTROL, Role.TRADER,
                "start trading"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("two commands are called start");
    }
}
