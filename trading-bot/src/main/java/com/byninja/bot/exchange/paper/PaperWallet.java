package com.byninja.bot.exchange.paper;

import com.byninja.bot.config.BotConfig.SimulatorSettings;
import com.byninja.bot.domain.ExecutionReport.Refusal;
import com.byninja.bot.domain.ExecutionReport;
import com.byninja.bot.domain.Fee;
import com.byninja.bot.domain.OrderRequest;
import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.store.Database;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Paper money: the simulated wallet and its fills, kept in the bot's database by {@link SimulatorLedger}. The
 * simulator fills at its random-walk price; paper trading on a real exchange fills here at the exchange's last price.
 * Either way one client order id executes at most once.
 *
 * <p>Fill arithmetic, exact: a buy of quote amount {@code A} at fill price {@code P} receives {@code Q = A / P}
 * rounded down to the quantity step, costs {@code Q * P} plus a fee of {@code Q * P * feePct / 100} rounded up to
 * {@value #FEE_DECIMALS} decimals. A sell of {@code Q} credits {@code Q * P} minus the fee likewise. Buys fill
 * {@code slippagePct} above the price, sells below it, and the fill price is rounded to the market's price tick
 * against the trader (buys up, sells down): rounded to the nearest tick, a slippage under half a tick would vanish
 * and paper trading would fill better than a real market ever does.
 */
public final class PaperWallet {

    /** Decimals of base quantities, when the market does not say otherwise. */
    public static final int QUANTITY_DECIMALS = 8;
    /** Decimals of fees. */
    public static final int FEE_DECIMALS = 8;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final SimulatorSettings settings;
    private final Clock clock;
    private final WalletLedger ledger;
    private final Map<String, BigDecimal> balances;
    private final String prefix;
    private long orderSequence;

    /**
     * @param settings      fee, slippage and starting balance
     * @param quoteCurrency the currency the wallet starts with
     * @param db            where the wallet is kept
     * @param clock         fill times
     * @param idPrefix      the exchange order ids' prefix, such as {@code SIM}
     * @throws SQLException when the wallet cannot be read
     */
    public PaperWallet(SimulatorSettings settings, String quoteCurrency, Database db, Clock clock, String idPrefix)
            throws SQLException {
        this(settings, quoteCurrency, new SimulatorLedger(db), clock, idPrefix);
    }

    /**
     * @param ledger where the wallet is kept: the database, or memory for a backtest
     * @throws SQLException when the wallet cannot be read
     */
    public PaperWallet(SimulatorSettings settings, String quoteCurrency, WalletLedger ledger, Clock clock,
                       String idPrefix) throws SQLException {
        this.settings = settings;
        this.clock = clock;
        this.ledger = ledger;
        this.prefix = idPrefix;
        Map<String, BigDecimal> loaded = ledger.loadBalances();
        if (loaded.isEmpty()) {
            loaded.put(quoteCurrency, settings.startingBalance());
            ledger.saveBalances(loaded);
        }
        this.balances = loaded;
        this.orderSequence = ledger.orderCount();
    }

    /**
     * Fills a market order at {@code price}, once: a client order id already executed returns its first report.
     *
     * @param request       the order
     * @param price        the market price now
     * @param priceTick    the market's price increment (such as {@code 0.01}); fill prices are multiples of it
     * @param quantityStep the smallest quantity increment, or null for {@value #QUANTITY_DECIMALS} decimals
     * @return the fill or the rejection
     * @throws ExchangeException when the ledger cannot be written
     */
    public synchronized ExecutionReport fill(OrderRequest request, BigDecimal price, BigDecimal priceTick,
                                             BigDecimal quantityStep) throws ExchangeException {
        if (priceTick == null || priceTick.signum() <= 0) {
            throw new IllegalArgumentException("a price tick must be positive, got " + priceTick);
        }
        try {
            Optional<ExecutionReport> existing = ledger.findOrder(request.clientOrderId());
            if (existing.isPresent()) {
                return existing.get();
            }
            Instant now = clock.instant();
            Map<String, BigDecimal> after = new HashMap<>(balances);
            ExecutionReport report = request.side() == OrderRequest.Side.BUY
                    ? buy(request, price, priceTick, quantityStep, after, now)
                    : sell(request, price, priceTick, after, now);
            ledger.recordExecution(report, after);
            balances.clear();
            balances.putAll(after);
            return report;
        } catch (SQLException e) {
            throw new ExchangeException("paper wallet ledger failed: " + e.getMessage(), e);
        }
    }

    private ExecutionReport buy(OrderRequest request, BigDecimal price, BigDecimal tick, BigDecimal step,
                                Map<String, BigDecimal> wallet, Instant now) {
        BigDecimal fill = toTick(price.multiply(BigDecimal.ONE.add(settings.slippagePct().divide(HUNDRED))), tick,
                RoundingMode.CEILING);
        BigDecimal quantity = request.quoteAmount().divide(fill, QUANTITY_DECIMALS, RoundingMode.DOWN);
        if (step != null && step.signum() > 0) {
            quantity = quantity.divideToIntegralValue(step).multiply(step).setScale(step.scale(), RoundingMode.DOWN);
        }
        if (quantity.signum() == 0) {
            return ExecutionReport.rejected(request.clientOrderId(), Refusal.BELOW_EXCHANGE_MINIMUM,
                    "amount below one unit of quantity", now);
        }
        BigDecimal cost = quantity.multiply(fill);
        BigDecimal fee = fee(cost);
        String quote = request.symbol().quote();
        BigDecimal free = wallet.getOrDefault(quote, BigDecimal.ZERO);
        if (free.compareTo(cost.add(fee)) < 0) {
            return ExecutionReport.rejected(request.clientOrderId(), Refusal.INSUFFICIENT_BALANCE, "insufficient "
                    + quote + " balance: need "
                    + cost.add(fee).toPlainString() + ", have " + free.toPlainString(), now);
        }
        wallet.put(quote, free.subtract(cost).subtract(fee));
        wallet.merge(request.symbol().base(), quantity, BigDecimal::add);
        return ExecutionReport.executed(request.clientOrderId(), nextExchangeOrderId(), ExecutionReport.Status.FILLED,
                quantity, cost, List.of(new Fee(fee, quote)), now);
    }

    private ExecutionReport sell(OrderRequest request, BigDecimal price, BigDecimal tick,
                                 Map<String, BigDecimal> wallet, Instant now) {
        // At a price of one tick, rounding down would sell for nothing: the smallest price stands in.
        BigDecimal fill = toTick(price.multiply(BigDecimal.ONE.subtract(settings.slippagePct().divide(HUNDRED))), tick,
                RoundingMode.FLOOR).max(tick);
        String base = request.symbol().base();
        BigDecimal held = wallet.getOrDefault(base, BigDecimal.ZERO);
        if (held.compareTo(request.quantity()) < 0) {
            return ExecutionReport.rejected(request.clientOrderId(), Refusal.INSUFFICIENT_BALANCE, "insufficient "
                    + base + " balance: need "
                    + request.quantity().toPlainString() + ", have " + held.toPlainString(), now);
        }
        BigDecimal proceeds = request.quantity().multiply(fill);
        BigDecimal fee = fee(proceeds);
        String quote = request.symbol().quote();
        wallet.put(base, held.subtract(request.quantity()));
        wallet.merge(quote, proceeds.subtract(fee), BigDecimal::add);
        return ExecutionReport.executed(request.clientOrderId(), nextExchangeOrderId(), ExecutionReport.Status.FILLED,
                request.quantity(), proceeds, List.of(new Fee(fee, quote)), now);
    }

    /**
     * @return {@code price} as a whole number of ticks, rounded the given way (exact: {@code 1.0005} on a
     *         {@code 0.01} tick is {@code 1.01} rounded up and {@code 1.00} rounded down)
     */
    static BigDecimal toTick(BigDecimal price, BigDecimal tick, RoundingMode rounding) {
        BigDecimal ticks = price.divide(tick, 0, rounding);
        return ticks.multiply(tick).setScale(Math.max(0, tick.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY);
    }

    private BigDecimal fee(BigDecimal value) {
        return value.multiply(settings.feePct()).divide(HUNDRED).setScale(FEE_DECIMALS, RoundingMode.UP);
    }

    private String nextExchangeOrderId() {
        return prefix + "-" + (++orderSequence);
    }

    /**
     * @return the report of the order with this client order id, or empty when it never executed
     * @throws ExchangeException when the ledger cannot be read
     */
    public Optional<ExecutionReport> find(String clientOrderId) throws ExchangeException {
        try {
            return ledger.findOrder(clientOrderId);
        } catch (SQLException e) {
            throw new ExchangeException("paper wallet ledger failed: " + e.getMessage(), e);
        }
    }

    /** @return the free balance per currency. */
    public synchronized Map<String, BigDecimal> balances() {
        return Map.copyOf(balances);
    }

    /** @return the fee of every fill, in percent of its quote value. */
    public BigDecimal feePct() {
        return settings.feePct();
    }
}
