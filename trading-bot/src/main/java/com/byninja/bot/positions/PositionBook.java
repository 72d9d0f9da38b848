package com.byninja.bot.positions;

import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.FillOutcome;
import com.byninja.bot.domain.Order;
import com.byninja.bot.domain.OrderRequest.Side;
import com.byninja.bot.domain.Position;
import com.byninja.bot.domain.Symbol;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The open positions, one long per symbol (spot), and the arithmetic of fills: buys open or add to a position,
 * sells reduce or close it and realise PnL net of fees. Owned by the trading thread; not thread-safe.
 *
 * <p>A fill is worked out first ({@link #outcomeOf}), recorded in the store, and only then applied to the book
 * ({@link #apply(FillOutcome)}), so the book never runs ahead of what survives a restart.
 *
 * <p>Amounts are the exchange's own: a buy costs the quote amount the exchange reports, a sell realises the quote
 * amount received. A fee in the quote currency counts as it is; a fee in the coin bought is taken off the quantity
 * received and valued at the fill's average price; a fee in a third currency (BNB) does not move the position and is
 * not in the PnL (it is kept with the order).
 */
public final class PositionBook {

    private final Map<Symbol, Position> positions = new TreeMap<>();
    /** {@link #all()}: a live view, made once rather than at each of the several reads a step. */
    private final Map<Symbol, Position> view = Collections.unmodifiableMap(positions);
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
        return view;
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

    /** Replaces a position, such as one whose quantity was matched to the account; it must have been stored first. */
    public void replace(Position position) {
        positions.put(position.symbol(), position);
    }

    /**
     * Works out what an order's fill does to the book, without changing it.
     *
     * @param order the order with its final fill
     * @return the change; {@code before == after} when nothing filled
     * @throws IllegalStateException for a sell that filled without a position to sell
     */
    public FillOutcome outcomeOf(Order order) {
        Symbol symbol = order.symbol();
        Position before = positions.get(symbol);
        if (!order.hasFill()) {
            return new FillOutcome(symbol, before, before, null, BigDecimal.ZERO);
        }
        BigDecimal filled = order.filledQuantity();
        BigDecimal baseFee = order.fee(symbol.base());
        BigDecimal feeInQuote = order.fee(symbol.quote());
        if (order.side() == Side.BUY) {
            // Coins taken as the fee were paid for and never held: their part of the quote amount is a fee.
            BigDecimal baseFeeValue = baseFee.multiply(order.quoteFilled()).divide(filled, Position.VALUE_PRECISION);
            BigDecimal received = filled.subtract(baseFee);
            BigDecimal cost = order.quoteFilled().subtract(baseFeeValue);
            BigDecimal fees = feeInQuote.add(baseFeeValue);
            Position after = before == null ? Position.open(symbol, received, cost, fees, order.updatedAt())
                    : before.add(received, cost, fees);
            return new FillOutcome(symbol, before, after, null, BigDecimal.ZERO);
        }
        if (before == null) {
            throw new IllegalStateException("sell " + order.clientOrderId() + " filled " + filled.toPlainString()
                    + " " + symbol.base() + " without a position in " + symbol);
        }
        BigDecimal sold = filled.min(before.quantity());
        BigDecimal proceeds = sold.compareTo(filled) == 0 ? order.quoteFilled()
                : order.quoteFilled().multiply(sold).divide(filled, Position.VALUE_PRECISION);
        // Coins taken as a sell's fee leave the position too: their cost goes with the trade.
        BigDecimal consumed = sold.add(baseFee).min(before.quantity());
        BigDecimal left = before.quantity().subtract(consumed);
        boolean all = left.signum() == 0 || left.compareTo(unsellable.apply(symbol)) < 0;
        BigDecimal entryCost = all ? before.entryCost() : share(before.entryCost(), consumed, before.quantity());
        BigDecimal entryFees = all ? before.entryFees() : share(before.entryFees(), consumed, before.quantity());
        BigDecimal pnl = proceeds.subtract(feeInQuote).subtract(entryCost).subtract(entryFees);
        ClosedTrade trade = new ClosedTrade(symbol, sold, entryCost, entryFees,
                proceeds.divide(sold, Position.VALUE_PRECISION).stripTrailingZeros(), feeInQuote, pnl,
                before.openedAt(), order.updatedAt(), order.purpose(), order.clientOrderId());
        Position after = all ? null : new Position(symbol, left, before.entryCost().subtract(entryCost),
                before.entryFees().subtract(entryFees), before.openedAt(), before.highestPrice());
        return new FillOutcome(symbol, before, after, trade, all ? left : BigDecimal.ZERO);
    }

    /** Applies a worked-out fill, once it has been recorded. */
    public void apply(FillOutcome outcome) {
        if (outcome.after() == null) {
            positions.remove(outcome.symbol());
        } else {
            positions.put(outcome.symbol(), outcome.after());
        }
    }

    /** Works out and applies a fill at once: for callers without a store, such as tests and simulations. */
    public FillOutcome apply(Order order) {
        FillOutcome outcome = outcomeOf(order);
        apply(outcome);
        return outcome;
    }

    /** The part of {@code amount} that {@code part} of {@code whole} carries; only partial sells divide. */
    private static BigDecimal share(BigDecimal amount, BigDecimal part, BigDecimal whole) {
        return amount.multiply(part).divide(whole, Position.VALUE_PRECISION);
    }
}
