package com.byninja.bot;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.byninja.bot.backtest.ChatBacktests;
import com.byninja.bot.config.BotConfig;
import com.byninja.bot.config.ConfigLoader;
import com.byninja.bot.config.Durations;
import com.byninja.bot.control.SymbolResolver;
import com.byninja.bot.domain.Alert;
import com.byninja.bot.domain.AlertKind;
import com.byninja.bot.domain.Money;
import com.byninja.bot.domain.Position;
import com.byninja.bot.domain.Symbol;
import com.byninja.bot.domain.Ticker;
import com.byninja.bot.engine.AlertIds;
import com.byninja.bot.engine.OpenOrdersWatch;
import com.byninja.bot.engine.Reconciliation;
import com.byninja.bot.engine.StepClock;
import com.byninja.bot.engine.Trader;
import com.byninja.bot.engine.TradingEngine;
import com.byninja.bot.engine.port.Alerts;
import com.byninja.bot.engine.port.Journals;
import com.byninja.bot.exchange.AccountView;
import com.byninja.bot.exchange.Exchange;
import com.byninja.bot.exchange.TimedExchange;
import com.byninja.bot.link.AlertOutbox;
import com.byninja.bot.link.BotInfo;
import com.byninja.bot.link.BotLink;
import com.byninja.bot.link.BotOperations;
import com.byninja.bot.link.BuildInfo;
import com.byninja.bot.link.CommandHandler;
import com.byninja.bot.link.ConfigReloads;
import com.byninja.bot.link.HealthReport;
import com.byninja.bot.link.LogForwardingAppender;
import com.byninja.bot.link.LogsReport;
import com.byninja.bot.link.RecentLogs;
import com.byninja.bot.link.StatusReport;
import com.byninja.bot.link.VersionReport;
import com.byninja.bot.marketdata.MarketMonitor;
import com.byninja.bot.orders.ClientOrderIds;
import com.byninja.bot.orders.OrderExecutor;
import com.byninja.bot.orders.OrderManager;
import com.byninja.bot.risk.RiskManager;
import com.byninja.bot.store.Database;
import com.byninja.bot.store.TradingStore;
import com.byninja.bot.strategy.Strategies;
import com.byninja.bot.strategy.TradingStrategy;
import com.byninja.protocol.Message;
import com.byninja.protocol.Tag;
import com.byninja.runtime.Counters;
import com.byninja.runtime.ErrorHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the bot and owns its lifecycle. Threads: {@code trading-engine} (every decision), one
 * {@code market-monitor-BASE/QUOTE} and {@code order-executor-BASE/QUOTE} per symbol (prices; exchange calls),
 * {@code order-balances}, {@code log-forwarder}, and the link's reader and writer. {@link #stop} ends them in reverse
 * order of start: first no new decisions, then the exchange calls, then what remains is saved, and last the link, so
 * that the final alerts still go out.
 */
