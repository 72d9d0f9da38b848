package com.byninja.bot.link;

import com.byninja.bot.control.SymbolResolver;
import com.byninja.bot.domain.Alert;
import com.byninja.bot.domain.AlertKind;
import com.byninja.bot.domain.EntryLock;
import com.byninja.bot.domain.Flag;
import com.byninja.bot.domain.Money;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.Position;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.engine.PanicStart;
import com.byninja.bot.engine.Trader;
import com.byninja.bot.engine.port.Alerts;
import com.byninja.bot.orders.Submission;
import com.byninja.protocol.CommandFrames;
import com.byninja.protocol.Message;
import com.byninja.protocol.commands.Command;
import com.byninja.protocol.commands.CommandCatalogue;
import com.byninja.protocol.commands.HandledBy;
import com.byninja.protocol.commands.ParseError;
import com.byninja.protocol.commands.ParseResult;
import com.byninja.protocol.commands.ParsedCommand;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a {@code command} frame with its {@code reply}: readable text in {@code message}, the same facts in
 * {@code data}. Never silent: unknown commands, unknown symbols and bad arguments get a reply that says what is
 * accepted. Runs on the trading thread, so it reads and changes the trader's state directly.
 *
 * <p>The frame is read with the commands' {@link CommandCatalogue}, as the control server reads a chat's text: the
 * same checks, the same words and usage lines, whether the frame comes from the server or from any other peer. The
 * symbol is then looked up among the configured ones. Each command a trading bot answers has its action here.
 *
 * <p>Every command is answered within its step but {@code reload}: its file is read on the reloader's thread, and its
 * reply follows from a later step, which applies it ({@link ControlCommands}).
 */
