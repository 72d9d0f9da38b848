package com.byninja.bot.exchange.binance;

import com.byninja.bot.domain.ExecutionReport;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.exchange.AccountView;
import com.byninja.bot.exchange.ExchangeException;
import com.byninja.bot.exchange.xchange.Calls;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchange.binance.dto.account.BinanceAccountInformation;
import org.knowm.xchange.binance.dto.account.BinanceBalance;
import org.knowm.xchange.binance.dto.trade.BinanceOrder;

/**
 * The Binance account as reconciliation sees it. Reading the balances also takes the account's taker commission as
 * the fee live orders keep aside for buys.
 */
public final class BinanceAccount implements AccountView {

    private final BinanceClient client;
    private final Calls calls;
    private final LiveExecution execution;

    /**
     * @param client    the account's client, with its keys
     * @param calls     the calls to Binance
     * @param execution the account's orders, whose fee this account's commission sets
     */
    public BinanceAccount(BinanceClient client, Calls calls, LiveExecution execution) {
        this.client = client;
        this.calls = calls;
        this.execution = execution;
    }

    @Override
    public String exchangeName() {
        return client.name();
    }

    @Override
    public Optional<ExecutionReport> findOrder(Symbol symbol, String clientOrderId) throws ExchangeException {
        return execution.findOrder(symbol, clientOrderId);
    }

    @Override
    public List<OpenOrder> openOrders() throws ExchangeException {
        List<OpenOrder> open = new ArrayList<>();
        for (BinanceOrder o : calls.read("open orders", client::openOrders)) {
            open.add(new OpenOrder(o.clientOrderId, Long.toString(o.orderId), o.symbol, String.valueOf(o.side),
                    o.origQty, String.valueOf(o.type), price(o.price), price(o.stopPrice)));
        }
        return open;
    }

    /** Binance writes a price an order does not have as zero. */
    private static BigDecimal price(BigDecimal p) {
        return p == null || p.signum() == 0 ? null : p;
    }

    @Override
    public Map<String, BigDecimal> totalBalances() throws ExchangeException {
        BinanceAccountInformation account = calls.read("balances", client::account);
        execution.useCommission(account);
        Map<String, BigDecimal> total = new HashMap<>();
        if (account.balances != null) {
            for (BinanceBalance b : account.balances) {
                total.put(b.getCurrency().getCurrencyCode(), b.getTotal() == null ? BigDecimal.ZERO : b.getTotal());
            }
        }
        return total;
    }
}
