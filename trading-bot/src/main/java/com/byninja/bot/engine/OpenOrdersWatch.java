package com.byninja.bot.engine;

import com.byninja.bot.domain.Alert;
import com.byninja.bot.domain.AlertKind;
import com.byninja.bot.engine.port.Alerts;
import com.byninja.bot.engine.port.OrderJournal;
import com.byninja.bot.exchange.AccountView;
import com.byninja.bot.exchange.AccountView.OpenOrder;
import com.byninja.bot.exchange.ExchangeException;
import com.byninja.runtime.Agent;
import com.byninja.runtime.AgentRunner;
import com.byninja.runtime.ErrorHandler;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic half of reconciliation on a live account, on its own thread {@code open-orders-watch}: every
 * {@code orders.openOrdersCheckMs} it reads the account's open orders and reports, once each, those the bot did not
 * place (someone trading by hand, another bot on the same keys): they are never touched, and the coins they hold are
 * not the bot's. The bot's own resting orders are watched by the order manager's polling, which also finds those
 * cancelled or gone. Never on the trading thread: the call may take as long as the exchange does.
 */
public final class OpenOrdersWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpenOrdersWatch.class);
    static final String THREAD = "open-orders-watch";

    private final AccountView account;
    private final OrderJournal orders;
    private final Alerts alerts;
    private final long intervalMs;
    private final Set<String> reported = new HashSet<>();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final AgentRunner runner;

    /**
     * @param account    the live account
     * @param orders     the bot's orders, to tell its own from others'
     * @param alerts     where strangers are reported
     * @param intervalMs how often the account is read
     * @param reported   the open orders the start-up check already reported, by exchange order id
     * @param errors     told of the thread's unexpected failures
     */
    public OpenOrdersWatch(AccountView account, OrderJournal orders, Alerts alerts, long intervalMs,
                           List<OpenOrder> reported, ErrorHandler errors) {
        this.account = account;
        this.orders = orders;
        this.alerts = alerts;
        this.intervalMs = intervalMs;
        reported.forEach(o -> this.reported.add(o.exchangeOrderId()));
        this.runner = new AgentRunner(new Watch(), errors);
    }

    /** Starts the thread. */
    public OpenOrdersWatch start() {
        runner.start();
        return this;
    }

    /**
     * Reads the open orders once and reports the strangers not reported yet.
     *
     * @return the orders reported now
     */
    List<OpenOrder> check() throws ExchangeException, SQLException {
        List<OpenOrder> fresh = new ArrayList<>();
        Set<String> open = new HashSet<>();
        for (OpenOrder o : account.openOrders()) {
            open.add(o.exchangeOrderId());
            boolean ours = o.clientOrderId() != null && orders.order(o.clientOrderId()).isPresent();
            if (!ours && reported.add(o.exchangeOrderId())) {
                fresh.add(o);
            }
        }
        // An order gone from the book may not come back; its id is forgotten so that the set stays small.
        reported.retainAll(open);
        if (!fresh.isEmpty()) {
            String exchange = account.exchangeName();
            List<String> lines = new ArrayList<>();
            ObjectNode data = JsonNodeFactory.instance.objectNode();
            data.put("exchange", exchange);
            for (OpenOrder o : fresh) {
                String line = o.side() + " " + (o.quantity() == null ? "?" : o.quantity().stripTrailingZeros()
                        .toPlainString()) + " " + o.symbol() + " (" + o.type() + (o.price() == null ? "" : " at "
                        + o.price().stripTrailingZeros().toPlainString()) + ", client order id " + o.clientOrderId()
                        + ", id " + o.exchangeOrderId() + ")";
                lines.add(line);
                data.putArray("differences").add(exchange + " has an open order the bot did not place: " + line
                        + "; left alone");
            }
            LOG.warn(Alerts.ALERTED, "{} has {} open orders the bot did not place, left alone: {}", exchange,
                    fresh.size(), lines);
            alerts.raise(new Alert(AlertKind.RECONCILIATION, exchange + " has "
                    + (fresh.size() == 1 ? "an open order" : fresh.size() + " open orders") + " the bot did not place; "
                    + "left alone, and the coins they hold are not the bot's:\n- " + String.join("\n- ", lines),
                    null, data));
        }
        return fresh;
    }

    /** Stops the thread. */
    @Override
    public void close() {
        runner.close();
    }

    private final class Watch implements Agent {
        @Override
        public String roleName() {
            return THREAD;
        }

        @Override
        public int doWork() throws InterruptedException {
            if (stop.await(intervalMs, TimeUnit.MILLISECONDS)) {
                return 0;
            }
            try {
                return check().size();
            } catch (ExchangeException | SQLException e) {
                LOG.info("open orders could not be read ({}); asked again in {} ms", e.getMessage(), intervalMs);
                return 0;
            }
        }

        @Override
        public void onStopRequested() {
            stop.countDown();
        }
    }
}
