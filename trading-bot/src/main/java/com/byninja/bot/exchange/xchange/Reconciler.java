package com.byninja.bot.exchange.xchange;

import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.exchange.ExecutionReport;
import com.byninja.bot.exchange.MarketRules;
import com.byninja.bot.exchange.OrderRequest.Side;
import com.byninja.bot.exchange.Symbol;
import com.byninja.bot.link.Alerts;
import com.byninja.bot.orders.Order;
import com.byninja.bot.orders.OrderStatus;
import com.byninja.bot.positions.Position;
import com.byninja.bot.store.TradingStore;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchange.binance.dto.account.BinanceAccountInformation;
import org.knowm.xchange.binance.dto.account.BinanceBalance;
import org.knowm.xchange.binance.dto.trade.BinanceOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live start-up check, before any command or trade: what the database says against what Binance says. Orders
 * left {@code NEW} are looked up by client order id (the order manager then records what became of them); open
 * orders Binance has that the database does not know are reported and left alone; each traded asset's balance is
 * compared with the bot's positions, counting the fills just found. Every difference is logged and alerted.
 */
final class Reconciler {

    /** What was found. */
    record Result(List<String> differences) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final BinanceClient client;
    private final Calls calls;
    private final LiveExecution execution;
    private final Map<Symbol, MarketRules> rules;
    private final Alerts alerts;

    Reconciler(BinanceClient client, Calls calls, LiveExecution execution, Map<Symbol, MarketRules> rules,
               Alerts alerts) {
        this.client = client;
        this.calls = calls;
        this.execution = execution;
        this.rules = rules;
        this.alerts = alerts;
    }

    Result run(TradingStore store, List<Symbol> symbols) throws ExchangeException, SQLException {
        List<String> differences = new ArrayList<>();
        Map<Symbol, BigDecimal> expected = new HashMap<>();
        for (Symbol s : symbols) {
            expected.put(s, BigDecimal.ZERO);
        }
        for (Position p : store.loadPositions()) {
            expected.merge(p.symbol(), p.quantity(), BigDecimal::add);
        }
        for (Order o : store.ordersWithStatus(OrderStatus.NEW)) {
            Optional<ExecutionReport> found;
            try {
                found = execution.findOrder(o.toRequest());
            } catch (ExchangeException e) {
                differences.add("order " + o.clientOrderId() + " (" + o.side() + " " + o.symbol() + ") left "
                        + "unfinished could not be looked up yet (" + e.getMessage() + "); it is asked again");
                continue;
            }
            if (found.isEmpty()) {
                differences.add("order " + o.clientOrderId() + " (" + o.side() + " " + o.symbol() + ") left "
                        + "unfinished never reached binance; it is recorded as cancelled");
                continue;
            }
            ExecutionReport r = found.get();
            differences.add("order " + o.clientOrderId() + " (" + o.side() + " " + o.symbol() + ") left unfinished "
                    + "was " + r.status() + " on binance: " + plain(r.filledQuantity()) + " " + o.symbol().base()
                    + " at " + plain(r.averagePrice().round(new java.math.MathContext(10))) + "; it is recorded now");
            BigDecimal baseFee = r.fee(o.symbol().base());
            BigDecimal change = o.side() == Side.BUY ? r.filledQuantity().subtract(baseFee)
                    : r.filledQuantity().add(baseFee).negate();
            expected.merge(o.symbol(), change, BigDecimal::add);
        }
        List<BinanceOrder> open = calls.read("open orders", client::openOrders);
        for (BinanceOrder o : open) {
            boolean known = o.clientOrderId != null && store.order(o.clientOrderId).isPresent();
            differences.add((known ? "order " + o.clientOrderId + " is still open on binance"
                    : "binance has an open order the bot did not place: " + o.side + " " + plain(o.origQty) + " "
                    + o.symbol + " (" + o.type + ", client order id " + o.clientOrderId + ", id " + o.orderId
                    + "); left alone"));
        }
        BinanceAccountInformation account = calls.read("balances", client::account);
        execution.useCommission(account);
        Map<String, BigDecimal> total = new HashMap<>();
        if (account.balances != null) {
            for (BinanceBalance b : account.balances) {
                total.put(b.getCurrency().getCurrencyCode(), b.getTotal() == null ? BigDecimal.ZERO : b.getTotal());
            }
        }
        for (Map.Entry<Symbol, BigDecimal> e : expected.entrySet()) {
            Symbol s = e.getKey();
            BigDecimal held = total.getOrDefault(s.base(), BigDecimal.ZERO);
            BigDecimal tolerance = rules.getOrDefault(s, MarketRules.none(s)).quantityStep();
            if (held.subtract(e.getValue()).abs().compareTo(tolerance) > 0) {
                differences.add("balance mismatch: binance holds " + plain(held) + " " + s.base()
                        + ", the bot's positions account for " + plain(e.getValue()) + " " + s.base());
            }
        }
        report(differences);
        return new Result(List.copyOf(differences));
    }

    private void report(List<String> differences) {
        if (differences.isEmpty()) {
            LOG.info("reconciled with binance: open orders and balances agree with the database");
            return;
        }
        differences.forEach(d -> LOG.warn("reconciliation: {}", d));
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("event", "reconciliation");
        data.put("exchange", "binance");
        differences.forEach(data.putArray("differences")::add);
        alerts.alert("Reconciliation with binance found " + differences.size() + " difference(s):\n- "
                + String.join("\n- ", differences), null, data);
    }

    private static String plain(BigDecimal d) {
        return d == null ? "0" : d.stripTrailingZeros().toPlainString();
    }
}
