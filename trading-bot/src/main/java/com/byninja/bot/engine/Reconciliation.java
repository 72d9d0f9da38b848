package com.byninja.bot.engine;

import com.byninja.bot.domain.Alert;
import com.byninja.bot.domain.AlertKind;
import com.byninja.bot.domain.ExecutionReport;
import com.byninja.bot.domain.MarketRules;
import com.byninja.bot.domain.Money;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OrderRequest.Side;
import com.byninja.bot.domain.OrderStatus;
import com.byninja.bot.domain.Position;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.engine.port.Alerts;
import com.byninja.bot.engine.port.OrderJournal;
import com.byninja.bot.engine.port.PositionJournal;
import com.byninja.bot.exchange.AccountView.OpenOrder;
import com.byninja.bot.exchange.AccountView;
import com.byninja.bot.exchange.ExchangeException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live start-up check, before any command or trade: what the journals say against what the account says. Orders
 * left {@code NEW} are looked up by client order id (the order manager then records what became of them); so are
 * orders left resting ({@code OPEN}, such as the stop-loss on the exchange): one still resting is as expected, one
 * that filled, was cancelled or is gone while the bot was down is reported (and recorded at the order manager's first
 * poll, the stop placed again); open orders the account has that the journal does not know are reported and left
 * alone; each traded asset's balance is compared with what the bot accounts for. Every difference is logged and
 * alerted, in one alert per start.
 *
 * <p>What the bot accounts for in an asset is its open positions, the fills of orders recovered now, and the dust:
 * the remainders below one quantity step that closed positions left on the account (each round trip leaves one, so
 * after a few they add up to more than one step). The account may hold up to one step more or less than that without
 * an alert. Where it holds less dust than recorded (the owner converted dust to BNB, say) or a difference within the
 * step remains, the recorded dust becomes what the account holds beyond the positions, so that the next start
 * compares against the truth. A difference beyond the step is alerted with both figures, and the recorded dust is left
 * alone: the owner decides what the extra coins are.
 */
public final class Reconciliation {

    /** One asset as the bot accounts for it. */
    private static final class Holding {
        BigDecimal positions = BigDecimal.ZERO;
        BigDecimal tolerance = BigDecimal.ZERO;
        final List<String> feesUnknown = new ArrayList<>();
    }