public final class CommandHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CommandHandler.class);
    private static final DateTimeFormatter PANIC_TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    /** What one command does, given its frame, the command read from it and its symbol (null when it has none). */
    @FunctionalInterface
    private interface Action {
        Message run(Message frame, ParsedCommand command, Symbol symbol) throws SQLException;
    }

    private final CommandCatalogue catalogue;
    private final Trader trader;
    private final SymbolResolver symbols;
    private final StatusReport reports;
    private final Alerts alerts;
    private final BacktestRequests backtests;
    private final ChartReport charts;
    private final EquityReport equity;
    private final BalanceReport balance;
    private final ProfitReport profit;
    private final PeriodReport periods;
    private final PerformanceReport performance;
    private final PositionsReport positions;
    private final TradesReport trades;
    private final OrdersReport orders;
    private final Map<Command, Action> actions;
    /** Alerts a command raises go out after its reply, so the asker reads the answer first. */
    private final List<Runnable> afterReply = new ArrayList<>();
    private final BotOperations operations;
    private final ControlCommands control;
    /** Where the reply of the command in hand goes, also when it comes later ({@code reload}). */
    private Consumer<Message> replying = reply -> { };

    /** A handler whose {@code health}, {@code logs}, {@code version} and {@code reload} know the trader alone. */
    public CommandHandler(Trader trader, SymbolResolver symbols, StatusReport reports, Alerts alerts) {
        this(CommandCatalogue.STANDARD, trader, symbols, reports, alerts);
    }

    /** @param backtests runs {@code /backtest}; null in a bot that has none (it then says so) */
    public CommandHandler(Trader trader, SymbolResolver symbols, StatusReport reports, Alerts alerts,
                          BacktestRequests backtests) {
        this(CommandCatalogue.STANDARD, trader, symbols, reports, alerts,
                reports == null ? null : BotOperations.of(trader, reports.info()), backtests);
    }

    /**
     * @param operations what the commands about the bot itself read
     * @param backtests  runs {@code /backtest}; null in a bot that has none (it then says so)
     */
    public CommandHandler(Trader trader, SymbolResolver symbols, StatusReport reports, Alerts alerts,
                          BotOperations operations, BacktestRequests backtests) {
        this(CommandCatalogue.STANDARD, trader, symbols, reports, alerts, operations, backtests);
    }

    /** @throws IllegalArgumentException when a trading bot's command of {@code catalogue} has no action here */
    CommandHandler(CommandCatalogue catalogue, Trader trader, SymbolResolver symbols, StatusReport reports,
                   Alerts alerts) {
        this(catalogue, trader, symbols, reports, alerts,
                reports == null ? null : BotOperations.of(trader, reports.info()), null);
    }

    private CommandHandler(CommandCatalogue catalogue, Trader trader, SymbolResolver symbols, StatusReport reports,
                           Alerts alerts, BotOperations operations, BacktestRequests backtests) {
        this.operations = operations;
        this.backtests = backtests;
        this.control = new ControlCommands(trader, operations == null ? null : operations.reloads());
        this.catalogue = catalogue;
        this.trader = trader;
        this.symbols = symbols;
        this.reports = reports;
        this.alerts = alerts;
        this.charts = new ChartReport(trader, trader.config().timeframe());
        this.equity = new EquityReport(trader, trader.config().quoteCurrency(),
                trader.config().store().equitySampleMinutes());
        this.balance = new BalanceReport(trader);
        this.profit = new ProfitReport(trader);
        this.periods = new PeriodReport(trader);
        this.performance = new PerformanceReport(trader);
        this.positions = new PositionsReport(trader);
        this.trades = new TradesReport(trader);
        this.orders = new OrdersReport(trader);
        this.actions = Map.ofEntries(
                Map.entry(Command.STATUS, (m, c, s) -> reply(m, reports.status())),
                Map.entry(Command.STATS, (m, c, s) -> reply(m, reports.stats(s))),
                Map.entry(Command.STARTTRADING, (m, c, s) -> flag(m, c, s, Flag.TRADING, true)),
                Map.entry(Command.STOPTRADING, (m, c, s) -> flag(m, c, s, Flag.TRADING, false)),
                Map.entry(Command.ENABLEBUY, (m, c, s) -> flag(m, c, s, Flag.BUY, true)),
                Map.entry(Command.DISABLEBUY, (m, c, s) -> flag(m, c, s, Flag.BUY, false)),
                Map.entry(Command.ENABLESELL, (m, c, s) -> flag(m, c, s, Flag.SELL, true)),
                Map.entry(Command.DISABLESELL, (m, c, s) -> flag(m, c, s, Flag.SELL, false)),
                Map.entry(Command.FORCEBUY, (m, c, s) -> forceBuy(m, s, c.amount().orElse(null))),
                Map.entry(Command.FORCESELL, (m, c, s) -> c.all() ? forceSellAll(m) : forceSell(m, s)),
                Map.entry(Command.PANIC, (m, c, s) -> panic(m)),
                Map.entry(Command.CHART, (m, c, s) -> reply(m, charts.chart(s, c.duration().orElse(null),
                        c.count().isPresent() ? c.count().getAsInt() : null))),
                Map.entry(Command.EQUITY, (m, c, s) -> reply(m, equity.equity(c.count().isPresent()
                        ? c.count().getAsInt() : null))),
                Map.entry(Command.BACKTEST, (m, c, s) -> backtest(m, s, c.count().isPresent()
                        ? c.count().getAsInt() : null)),
                Map.entry(Command.BALANCE, (m, c, s) -> reply(m, balance.balance())),
                Map.entry(Command.PROFIT, (m, c, s) -> reply(m, profit.profit(s, count(c)))),
                Map.entry(Command.DAILY, (m, c, s) -> reply(m, periods.periods(PeriodReport.Unit.DAY, count(c)))),
                Map.entry(Command.WEEKLY, (m, c, s) -> reply(m, periods.periods(PeriodReport.Unit.WEEK, count(c)))),
                Map.entry(Command.MONTHLY, (m, c, s) -> reply(m, periods.periods(PeriodReport.Unit.MONTH,
                        count(c)))),
                Map.entry(Command.PERFORMANCE, (m, c, s) -> reply(m, performance.performance())),
                Map.entry(Command.POSITIONS, (m, c, s) -> reply(m, positions.positions(s))),
                Map.entry(Command.TRADES, (m, c, s) -> reply(m, trades.trades(s, count(c)))),
                Map.entry(Command.ORDERS, (m, c, s) -> reply(m, orders.orders())),
                Map.entry(Command.BREAKEVEN, (m, c, s) -> reply(m, positions.breakEven(s))),
                Map.entry(Command.CANCEL, (m, c, s) -> cancelEntry(m, s)),
                Map.entry(Command.HEALTH, (m, c, s) -> reply(m, operations.health().health())),
                Map.entry(Command.LOGS, (m, c, s) -> reply(m, operations.logs().logs(c.count().isPresent()
                        ? c.count().getAsInt() : null))),
                Map.entry(Command.VERSION, (m, c, s) -> reply(m, operations.version().version())),
                Map.entry(Command.PAUSE, (m, c, s) -> reply(m, control.pause(c, s))),
                Map.entry(Command.RELOAD, (m, c, s) -> control.reload(m, replying)));
        for (Command command : catalogue.commands(HandledBy.TRADING_BOT)) {
            if (!actions.containsKey(command)) {
                throw new IllegalArgumentException(command.usage() + " is declared for trading bots, but this one "
                        + "has no action for it");
            }
        }
    }

    /**
     * Answers a command: sends its reply, then the alerts it raised.
     *
     * @param command a {@code command} frame
     * @param replies where the reply goes
     */
    public void handle(Message command, Consumer<Message> replies) {
        afterReply.clear();
        replying = replies;
        Message reply = answer(command);
        if (reply != null) {
            replies.accept(reply);
        }
        List<Runnable> raised = List.copyOf(afterReply);
        afterReply.clear();
        raised.forEach(Runnable::run);
    }

    /**
     * @param command a {@code command} frame, of a command answered at once (not {@code reload})
     * @return its reply; the alerts it raised have been sent
     */
    public Message handle(Message command) {
        List<Message> reply = new ArrayList<>(1);
        handle(command, reply::add);
        return reply.get(0);
    }

    private Message answer(Message frame) {
        ParseResult read = CommandFrames.read(catalogue, frame);
        if (read instanceof ParseError error) {
            return notUnderstood(frame, error);
        }
        // A frame's message always names a command, known or not: it is never NotACommand.
        ParsedCommand command = (ParsedCommand) read;
        Command c = command.command();
        if (c.handledBy() != HandledBy.TRADING_BOT) {
            return reply(frame, "/" + c.name() + " is the control server's command; a trading bot does not answer it.",
                    error("server_command"));
        }
        Symbol symbol = null;
        Optional<String> symbolText = command.symbol();
        if (symbolText.isPresent()) {
            Optional<Symbol> resolved = symbols.resolve(symbolText.get());
            if (resolved.isEmpty()) {
                ObjectNode data = error("unknown_symbol");
                data.put("given", symbolText.get());
                addSymbols(data);
                return reply(frame, "Unknown symbol '" + symbolText.get() + "'. Configured symbols: "
                        + symbols.listed(), data);
            }
            symbol = resolved.get();
        }
        try {
            return actions.get(c).run(frame, command, symbol);
        } catch (SQLException e) {
            LOG.error("{} failed: could not save", c.name(), e);
            return reply(frame, c.name() + " failed: the change could not be saved (" + e.getMessage()
                    + "); nothing changed", error("store_error"));
        }
    }

    /** @return the same answer the control server gives to the same text, with the facts a program needs */
    private Message notUnderstood(Message frame, ParseError problem) {
        ObjectNode data = error(problem.code());
        if (problem.code().equals(ParseError.UNKNOWN_COMMAND)) {
            ArrayNode list = data.putArray("commands");
            catalogue.commands(HandledBy.TRADING_BOT).forEach(c -> list.add(c.name()));
        } else if (problem.code().endsWith("_symbol")) {
            addSymbols(data);
        }
        return reply(frame, problem.message(), data);
    }

    private Message flag(Message m, ParsedCommand command, Symbol symbol, Flag flag, boolean on)
            throws SQLException {
        boolean before = symbol == null ? trader.control().global().get(flag) : trader.control().of(symbol).get(flag);
        // enablebuy ends the pause of its scope: turning buying on means now.
        Optional<EntryLock> pauseEnded = flag == Flag.BUY && on ? trader.endPause(symbol) : Optional.empty();
        trader.setFlag(symbol, flag, on);
        String scope = symbol == null ? "globally" : "for " + symbol;
        String what = switch (flag) {
            case TRADING -> "Trading";
            case BUY -> "Buying";
            case SELL -> "Selling";
        };
        String state = flag == Flag.TRADING ? (on ? "started" : "stopped") : (on ? "enabled" : "disabled");
        StringBuilder text = new StringBuilder(what).append(before == on ? " was already " + (on ? "on" : "off") + " "
                : " " + state + " ").append(scope).append('.');
        if (!on) {
            text.append(' ').append(switch (flag) {
                case TRADING -> "The strategy stops: no entries and no exits of its own.";
                case BUY -> "No new positions from the strategy; its exits go on.";
                case SELL -> "The strategy's exits stop.";
            });
            text.append(trader.protectiveExits()
                    ? " Stop-loss, take-profit and the trailing stop keep protecting open positions; /forcebuy and "
                    + "/forcesell still work."
                    : " Protective exits are off altogether (risk.protectiveExits: false).");
        }
        if (on && symbol != null && !trader.control().global().get(flag)) {
            text.append(" It is still off globally, so ").append(symbol).append(" does not ").append(
                    flag == Flag.TRADING ? "trade" : flag == Flag.BUY ? "buy" : "sell").append(" yet; send ")
                    .append('/').append(command.command().name()).append(" without a symbol to turn it on globally.");
        }
        if (flag == Flag.BUY && on) {
            text.append(control.pausesAfterEnablebuy(symbol, pauseEnded));
        }
        ObjectNode data = Money.object();
        data.put("flag", flag.label());
        data.put("scope", symbol == null ? "global" : symbol.toString());
        data.put("enabled", on);
        data.put("changed", before != on);
        pauseEnded.ifPresent(p -> data.put("pauseEnded", p.until().toString()));
        ObjectNode effective = data.putObject("effective");
        for (Symbol s : trader.symbols()) {
            effective.put(s.toString(), trader.control().allows(s, flag));
        }
        if (flag == Flag.TRADING && before != on) {
            ObjectNode facts = Money.object();
            facts.put("scope", symbol == null ? "global" : symbol.toString());
            Alert alert = new Alert(on ? AlertKind.TRADING_STARTED : AlertKind.TRADING_STOPPED,
                    what + " " + state + " " + scope + " by command", symbol, facts);
            afterReply.add(() -> alerts.raise(alert));
        }
        return reply(m, text.toString(), data);
    }

    private Message backtest(Message m, Symbol symbol, Integer days) {
        ObjectNode data = Money.object();
        if (backtests == null) {
            data.put("error", "unavailable");
            return reply(m, "Backtests from the chat are not available in this bot.", data);
        }
        BacktestRequests.Started started = backtests.start(symbol, days);
        data.put("started", started.started());
        if (!started.started()) {
            data.put("error", "refused");
        }
        return reply(m, started.text(), data);
    }

    private Message forceBuy(Message m, Symbol symbol, BigDecimal amount) {
        Submission result = trader.forceBuy(symbol, amount);
        if (result instanceof Submission.Sent sent) {
            Order o = sent.order();
            ObjectNode data = orderData(o);
            if (sent.note() != null) {
                data.put("note", sent.note());
            }
            // A person's buy passes the protections' locks, which stop the strategy only; the reply says which.
            List<String> despite = new ArrayList<>();
            ArrayNode locks = data.putArray("despiteLocks");
            for (EntryLock l : trader.locksOn(symbol)) {
                despite.add(l.describe(trader.clock().instant()));
                ObjectNode ld = locks.addObject();
                ld.put("protection", l.kind().code());
                ld.put("scope", l.symbol() == null ? "all" : l.symbol().toString());
                ld.put("until", l.until().toString());
            }
            return reply(m, "Buying " + symbol + " for " + Money.quote(o.quoteAmount()) + " " + symbol.quote()
                    + how(o) + " (order " + o.clientOrderId() + ")" + (despite.isEmpty() ? ""
                    : " despite the " + String.join(" and the ", despite)) + "; the fill follows as an alert."
                    + (sent.note() == null ? "" : " Note: " + sent.note() + "."), data);
        }
        return refused(m, "Force buy of " + symbol, ((Submission.Refused) result));
    }

    private Message forceSell(Message m, Symbol symbol) {
        Submission result = trader.forceSell(symbol);
        if (result instanceof Submission.Sent sent) {
            Order o = sent.order();
            return reply(m, "Selling " + Money.exact(o.quantity()) + " " + symbol.base() + " of " + symbol
                    + how(o) + " (order " + o.clientOrderId() + "); the fill follows as an alert.", orderData(o));
        }
        if (result instanceof Submission.Cancelling c) {
            return reply(m, cancellingFirst(c) + " The fill follows as an alert.", orderData(c.stop()));
        }
        return refused(m, "Force sell of " + symbol, (Submission.Refused) result);
    }

    private Message forceSellAll(Message m) {
        List<Position> open = List.copyOf(trader.positions().all().values());
        ObjectNode data = Money.object();
        ArrayNode sent = data.putArray("orders");
        ArrayNode refusedList = data.putArray("refused");
        if (open.isEmpty()) {
            return reply(m, "No open positions to sell.", data);
        }
        List<String> lines = new ArrayList<>();
        for (Position p : open) {
            Submission r = trader.forceSell(p.symbol());
            if (r instanceof Submission.Sent s) {
                sent.add(orderData(s.order()));
                lines.add("Selling " + Money.exact(s.order().quantity()) + " " + p.symbol()
                        + (s.order().limitPrice() == null ? "" : how(s.order())) + " (order "
                        + s.order().clientOrderId() + ")");
            } else if (r instanceof Submission.Cancelling c) {
                sent.add(orderData(c.stop()));
                lines.add(cancellingFirst(c));
            } else {
                Submission.Refused f = (Submission.Refused) r;
                ObjectNode x = refusedList.addObject();
                x.put("symbol", p.symbol().toString());
                x.put("reason", f.rejection().reason().code());
                x.put("message", f.rejection().message());
                lines.add(p.symbol() + " not sold: " + f.rejection().message());
            }
        }
        return reply(m, "Closing " + Money.count(open.size(), "position", "positions") + " at market:\n"
                + String.join("\n", lines)
                + "\nThe fills follow as alerts.", data);
    }

    /**
     * A {@code /panic}: what it started at once, or that one runs already. Its summary follows as one alert when
     * every sell has filled or failed; the global stop is alerted after this reply, as {@code /stoptrading}'s is.
     */
    private Message panic(Message m) {
        PanicStart p = trader.panic();
        ObjectNode data = Money.object();
        data.put("startedAt", p.startedAt().toString());
        data.put("alreadyRunning", p.alreadyRunning());
        data.put("waiting", p.waiting());
        if (p.alreadyRunning()) {
            data.put("error", "panic_running");
            return reply(m, "A /panic is running already, since " + PANIC_TIME.format(p.startedAt()) + " UTC: "
                    + Money.count(p.waiting(), "sell waits", "sells wait") + " for the exchange. Its summary follows "
                    + "when they are done; nothing more was sent.", data);
        }
        List<String> lines = new ArrayList<>();
        String stopped = !p.tradingWasOn() ? "trading was already stopped globally"
                : p.flagNotSaved() == null ? "trading stopped globally"
                : "trading stopped globally, but that could not be saved (" + p.flagNotSaved() + "): it would start "
                        + "again after a restart of the bot";
        int positions = p.sells().size() + p.alreadySelling().size() + p.notSold().size();
        lines.add("Panic: " + stopped + (positions == 0 ? "." : "; selling "
                + Money.count(positions, "position", "positions") + " at market:"));
        ArrayNode sells = data.putArray("orders");
        for (Order o : p.sells()) {
            sells.add(orderData(o));
            lines.add("Selling " + Money.exact(o.quantity()) + " " + o.symbol().base() + " of " + o.symbol()
                    + " (order " + o.clientOrderId() + ")");
        }
        ArrayNode already = data.putArray("alreadySelling");
        for (Order o : p.alreadySelling()) {
            already.add(orderData(o));
            lines.add(o.symbol() + " is being sold already by order " + o.clientOrderId() + " ("
                    + o.purpose().label() + ")");
        }
        ArrayNode notSold = data.putArray("refused");
        for (PanicStart.NotSold n : p.notSold()) {
            notSold.addObject().put("symbol", n.symbol().toString()).put("reason", n.why().reason().code())
                    .put("message", n.why().message());
            lines.add(n.symbol() + " not sold: " + n.why().message());
        }
        ArrayNode buys = data.putArray("buysWaiting");
        for (Order o : p.buysWaiting()) {
            buys.add(orderData(o));
            lines.add("A buy of " + o.symbol() + " (order " + o.clientOrderId() + ") still waits for the exchange: "
                    + "a position it opens is not sold by this /panic; /forcesell " + o.symbol() + " sells it.");
        }
        lines.add(positions == 0 ? "No open position to sell, so no summary follows."
                : p.waiting() == 0 ? "Nothing could be sent, so no summary follows."
                : "One summary follows when every sell has filled or failed.");
        if (p.tradingWasOn()) {
            ObjectNode facts = Money.object();
            facts.put("scope", "global");
            facts.put("panic", true);
            Alert alert = new Alert(AlertKind.TRADING_STOPPED, "Trading stopped globally by /panic", null, facts);
            afterReply.add(() -> alerts.raise(alert));
        }
        return reply(m, String.join("\n", lines), data);
    }

    /** @return {@code " at market"}, or for a limit order {@code " with a limit order at 2992.29, resting up to 60 s"} */
    private String how(Order o) {
        if (o.limitPrice() == null) {
            return " at market";
        }
        return " with a limit order at " + Money.price(o.limitPrice(), trader.priceTick(o.symbol()))
                + (o.postOnly() ? " (post-only)" : "") + ", resting up to "
                + com.byninja.bot.config.Durations.words(trader.config().orders().limitTimeoutMs());
    }

    private Message cancelEntry(Message m, Symbol symbol) {
        Optional<Order> cancelled = trader.cancelEntry(symbol);
        if (cancelled.isEmpty()) {
            ObjectNode data = Money.object();
            data.put("symbol", symbol.toString());
            data.put("cancelling", false);
            return reply(m, "No limit buy of " + symbol + " rests on the exchange: nothing to cancel.", data);
        }
        Order o = cancelled.get();
        ObjectNode data = orderData(o);
        data.put("cancelling", true);
        return reply(m, "Cancelling the limit buy of " + symbol + " (order " + o.clientOrderId() + ", "
                + Money.quote(o.quoteAmount()) + " " + symbol.quote() + " at " + Money.price(o.limitPrice(),
                trader.priceTick(symbol)) + "). What filled of it before the cancel stays as the position, "
                + "announced as an alert.", data);
    }

    /** @return what a sell that waits for the cancel of its stop on the exchange says */
    private String cancellingFirst(Submission.Cancelling c) {
        Order stop = c.stop();
        return "Cancelling the stop-loss on the exchange (order " + stop.clientOrderId() + ") first; then selling "
                + Money.exact(stop.quantity()) + " " + stop.symbol().base() + " of " + stop.symbol()
                + " at market, unless the stop fills first.";
    }

    private Message refused(Message m, String what, Submission.Refused refused) {
        ObjectNode data = error("rejected");
        data.put("reason", refused.rejection().reason().code());
        data.put("detail", refused.rejection().message());
        return reply(m, what + " refused (" + refused.rejection().reason().code().toLowerCase(Locale.ROOT) + "): "
                + refused.rejection().message(), data);
    }

    private static ObjectNode orderData(Order o) {
        ObjectNode data = Money.object();
        data.put("orderId", o.clientOrderId());
        data.put("symbol", o.symbol().toString());
        data.put("side", o.side().name().toLowerCase(Locale.ROOT));
        data.put("status", o.status().label());
        if (o.quoteAmount() != null) {
            data.put("quoteAmount", Money.exact(o.quoteAmount()));
        }
        if (o.quantity() != null) {
            data.put("quantity", Money.exact(o.quantity()));
        }
        return data;
    }

    private void addSymbols(ObjectNode data) {
        ArrayNode list = data.putArray("symbols");
        symbols.symbols().forEach(s -> list.add(s.toString()));
    }

    private static ObjectNode error(String code) {
        ObjectNode data = Money.object();
        data.put("error", code);
        return data;
    }

    /** @return the count given, or null for the command's default */
    private static Integer count(ParsedCommand command) {
        return command.count().isPresent() ? command.count().getAsInt() : null;
    }

    private static Message reply(Message command, StatusReport.Report report) {
        return Message.replyTo(command, report.text(), report.data());
    }

    private static Message reply(Message command, String text, ObjectNode data) {
        return Message.replyTo(command, text, data);
    }
}