public final class TradingBot implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TradingBot.class);
    private static final long DELIVERED_ALERTS_INTERVAL_MS = 1_000;
    /** How long the exchange calls in progress are given to end once stopping has begun. */
    private static final long CALLS_STOP_MS = 1_500;

    private final BotConfig config;
    private final Database db;
    private final TimedExchange exchange;
    private final OrderExecutor executor;
    private final Map<Symbol, MarketMonitor> monitors = new LinkedHashMap<>();
    private final Trader trader;
    private final TradingEngine engine;
    private final BotLink link;
    private final CommandHandler commands;
    /** {@code /backtest} from the chat, on a thread of its own. */
    private final ChatBacktests backtests;
    private volatile LogForwardingAppender logForwarder;
    /** The last warning and error lines, for /logs; the log forwarder fills it. */
    private final RecentLogs recentLogs = new RecentLogs();
    /** Null for a bot given its configuration directly, which has no file to read again. */
    private final ConfigReloader reloader;
    /** Null without a real account. */
    private final OpenOrdersWatch openOrders;
    private final AlertOutbox alerts;
    /** Drops and failures for {@code status}, over Micrometer. */
    private final Counters counters = new Counters();
    /** Told of any thread's unexpected failure: logged (rate-limited) and counted. */
    private final ErrorHandler threadErrors = ErrorHandler.logging(LOG, counters);
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile boolean saved = true;

    private TradingBot(BotConfig config, ConfigLoader.Loaded loaded, ConfigReloader.Source source, Clock clock)
            throws Exception {
        this.config = config;
        recentLogs.mask(Arrays.asList(config.exchange().apiKey(), config.exchange().apiSecret(),
                config.link().secretFromEnv()));
        this.db = Database.open(config.databaseFile());
        Exchange opened = null;
        try {
            TradingStore store = new TradingStore(db);
            this.link = new BotLink(config.link(), config.name(), this::onCommand);
            // Every alert is in the database before it is sent; those raised while starting go out first.
            this.alerts = new AlertOutbox(store, new AlertIds(clock), clock, link::send);
            link.onAlertDelivery(alerts::acknowledged, alerts::dropped);
            // A position on a symbol removed from the configuration is still priced, protected and closable.
            BotConfig traded = config.withSymbols(store.loadPositions().stream().map(Position::symbol).toList());
            opened = Exchanges.open(traded, db, clock, alerts);
            // Every exchange call is timed where it is made, for /health.
            this.exchange = new TimedExchange(opened);
            Optional<AccountView> account = exchange.account();
            if (account.isPresent()) {
                // Before any command or trade: what the database says against what the exchange says.
                Reconciliation reconciliation = new Reconciliation(account.get(), exchange.rules(), store, store,
                        alerts);
                reconciliation.run(traded.symbols());
                // And while it runs: open orders someone else placed are reported as they appear.
                this.openOrders = new OpenOrdersWatch(account.get(), store, alerts,
                        config.orders().openOrdersCheckMs(), reconciliation.strangers(), threadErrors);
            } else {
                this.openOrders = null;
            }
            this.executor = new OrderExecutor(exchange.execution(), traded.symbols(),
                    config.engine().orderQueueCapacity(), config.engine().balanceRefreshMs());
            TradingStrategy strategy = Strategies.create(config.strategy());
            // Every decision reads the trading step's instant, the order manager's included.
            StepClock time = new StepClock(clock);
            OrderManager orders = new OrderManager(store, executor, new ClientOrderIds(time), time,
                    config.exchange().live() ? config.exchange().unknownOrderWindowMs() : 0,
                    config.orders().statusPollMs());
            Exchange paused = exchange;
            this.trader = Trader.restore(config, time, strategy,
                    new RiskManager(config.risk(), config.quoteCurrency(), exchange.execution().feePct(),
                            exchange.rules()),
                    orders, Journals.of(store), alerts, this::lastPrice, exchange.execution().balances(),
                    paused::buyingPaused, exchange.marketData().exchangeName());
            this.engine = new TradingEngine(trader, executor, config.engine().eventQueueCapacity(),
                    config.engine().commandQueueCapacity(), threadErrors);
            MarketMonitor.HealthListener health = new PriceHealthAlerts(alerts);
            for (Symbol s : trader.symbols()) {
                monitors.put(s, new MarketMonitor(s, exchange.marketData(), config.timeframe(),
                        config.marketData().pollIntervalMs(), config.marketData().warmupBars(),
                        config.marketData().errorAlertAfter(), engine, health, clock, threadErrors));
            }
            BotInfo info = new BotInfo(config.name(), version(), exchange.marketData().exchangeName(),
                    config.exchange().mode(), Durations.format(config.timeframe()), clock.instant());
            this.backtests = new ChatBacktests(config, exchange.marketData(), alerts, clock);
            registerCounters();
            Function<Symbol, String> candleSources = s -> monitors.containsKey(s) ? monitors.get(s).candleSource()
                    : null;
            StatusReport reports = new StatusReport(info, trader, clock, link::status, this::counters,
                    candleSources);
            this.reloader = source == null ? null : new ConfigReloader(loaded, source, engine::submit, link::send,
                    threadErrors);
            BotOperations operations = new BotOperations(
                    new HealthReport(link::status, this::counters, this::queues,
                            new HealthReport.ExchangeCalls(exchange.marketData().exchangeName(), exchange.prices(),
                                    exchange.orders()), trader::latest, candleSources, clock),
                    new LogsReport(recentLogs, clock),
                    new VersionReport(BuildInfo.of(TradingBot.class), info.startedAt(),
                            OptionalInt.of(Database.SCHEMA_VERSION), clock),
                    reloader == null ? ConfigReloads.none() : reloader);
            this.commands = new CommandHandler(trader, new SymbolResolver(trader.symbols()), reports, alerts,
                    operations, backtests);
            // Delivered alerts leave the outbox in one transaction a second, off the link's reader thread.
            engine.every(DELIVERED_ALERTS_INTERVAL_MS, alerts::forgetDelivered);
            if (config.link().statusIntervalMs() > 0) {
                engine.every(config.link().statusIntervalMs(), () -> link.send(new Message(Tag.STATUS,
                        "status", Message.nowSeconds(), null, null, null, null, reports.status().data())));
            }
        } catch (Exception | Error e) {
            if (opened != null) {
                opened.close();
            }
            db.close();
            throw e;
        }
    }

    /**
     * Opens the database, restores state and starts every thread.
     *
     * @param config a validated configuration
     * @param clock  the bot's time
     * @return the running bot; {@link #stop} it
     * @throws Exception when the bot cannot start (database, secret file); nothing is left running then, and no alert
     *                   claims that a bot which never started has stopped
     */
    public static TradingBot start(BotConfig config, Clock clock) throws Exception {
        return start(new TradingBot(config, null, null, clock));
    }

    /**
     * Opens the database, restores state and starts every thread, with {@code /reload} reading the configuration
     * again from {@code source}.
     *
     * @param loaded the configuration as read at start, validated
     * @param source reads it again, the same way
     * @param clock  the bot's time
     * @return the running bot; {@link #stop} it
     * @throws Exception as {@link #start(BotConfig, Clock)}
     */
    static TradingBot start(ConfigLoader.Loaded loaded, ConfigReloader.Source source, Clock clock) throws Exception {
        return start(new TradingBot(loaded.config(), loaded, source, clock));
    }

    private static TradingBot start(TradingBot bot) throws Exception {
        try {
            bot.startThreads();
        } catch (Exception | Error e) {
            bot.shutDown("did not start", false);
            throw e;
        }
        return bot;
    }

    private void startThreads() throws Exception {
        link.start();
        alerts.start();
        executor.start();
        engine.start();
        monitors.values().forEach(MarketMonitor::start);
        if (reloader != null) {
            reloader.start();
        }
        if (openOrders != null) {
            openOrders.start();
        }
        attachLogForwarder();
        ObjectNode data = Money.object();
        data.put("trading", trader.control().global().trading());
        data.put("openPositions", trader.positions().openCount());
        alerts.raise(new Alert(AlertKind.BOT_STARTED, "Started on " + exchange.marketData().exchangeName() + " ("
                + config.exchange().mode() + "): trading " + (trader.control().global().trading() ? "on" : "off")
                + ", " + Money.count(trader.positions().openCount(), "open position", "open positions") + ".", null,
                data));
        LOG.info("{} trading {} on {} candles with {}; database {}", config.name(), config.symbols(),
                Durations.format(config.timeframe()), Strategies.describe(config), db.file());
    }

    /** On the link's reader thread: hand the command to the trading thread, which replies. */
    private void onCommand(Message command) {
        boolean queued = engine.submit(() -> commands.handle(command, link::send));
        if (!queued) {
            ObjectNode data = Money.object();
            data.put("error", "busy");
            link.send(Message.replyTo(command, "The bot is busy or stopping; command '" + command.message()
                    + "' was not run. Try again.", data));
        }
    }

    private Optional<Ticker> lastPrice(Symbol s) {
        MarketMonitor m = monitors.get(s);
        return m == null ? Optional.empty() : m.lastTicker();
    }

    /**
     * What the bot's queues dropped and its threads failed, read where it is kept; the threads' own unexpected
     * failures ({@code errors}, {@code errors.<thread>}) join them when they happen.
     */
    private void registerCounters() {
        counters.gauge("marketEventsDropped", engine::eventsDropped);
        counters.gauge("commandsRefused", engine::tasksRefused);
        counters.gauge("engineErrors", engine::errors);
        counters.gauge("strategyErrors", trader::strategyErrors);
        counters.gauge("equityWritesFailed", trader::equityWriteFailures);
        counters.gauge("chatBacktestsFailed", backtests::failures);
        counters.gauge("orderTasksRefused", executor::rejectedTasks);
        counters.gauge("orderResultsDropped", executor::droppedResults);
        counters.gauge("feesBeingLookedUp", () -> trader.orders().feesPending());
        counters.gauge("alertsDroppedFromOutbox", alerts::droppedCount);
        counters.gauge("priceErrors", () -> monitors.values().stream().mapToLong(MarketMonitor::errorCount).sum());
        counters.gauge("logLinesDropped", () -> {
            LogForwardingAppender f = logForwarder;
            return f == null ? 0 : f.dropped();
        });
    }

    private ObjectNode counters() {
        ObjectNode n = Money.object();
        counters.snapshot().forEach(n::put);
        return n;
    }

    /** @return the queues between the threads, for /health */
    private List<HealthReport.Queue> queues() {
        List<HealthReport.Queue> queues = new ArrayList<>();
        queues.add(new HealthReport.Queue("market events", engine.eventsWaiting(),
                config.engine().eventQueueCapacity()));
        queues.add(new HealthReport.Queue("commands", engine.commandsWaiting(), config.engine().commandQueueCapacity()));
        queues.add(new HealthReport.Queue("orders", executor.tasksWaiting(),
                executor.laneCapacity() * monitors.size()));
        queues.add(new HealthReport.Queue("order results", executor.resultsWaiting(), 0));
        LogForwardingAppender f = logForwarder;
        if (f != null) {
            queues.add(new HealthReport.Queue("log lines", f.waiting(), config.link().logQueueCapacity()));
        }
        return queues;
    }

    /**
     * Attaches the appender that keeps the warning and error lines for /logs and forwards those of
     * {@code link.forwardLogLevel} and above on the link (none when it is {@code OFF} or the link is disabled).
     */
    private void attachLogForwarder() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        boolean forward = config.link().enabled() && !"OFF".equals(config.link().forwardLogLevel());
        logForwarder = new LogForwardingAppender(forward ? Level.toLevel(config.link().forwardLogLevel()) : Level.OFF,
                config.link().logQueueCapacity(), link::send, threadErrors, recentLogs);
        logForwarder.setContext(context);
        logForwarder.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(logForwarder);
    }

    private void detachLogForwarder() {
        LogForwardingAppender f = logForwarder;
        if (f != null && LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(f);
            f.stop();
        }
    }

    /** @return the trading thread's engine, for tests and diagnostics. */
    public TradingEngine engine() {
        return engine;
    }

    /** @return the link, for tests and diagnostics. */
    public BotLink link() {
        return link;
    }

    /** @return the configuration the bot runs with. */
    public BotConfig config() {
        return config;
    }

    static String version() {
        String v = TradingBot.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /**
     * Stops: first no new decisions; the exchange calls in progress get {@value #CALLS_STOP_MS} ms to end, then are
     * cut off (each one named in the log and in the stop alert: its order stays {@code NEW} and is looked up at the
     * next start); the answers that came in meanwhile are applied; the stop alert goes into the outbox and out on the
     * link, followed by the link's notice that the bot is stopping on purpose; last the link and the database close.
     *
     * @param reason why, for a person, such as {@code stopped by its owner (SIGTERM)}
     * @return whether everything was saved: false when a fill could not be written or the database could not be
     *         closed cleanly
     */
    public boolean stop(String reason) {
        return shutDown(reason, true);
    }

    /** {@link #stop} with no particular reason. */
    @Override
    public void close() {
        shutDown("stopped", true);
    }

    /** @param announce whether the bot had started, so that its stop is alerted and told to the telegram-server */
    private boolean shutDown(String reason, boolean announce) {
        if (!stopping.compareAndSet(false, true)) {
            return saved;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CALLS_STOP_MS);
        monitors.values().forEach(MarketMonitor::requestStop);
        if (reloader != null) {
            reloader.close();
        }
        if (openOrders != null) {
            openOrders.close();
        }
        engine.close();
        executor.requestStop();
        List<OrderExecutor.CutOff> cutOff = executor.awaitStop(deadline);
        String waited = CALLS_STOP_MS / 1000 + "." + CALLS_STOP_MS % 1000 / 100 + " s";
        for (OrderExecutor.CutOff c : cutOff) {
            // The stop alert names it too.
            LOG.warn(Alerts.ALERTED, "stopping: {} had no answer from the exchange after {} and was cut off; {}",
                    c.what(), waited, c.consequence());
        }
        for (MarketMonitor m : monitors.values()) {
            if (!m.awaitStop(deadline)) {
                LOG.info("stopping: the price and candle requests of {} had no answer from the exchange after {} and "
                        + "were cut off", m.symbol(), waited);
            }
        }
        engine.applyLastResults();
        backtests.close();
        exchange.close();
        Set<Symbol> unrecorded = trader.pausedByStore();
        if (!unrecorded.isEmpty()) {
            saved = false;
            LOG.error("stopping: the fills of {} could not be written to the database; their orders stay NEW and are "
                    + "looked up at the next start", unrecorded);
        }
        if (announce) {
            announceStop(reason, cutOff);
        }
        detachLogForwarder();
        link.close();
        alerts.forgetDelivered();
        try {
            db.close();
        } catch (SQLException e) {
            saved = false;
            LOG.error("could not close the database {} cleanly: {}; its last changes may be lost",
                    db.file().toAbsolutePath(), e.getMessage());
        }
        if (announce) {
            LOG.info("{} {}{}", config.name(), reason, saved ? "" : "; not everything could be saved");
        }
        return saved;
    }

    /** The stop alert, through the outbox, then the notice telling the telegram-server the link closes on purpose. */
    private void announceStop(String reason, List<OrderExecutor.CutOff> cutOff) {
        ObjectNode data = Money.object();
        data.put("reason", reason);
        data.put("openPositions", trader.positions().openCount());
        StringBuilder text = new StringBuilder((reason.isEmpty() ? "Stopped"
                : Character.toUpperCase(reason.charAt(0)) + reason.substring(1)) + "; "
                + Money.count(trader.positions().openCount(), "open position", "open positions") + " kept");
        for (OrderExecutor.CutOff c : cutOff) {
            data.withArray("cutOff").add(c.order().clientOrderId());
            String what = c.what();
            text.append(". ").append(Character.toUpperCase(what.charAt(0))).append(what.substring(1))
                    .append(" had no answer from the exchange yet; ").append(c.consequence());
        }
        alerts.raise(new Alert(AlertKind.BOT_STOPPED, text.toString(), null, data));
        link.send(Message.stopping(reason));
    }
}