    private static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);

    private final AccountView account;
    private final Map<Symbol, MarketRules> rules;
    private final OrderJournal orders;
    private final PositionJournal positions;
    private final Alerts alerts;
    private final List<OpenOrder> strangers = new ArrayList<>();

    /**
     * @param account   the real account
     * @param rules     each market's rules, for its quantity step
     * @param orders    the bot's orders
     * @param positions the bot's positions and dust; the dust is brought to what the account holds
     * @param alerts    where the differences are reported
     */
    public Reconciliation(AccountView account, Map<Symbol, MarketRules> rules, OrderJournal orders,
                          PositionJournal positions, Alerts alerts) {
        this.account = account;
        this.rules = Map.copyOf(rules);
        this.orders = orders;
        this.positions = positions;
        this.alerts = alerts;
    }

    /**
     * Compares open orders and balances with the journals, logging and alerting every difference.
     *
     * @param symbols the traded markets, whose base assets are compared even without a position
     * @return the differences found
     * @throws ExchangeException when the account cannot be asked
     * @throws SQLException      when the journals cannot be read or written
     */
    public List<String> run(List<Symbol> symbols) throws ExchangeException, SQLException {
        String exchange = account.exchangeName();
        List<String> differences = new ArrayList<>();
        Map<String, Holding> holdings = new TreeMap<>();
        for (Symbol s : symbols) {
            holding(holdings, s);
        }
        for (Position p : positions.loadPositions()) {
            Holding h = holding(holdings, p.symbol());
            h.positions = h.positions.add(p.quantity());
        }
        for (Order o : orders.ordersWithStatus(OrderStatus.NEW)) {
            Optional<ExecutionReport> found;
            try {
                found = account.findOrder(o.symbol(), o.clientOrderId());
            } catch (ExchangeException e) {
                differences.add("order " + o.clientOrderId() + " (" + o.side() + " " + o.symbol() + ") left "
                        + "unfinished could not be looked up yet (" + e.getMessage() + "); it is asked again");
                continue;
            }
            if (found.isEmpty()) {
                differences.add("order " + o.clientOrderId() + " (" + o.side() + " " + o.symbol() + ") left "
                        + "unfinished never reached " + exchange + "; it is recorded as cancelled");
                continue;
            }
            ExecutionReport r = found.get();
            if (r.status() == ExecutionReport.Status.OPEN) {
                // Placed before the stop and resting since: the coins it holds are in the account's total.
                continue;
            }
            differences.add("order " + o.clientOrderId() + " (" + o.side() + " " + o.symbol() + ") left unfinished "
                    + "was " + r.status() + " on " + exchange + ": " + plain(r.filledQuantity()) + " "
                    + o.symbol().base() + " at " + plain(r.averagePrice().round(new java.math.MathContext(10)))
                    + "; it is recorded now");
            executed(holding(holdings, o.symbol()), o, r);
        }
        for (Order o : orders.ordersWithStatus(OrderStatus.OPEN)) {
            resting(exchange, o, holdings).ifPresent(differences::add);
        }
        for (OpenOrder o : account.openOrders()) {
            Optional<Order> known = o.clientOrderId() == null ? Optional.empty() : orders.order(o.clientOrderId());
            if (known.isPresent() && known.get().status() == OrderStatus.OPEN) {
                // Resting as the bot left it: a stop-loss, a limit order.
                continue;
            }
            if (known.isEmpty()) {
                strangers.add(o);
            }
            differences.add((known.isPresent() ? "order " + o.clientOrderId() + " is still open on " + exchange
                    + (known.get().status().isFinal() ? ", though the bot recorded it as "
                    + known.get().status().label() : "")
                    : exchange + " has an open order the bot did not place: " + o.side() + " " + plain(o.quantity())
                    + " " + o.symbol() + " (" + o.type() + ", client order id " + o.clientOrderId() + ", id "
                    + o.exchangeOrderId() + "); left alone"));
        }
        Map<String, BigDecimal> total = account.totalBalances();
        Map<String, BigDecimal> dust = positions.dust();
        for (Map.Entry<String, Holding> e : holdings.entrySet()) {
            compare(exchange, e.getKey(), e.getValue(), total.getOrDefault(e.getKey(), BigDecimal.ZERO),
                    dust.getOrDefault(e.getKey(), BigDecimal.ZERO)).ifPresent(differences::add);
        }
        report(exchange, differences);
        return List.copyOf(differences);
    }

    /**
     * An order the bot left resting: still resting is no difference; one that executed, was cancelled or vanished
     * while the bot was down is reported (the order manager records it at its first poll) and its fill counted.
     */
    private Optional<String> resting(String exchange, Order o, Map<String, Holding> holdings) throws SQLException {
        String what = (o.purpose() == com.byninja.bot.domain.Purpose.STOP_ON_EXCHANGE ? "stop-loss order "
                : "resting order ") + o.clientOrderId() + " (" + o.side() + " " + o.symbol() + ")";
        Optional<ExecutionReport> found;
        try {
            found = account.findOrder(o.symbol(), o.clientOrderId());
        } catch (ExchangeException e) {
            return Optional.of(what + " could not be looked up yet (" + e.getMessage() + "); it is asked again");
        }
        if (found.isEmpty()) {
            return Optional.of(what + " is not on " + exchange + " any more; it is recorded as cancelled");
        }
        ExecutionReport r = found.get();
        if (r.status() == ExecutionReport.Status.OPEN && r.filledQuantity().signum() == 0) {
            return Optional.empty();
        }
        // What its slices booked is in the positions already.
        Holding h = holding(holdings, o.symbol());
        for (Order slice : orders.slicesOf(o.clientOrderId())) {
            BigDecimal baseFee = slice.fee(o.symbol().base());
            h.positions = h.positions.subtract(o.side() == Side.BUY ? slice.filledQuantity().subtract(baseFee)
                    : slice.filledQuantity().add(baseFee).negate());
        }
        executed(h, o, r);
        if (r.filledQuantity().signum() == 0) {
            return Optional.of(what + " was cancelled on " + exchange + " while the bot was down; it is recorded now");
        }
        return Optional.of(what + " " + (r.status() == ExecutionReport.Status.OPEN ? "partly filled" : "filled")
                + " on " + exchange + " while the bot was down: " + plain(r.filledQuantity()) + " "
                + o.symbol().base() + " at " + plain(r.averagePrice().round(new java.math.MathContext(10)))
                + "; it is recorded now");
    }

    /** Counts what {@code r} executed of {@code o} toward the holding of its base asset. */
    private static void executed(Holding h, Order o, ExecutionReport r) {
        BigDecimal baseFee = r.fee(o.symbol().base());
        BigDecimal change = o.side() == Side.BUY ? r.filledQuantity().subtract(baseFee)
                : r.filledQuantity().add(baseFee).negate();
        h.positions = h.positions.add(change);
        if (!r.feesKnown()) {
            h.feesUnknown.add(o.clientOrderId());
        }
    }

    /** @return the open orders of the account the bot did not place, found by the last {@link #run}: reported already */
    public List<OpenOrder> strangers() {
        return List.copyOf(strangers);
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
    private Optional<String> compare(String exchange, String asset, Holding h, BigDecimal held, BigDecimal recorded)
            throws SQLException {
        BigDecimal accounted = h.positions.add(recorded);
        String unknown = h.feesUnknown.isEmpty() ? ""
                : "; the fees of " + String.join(", ", h.feesUnknown) + " are not known yet";
        if (held.compareTo(accounted.add(h.tolerance)) > 0) {
            return Optional.of("balance mismatch: " + exchange + " holds " + plain(held) + " " + asset + ", the bot's "
                    + "positions and dust account for " + plain(accounted) + " " + asset + " (positions "
                    + plain(h.positions) + ", dust " + plain(recorded) + ")" + unknown);
        }
        if (held.compareTo(h.positions.subtract(h.tolerance)) < 0) {
            if (recorded.signum() != 0) {
                positions.setDust(asset, BigDecimal.ZERO);
            }
            return Optional.of("balance mismatch: " + exchange + " holds " + plain(held) + " " + asset + ", less than "
                    + "the bot's positions account for: " + plain(h.positions) + " " + asset + unknown);
        }
        if (!h.feesUnknown.isEmpty()) {
            // A fee in the coin not known yet would be taken for dust: leave the dust until it is known.
            return Optional.empty();
        }
        BigDecimal beyond = held.subtract(h.positions).max(BigDecimal.ZERO);
        if (beyond.compareTo(recorded) != 0) {
            positions.setDust(asset, beyond);
            LOG.info("reconciliation: {} dust {} -> {} ({} holds {}, positions {})", asset, plain(recorded),
                    plain(beyond), exchange, plain(held), plain(h.positions));
        }
        return Optional.empty();
    }

    private void report(String exchange, List<String> differences) {
        if (differences.isEmpty()) {
            LOG.info("reconciled with {}: open orders and balances agree with the database", exchange);
            return;
        }
        differences.forEach(d -> LOG.warn(Alerts.ALERTED, "reconciliation: {}", d));
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("exchange", exchange);
        differences.forEach(data.putArray("differences")::add);
        alerts.raise(new Alert(AlertKind.RECONCILIATION, "Reconciliation with " + exchange + " found "
                + Money.count(differences.size(), "difference", "differences") + ":\n- "
                + String.join("\n- ", differences), null, data));
    }

    private static String plain(BigDecimal d) {
        return d == null ? "0" : d.stripTrailingZeros().toPlainString();
    }
}
