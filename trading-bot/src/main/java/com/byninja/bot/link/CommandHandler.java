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
import com.byninja.bot.engine.Trader;
import com.byninja.bot.engine.port.Alerts;
import com.byninja.bot.orders.Submission;
import com.byninja.protocol.Command;
import com.byninja.protocol.Message;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a {@code command} frame with its {@code reply}: readable text in {@code message}, the same facts in
 * {@code data}. Never silent: unknown commands, unknown symbols and bad arguments get a reply that says what is
 * accepted. Runs on the trading thread, so it reads and changes the trader's state directly.
 *
 * <p>Arguments come from the frame's {@code symbol} field and, for {@code forcebuy}, {@code data.amount}; words
 * after the command name in {@code message} ({@code forcebuy btcusdt 50}) are accepted too.
 */
public final class CommandHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CommandHandler.class);

    private final Trader trader;
    private final SymbolResolver symbols;
    private final StatusReport reports;
    private final Alerts alerts;
    /** Alerts a command raises go out after its reply, so the asker reads the answer first. */
    private final List<Runnable> afterReply = new ArrayList<>();

    public CommandHandler(Trader trader, SymbolResolver symbols, StatusReport reports, Alerts alerts) {
        this.trader = trader;
        this.symbols = symbols;
        this.reports = reports;
        this.alerts = alerts;
    }

    /** A parsed command line. */
    private record Args(Command command, String symbolText, String amountText) {
    }

    /**
     * Answers a command: sends its reply, then the alerts it raised.
     *
     * @param command a {@code command} frame
     * @param replies where the reply goes
     */
    public void handle(Message command, Consumer<Message> replies) {
        afterReply.clear();
        Message reply = answer(command);
        replies.accept(reply);
        List<Runnable> raised = List.copyOf(afterReply);
        afterReply.clear();
        raised.forEach(Runnable::run);
    }

    /**
     * @param command a {@code command} frame
     * @return its reply; the alerts it raised have been sent
     */
    public Message handle(Message command) {
        List<Message> reply = new ArrayList<>(1);
        handle(command, reply::add);
        return reply.get(0);
    }

    private Message answer(Message command) {
        String[] words = command.message().trim().split("\\s+");
        Optional<Command> parsed = Command.fromWireName(words[0].startsWith("/") ? words[0].substring(1) : words[0]);
        if (parsed.isEmpty()) {
            ObjectNode data = error("unknown_command");
            ArrayNode list = data.putArray("commands");
            for (Command c : Command.values()) {
                list.add(c.wireName());
            }
            return reply(command, "Unknown command '" + words[0] + "'. Commands:\n" + usage(), data);
        }
        String symbolText = blankToNull(command.symbol());
        String amountText = command.data() == null ? null : text(command.data().get(Command.AMOUNT_FIELD));
        if (words.length > 1 && symbolText == null) {
            symbolText = words[1];
        }
        if (words.length > 2 && amountText == null) {
            amountText = words[2];
        }
        Args args = new Args(parsed.get(), symbolText, amountText);
        try {
            return execute(command, args);
        } catch (SQLException e) {
            LOG.error("{} failed: could not save", args.command().wireName(), e);
            return reply(command, args.command().wireName() + " failed: the change could not be saved ("
                    + e.getMessage() + "); nothing changed", error("store_error"));
        }
    }

    private Message execute(Message m, Args a) throws SQLException {
        Command c = a.command();
        if (c.symbolArgument() == Command.SymbolArgument.NONE && a.symbolText() != null) {
            return reply(m, c.wireName() + " takes no symbol. Usage: " + usageOf(c), error("bad_arguments"));
        }
        if (c.symbolArgument() == Command.SymbolArgument.REQUIRED && a.symbolText() == null) {
            ObjectNode data = error("missing_symbol");
            addSymbols(data);
            return reply(m, c.wireName() + " needs a symbol. Usage: " + usageOf(c) + "\nSymbols: " + symbols.listed(),
                    data);
        }
        boolean all = c == Command.FORCESELL && Command.ALL_SYMBOLS.equalsIgnoreCase(a.symbolText());
        Symbol symbol = null;
        if (a.symbolText() != null && !all) {
            Optional<Symbol> resolved = symbols.resolve(a.symbolText());
            if (resolved.isEmpty()) {
                ObjectNode data = error("unknown_symbol");
                data.put("given", a.symbolText());
                addSymbols(data);
                return reply(m, "Unknown symbol '" + a.symbolText() + "'. Configured symbols: " + symbols.listed(),
                        data);
            }
            symbol = resolved.get();
        }
        if (c != Command.FORCEBUY && a.amountText() != null) {
            return reply(m, c.wireName() + " takes no amount. Usage: " + usageOf(c), error("bad_arguments"));
        }
        return switch (c) {
            case STARTTRADING -> flag(m, symbol, Flag.TRADING, true);
            case STOPTRADING -> flag(m, symbol, Flag.TRADING, false);
            case ENABLEBUY -> flag(m, symbol, Flag.BUY, true);
            case DISABLEBUY -> flag(m, symbol, Flag.BUY, false);
            case ENABLESELL -> flag(m, symbol, Flag.SELL, true);
            case DISABLESELL -> flag(m, symbol, Flag.SELL, false);
            case FORCEBUY -> forceBuy(m, symbol, a.amountText());
            case FORCESELL -> all ? forceSellAll(m) : forceSell(m, symbol);
            case STATS -> reply(m, reports.stats(symbol));
            case STATUS -> reply(m, reports.status());
        };
    }

    private Message flag(Message m, Symbol symbol, Flag flag, boolean on) throws SQLException {
        boolean before = symbol == null ? trader.control().global().get(flag) : trader.control().of(symbol).get(flag);
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
                    .append(m.message().split("\\s+")[0]).append(" without a symbol to turn it on globally.");
        }
        ObjectNode data = Money.object();
        data.put("flag", flag.label());
        data.put("scope", symbol == null ? "global" : symbol.toString());
        data.put("enabled", on);
        data.put("changed", before != on);
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

    private Message forceBuy(Message m, Symbol symbol, String amountText) {
        BigDecimal amount = null;
        if (amountText != null) {
            try {
                amount = new BigDecimal(amountText.trim());
            } catch (NumberFormatException e) {
                amount = null;
            }
            if (amount == null || amount.signum() <= 0) {
                ObjectNode data = error("bad_amount");
                data.put("given", amountText);
                return reply(m, "Bad amount '" + amountText + "': expected a positive number of "
                        + symbol.quote() + ". Usage: " + usageOf(Command.FORCEBUY), data);
            }
        }
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
                    + " at market (order " + o.clientOrderId() + ")" + (despite.isEmpty() ? ""
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
                    + " at market (order " + o.clientOrderId() + "); the fill follows as an alert.", orderData(o));
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
                lines.add("Selling " + Money.exact(s.order().quantity()) + " " + p.symbol() + " (order "
                        + s.order().clientOrderId() + ")");
            } else {
                Submission.Refused f = (Submission.Refused) r;
                ObjectNode x = refusedList.addObject();
                x.put("symbol", p.symbol().toString());
                x.put("reason", f.rejection().reason().code());
                x.put("message", f.rejection().message());
                lines.add(p.symbol() + " not sold: " + f.rejection().message());
            }
        }
        return reply(m, "Closing " + open.size() + " position(s) at market:\n" + String.join("\n", lines)
                + "\nThe fills follow as alerts.", data);
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

    /** @return one line per command, such as {@code forcebuy <symbol> [amount] - buy now ...}. */
    public static String usage() {
        return Arrays.stream(Command.values()).map(c -> usageOf(c) + " - " + c.description())
                .collect(Collectors.joining("\n"));
    }

    private static String usageOf(Command c) {
        return switch (c) {
            case FORCEBUY -> "forcebuy <symbol> [amount]";
            case FORCESELL -> "forcesell <symbol|all>";
            default -> c.wireName() + switch (c.symbolArgument()) {
                case NONE -> "";
                case OPTIONAL -> " [symbol]";
                case REQUIRED -> " <symbol>";
            };
        };
    }

    private static ObjectNode error(String code) {
        ObjectNode data = Money.object();
        data.put("error", code);
        return data;
    }

    private static Message reply(Message command, StatusReport.Report report) {
        return Message.replyTo(command, report.text(), report.data());
    }

    private static Message reply(Message command, String text, ObjectNode data) {
        return Message.replyTo(command, text, data);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : blankToNull(node.asText());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
