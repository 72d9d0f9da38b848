package com.byninja.bot.exchange.xchange;

import com.byninja.bot.domain.ExecutionReport;
import com.byninja.bot.domain.MarketRules;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OrderRequest.Side;
import com.byninja.bot.domain.OrderStatus;
import com.byninja.bot.domain.Position;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.engine.port.Alerts;
import com.byninja.bot.exchange.ExchangeException;
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
import java.util.TreeMap;
import org.knowm.xchange.binance.dto.account.BinanceAccountInformation;
import org.knowm.xchange.binance.dto.account.BinanceBalance;
import org.knowm.xchange.binance.dto.trade.BinanceOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live start-up check, before any command or trade: what the database says against what Binance says. Orders
 * left {@code NEW} are looked up by client order id (the order manager then records what became of them); open
 * orders Binance has that the database does not know are reported and left alone; each traded asset's balance is
 * compared with what the bot accounts for. Every difference is logged and alerted, in one alert per start.
 *
 * <p>What the bot accounts for in an asset is its open positions, the fills of orders recovered now, and the dust:
 * the remainders below one quantity step that closed positions left on the account (each round trip leaves one, so
 * after a few they add up to more than one step). Binance may hold up to one step more or less than that without an
 * alert. Where it holds less dust than recorded (the owner converted dust to BNB, say) or a difference within the step
 * remains, the recorded dust becomes what the account holds beyond the positions, so that the next start compares
 * against the truth. A difference beyond the step is alerted with both figures, and the recorded dust is left alone:
 * the owner decides what the extra coins are.
 */
final class Reconciler {

    /** What was found. */
    record Result(List<String> differences) {
    }

    /** One asset as the bot accounts for it. */
    private static final class Holding {
        BigDecimal positions = BigDecimal.ZERO;
        BigDecimal tolerance = BigDecimal.ZERO;
        final List<String> feesUnknown = new ArrayList<>();
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
        Map<String, Holding> holdings = new TreeMap<>();
        for (Symbol s : symbols) {
            holding(holdings, s);
        }
        for (Position p : store.loadPositions()) {
            Holding h = holding(holdings, p.symbol());
            h.positions = h.positions.add(p.quantity());
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
            Holding h = holding(holdings, o.symbol());
            h.positions = h.positions.add(change);
            if (!r.feesKnown()) {
                h.feesUnknown.add(o.clientOrderId());
            }
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
        Map<String, BigDecimal> dust = store.dust();
        for (Map.Entry<String, Holding> e : holdings.entrySet()) {
            compare(store, e.getKey(), e.getValue(), total.getOrDefault(e.getKey(), BigDecimal.ZERO),
                    dust.getOrDefault(e.getKey(), BigDecimal.ZERO)).ifPresent(differences::add);
        }
        report(differences);
        return new Result(List.copyOf(differences));
    }

    private Holding holding(Map<String, Holding> holdings, Symbol s) {
        Holding h = holdings.computeIfAbsent(s.base(), a -> new Holding());
        h.tolerance = h.tolerance.max(rules.getOrDefault(s, MarketRules.none(s)).quantityStep());
        return h;
    }

    /**
     * @return the difference to alert, if the account holds more than one step beyond positions and dust, or more
     *         than one step less than the positions; otherwise the recorded dust is brought to what the account holds
     */
    private Optional<String> compare(TradingStore store, String asset, Holding h, BigDecimal held,
                                     BigDecimal recorded) throws SQLException {
        BigDecimal accounted = h.positions.add(recorded);
        String unknown = h.feesUnknown.isEmpty() ? ""
                : "; the fees of " + String.join(", ", h.feesUnknown) + " are not known yet";
        if (held.compareTo(accounted.add(h.tolerance)) > 0) {
            return Optional.of("balance mismatch: binance holds " + plain(held) + " " + asset + ", the bot's "
                    + "positions and dust account for " + plain(accounted) + " " + asset + " (positions "
                    + plain(h.positions) + ", dust " + plain(recorded) + ")" + unknown);
        }
        if (held.compareTo(h.positions.subtract(h.tolerance)) < 0) {
            if (recorded.signum() != 0) {
                store.setDust(asset, BigDecimal.ZERO);
            }
            return Optional.of("balance mismatch: binance holds " + plain(held) + " " + asset + ", less than the "
                    + "bot's positions account for: " + plain(h.positions) + " " + asset + unknown);
        }
        if (!h.feesUnknown.isEmpty()) {
            // A fee in the coin not known yet would be taken for dust: leave the dust until it is known.
            return Optional.empty();
        }
        BigDecimal beyond = held.subtract(h.positions).max(BigDecimal.ZERO);
        if (beyond.compareTo(recorded) != 0) {
            store.setDust(asset, beyond);
            LOG.info("reconciliation: {} dust {} -> {} (binance holds {}, positions {})", asset, plain(recorded),
                    plain(beyond), plain(held), plain(h.positions));
        }
        return Optional.empty();
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
