package com.byninja.bot.link;

import com.byninja.bot.domain.Alert;
import com.byninja.bot.domain.OutboxAlert;
import com.byninja.bot.engine.AlertIds;
import com.byninja.bot.engine.port.AlertSink;
import com.byninja.bot.engine.port.Alerts;
import com.byninja.bot.store.TradingStore;
import com.byninja.protocol.Message;
import com.byninja.protocol.Tag;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert outbox: every alert is in the database before it is sent, and is deleted only when the telegram-server
 * acknowledges that Telegram accepted it. The link keeps unacknowledged alerts and sends them again after a
 * reconnection; {@link #start} sends what a previous run left undelivered, so neither a {@code kill -9} of the bot
 * nor one of the server loses an alert. The server drops a second copy by its id, so the chat sees each alert once.
 *
 * <p>Alerts raised before the link starts (live trading announced, start-up reconciliation, recovery) wait in the
 * database and go out first, in the order they were raised.
 */
public final class AlertOutbox implements AlertSink {

    private static final Logger LOG = LoggerFactory.getLogger(AlertOutbox.class);

    private final TradingStore store;
    private final AlertIds ids;
    private final Clock clock;
    private final Predicate<Message> link;
    private final List<OutboxAlert> unsaved = new ArrayList<>();
    private final Queue<String> delivered = new ConcurrentLinkedQueue<>();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong storeErrors = new AtomicLong();
    private boolean started;

    /**
     * @param link sends a frame without blocking (the bot's link)
     */
    public AlertOutbox(TradingStore store, AlertIds ids, Clock clock, Predicate<Message> link) {
        this.store = store;
        this.ids = ids;
        this.clock = clock;
        this.link = link;
    }

    @Override
    public synchronized void raise(Alert raised) {
        OutboxAlert alert = OutboxAlert.of(ids.next(), raised, clock.instant());
        log(alert);
        try {
            store.saveAlerts(List.of(alert));
        } catch (SQLException e) {
            // The store is failing (which may be what this alert is about): send it anyway, undurable.
            storeErrors.incrementAndGet();
            LOG.error("could not keep alert {} in the outbox; sending it without that guarantee", alert.id(), e);
            if (!started) {
                unsaved.add(alert);
                return;
            }
        }
        if (started) {
            send(alert);
        }
    }

    @Override
    public synchronized void deliver(List<OutboxAlert> committed) {
        committed.forEach(AlertOutbox::log);
        if (started) {
            committed.forEach(this::send);
        }
    }

    /** The chat shows an alert's symbol above its text, which does not repeat it: the log names it first. */
    private static void log(OutboxAlert alert) {
        LOG.info("alert: {}{}", alert.symbol() == null ? "" : alert.symbol() + ": ", alert.text());
    }

    /** Sends every alert a previous run (or this start-up) left undelivered, oldest first; later ones go at once. */
    public synchronized void start() {
        List<OutboxAlert> waiting;
        try {
            waiting = store.outbox();
        } catch (SQLException e) {
            storeErrors.incrementAndGet();
            LOG.error("could not read the alert outbox; alerts of the previous run are delivered after the next "
                    + "start", e);
            waiting = List.of();
        }
        if (!waiting.isEmpty()) {
            LOG.info("{} alert(s) not yet delivered; sending them first", waiting.size());
        }
        waiting.forEach(this::send);
        unsaved.forEach(this::send);
        unsaved.clear();
        started = true;
    }

    private void send(OutboxAlert a) {
        link.test(new Message(Tag.ALERT, a.text(), a.createdAt().getEpochSecond(), a.id(), a.symbol(), null, null,
                a.data()));
    }

    /**
     * The telegram-server has delivered the alert: it leaves the outbox at the next {@link #forgetDelivered()}.
     * Called on the link's reader thread, which must not wait for the disk: a reconnection can bring a thousand acks.
     */
    public void acknowledged(String id) {
        acknowledged.incrementAndGet();
        delivered.add(id);
    }

    /**
     * The link had to drop the alert (its buffer of unacknowledged alerts was full during a long outage); the server
     * is told how many were dropped. It leaves the outbox too, so the outbox stays as bounded as the buffer.
     */
    public void dropped(String id) {
        dropped.incrementAndGet();
        delivered.add(id);
    }

    /** Deletes the alerts delivered or dropped since the last call, in one transaction; run every second or so. */
    public void forgetDelivered() {
        List<String> ids = new ArrayList<>();
        for (String id; (id = delivered.poll()) != null; ) {
            ids.add(id);
        }
        if (ids.isEmpty()) {
            return;
        }
        try {
            store.deleteAlerts(ids);
        } catch (SQLException e) {
            storeErrors.incrementAndGet();
            LOG.warn("could not remove {} delivered alert(s) from the outbox: {}; they may be shown again after a "
                    + "restart", ids.size(), e.getMessage());
        }
    }

    /** @return alerts acknowledged by the server since start. */
    public long acknowledgedCount() {
        return acknowledged.get();
    }

    /** @return alerts the link dropped since start. */
    public long droppedCount() {
        return dropped.get();
    }
}
