package com.byninja.bot.positions;

import com.byninja.bot.exchange.OrderRequest.Side;
import com.byninja.bot.exchange.Symbol;
import com.byninja.bot.orders.Order;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The open positions, one long per symbol (spot), and the arithmetic of fills: buys open or add to a position,
 * sells reduce or close it and realise PnL net of fees. Owned by the trading thread; not thread-safe.
 */
public final class PositionBook {

    private final Map<Symbol, Position> positions = new TreeMap<>();
    private final Function<Symbol, BigDecimal> unsellable;

    /** A book where any remainder of a position can be sold. */
    public PositionBook() {
        this(s -> BigDecimal.ZERO);
    }

    /**
     * @param unsellable per symbol, the quantity below which a remainder cannot be sold on its own (an exchange's
     *                   quantity step): a sell that leaves less than that closes the position, the remainder staying
     *                   on the account as dust
     */
    public PositionBook(Function<Symbol, BigDecimal> unsellable) {
        this.unsellable = unsellable;
    }

    /** The effect of one fill on the book. */
    public record FillOutcome(Position before, Position after, ClosedTrade closedTrade) {

        /** @return whether the fill opened a new position. */
        public boolean opened() {
            return before == null && after != null;
        }

        /** @return whether the fill closed the position entirely. */
        public boolean closed() {
            return before != null && after == null;
        }
    }

    /** Restores positions loaded from the store. */
    public void restore(Collection<Position> loaded) {
        positions.clear();
        loaded.forEach(p -> positions.put(p.symbol(), p));
    }

    /** @return the position in {@code symbol}, if one is open. */
    public Optional<Position> get(Symbol symbol) {
        return Optional.ofNullable(positions.get(symbol));
    }

    /** @return the open positions, by symbol. */
    public Map<Symbol, Position> all() {
        return Collections.unmodifiableMap(positions);
    }

    /** @return how many positions are open. */
    public int openCount() {
        return positions.size();
    }

    /** Moves the trailing stop's high-water mark; returns whether it moved. */
    public boolean markPrice(Symbol symbol, BigDecimal price) {
        Position p = positions.get(symbol);
        if (p == null) {
            return false;
        }
        Position marked = p.withPrice(price);
        positions.put(symbol, marked);
        return marked != p;
    }

    /**
     * Applies what an order executed. A fee paid in the base currency (some exchanges take it from what a buy
     * receives) is converted to quote at the fill price and taken off the quantity.
     *
     * @param order the order with its final fill
     * @return the book's change; {@code before == after} when nothing filled
     */
    public FillOutcome apply(Order order) {
        Symbol symbol = order.symbol();
        Position before = positions.get(symbol);
        if (!order.hasFill()) {
            return new FillOutcome(before, before, null);
        }
        BigDecimal quantity = order.filledQuantity();
        BigDecimal price = order.averagePrice();
        BigDecimal feeInQuote = order.fee();
        if (symbol.base().equals(order.feeCurrency())) {
            feeInQuote = order.fee().multiply(price);
            if (order.side() == Side.BUY) {
                quantity = quantity.subtract(order.fee());
            }
        }
        if (order.side() == Side.BUY) {
            Position after = before == null
                    ? Position.open(symbol, quantity, price, feeInQuote, order.updatedAt())
                    : before.add(quantity, price, feeInQuote);
            positions.put(symbol, after);
            return new FillOutcome(before, after, null);
        }
        if (before == null) {
            throw new IllegalStateException("sell " + order.clientOrderId() + " filled without a position in "
                    + symbol);
        }
        BigDecimal sold = quantity.min(before.quantity());
        BigDecimal left = before.quantity().subtract(sold);
        boolean all = left.signum() == 0 || left.compareTo(unsellable.apply(symbol)) < 0;
        BigDecimal entryCost = all ? before.entryCost() : share(before.entryCost(), sold, before.quantity());
        BigDecimal entryFees = all ? before.entryFees() : share(before.entryFees(), sold, before.quantity());
        BigDecimal proceeds = sold.multiply(price);
        BigDecimal pnl = proceeds.subtract(feeInQuote).subtract(entryCost).subtract(entryFees);
        ClosedTrade trade = new ClosedTrade(symbol, sold, entryCost, entryFees, price, feeInQuote, pnl,
                before.openedAt(), order.updatedAt(), order.purpose(), order.clientOrderId());
        Position after = all ? null : new Position(symbol, before.quantity().subtract(sold),
                before.entryCost().subtract(entryCost), before.entryFees().subtract(entryFees), before.openedAt(),
                before.highestPrice());
        if (after == null) {
            positions.remove(symbol);
        } else {
            positions.put(symbol, after);
        }
        return new FillOutcome(before, after, trade);
    }

    /** The part of {@code amount} that {@code part} of {@code whole} carries; only partial sells round. */
    private static BigDecimal share(BigDecimal amount, BigDecimal part, BigDecimal whole) {
        return amount.multiply(part).divide(whole, 12, RoundingMode.HALF_EVEN);
    }
}
