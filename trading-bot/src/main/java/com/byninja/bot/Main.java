package com.byninja.bot;

import com.byninja.runtime.EffectiveConfig;
import com.byninja.runtime.Logging;
import com.byninja.bot.config.BotConfig;
import com.byninja.bot.config.ConfigException;
import com.byninja.bot.config.ConfigLoader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts the trading bot: reads the configuration, starts the bot, and waits until SIGTERM or SIGINT, then stops it
 * and exits 0. Exit code 2 means the arguments or configuration are wrong (one line per problem on stderr), 1 that
 * the bot could not start, or that stopping could not save its state.
 *
 * <p>No logger is touched before Logback's configuration file is chosen, so this class has no logger field.
 */
public final class Main {

    static final String USAGE = """
            Usage: java -jar trading-bot.jar [--config FILE] [--help]

            Runs the ByNinja trading bot. Without --config it reads config/trading-bot.yml from the working directory
            when that exists, else its built-in defaults (the shipped config/trading-bot.yml): the simulated exchange
            with a paper wallet, BTC/USDT and ETH/USDT.

              --config FILE   YAML configuration; keys left out keep their defaults
              --help          print this text

            Environment: BYNINJA_BOT_NAME, BYNINJA_DATA_DIR (default data), BYNINJA_LOG_DIR (default logs),
            BYNINJA_LINK_HOST, BYNINJA_LINK_PORT, BYNINJA_LINK_SECRET (else the link.secretFile is used, created when
            missing), BYNINJA_EXCHANGE_API_KEY and BYNINJA_EXCHANGE_API_SECRET (live trading only; never logged).
            Logging: the console and <log directory>/trading-bot-<name>.log; config/logback-trading-bot.xml in the
            working directory replaces the built-in logging configuration when present.
            Stop with SIGTERM or Ctrl-C.""";

    private static final long SHUTDOWN_WAIT_MS = 4_500;

    private Main() {
    }

    public static void main(String[] args) {
        Path configFile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    return;
                }
                case "--config" -> {
                    if (i + 1 >= args.length) {
                        fail(System.err, "--config: needs a file name");
                    }
                    configFile = Path.of(args[++i]);
                }
                default -> fail(System.err, args[i] + ": unknown argument");
            }
        }
        ConfigLoader.Loaded loaded;
        try {
            loaded = new ConfigLoader(System.getenv()).load(configFile);
        } catch (ConfigException e) {
            e.problems().forEach(System.err::println);
            System.exit(2);
            return;
        }
        // The built-in configuration puts the bot's name in its file's name (trading-bot-NAME.log) and on every line,
        // so that bots sharing a directory keep apart.
        String name = loaded.config().name();
        Logging.configure("trading-bot", Map.of("BYNINJA_LOG_DIR", loaded.config().logDir().toString(),
                "byninja.bot.name", name, "byninja.log.name", "trading-bot-" + name));
        Logging.reportProblems();
        run(loaded);
    }

    private static void run(ConfigLoader.Loaded loaded) {
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Main.class);
        BotConfig config = loaded.config();
        CountDownLatch stopRequested = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicInteger exitCode = new AtomicInteger();
        StopSignals.watch();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopRequested.countDown();
            boolean inTime = false;
            try {
                inTime = stopped.await(SHUTDOWN_WAIT_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!inTime) {
                log.error("{} did not finish stopping within {} ms; exiting now, its state may not be saved",
                        config.name(), SHUTDOWN_WAIT_MS);
                Logging.stop();
                exitCode.set(1);
            }
            // A signal would otherwise end the JVM with 143: a stop that saved everything is a success.
            Runtime.getRuntime().halt(exitCode.get());
        }, "shutdown"));
        log.info("starting trading-bot {} with configuration from {} (secrets masked):{}{}", TradingBot.version(),
                loaded.source(), System.lineSeparator(), EffectiveConfig.yaml(loaded.effective(), "  "));
        TradingBot bot;
        try {
            bot = TradingBot.start(config, Clock.systemUTC());
        } catch (Exception e) {
            log.error("trading-bot could not start: {}", StartFailure.describe(e, config));
            log.debug("trading-bot could not start", e);
            exitCode.set(1);
            Logging.stop();
            stopped.countDown();
            System.exit(1);
            return;
        }
        try {
            stopRequested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String by = StopSignals.received().map(signal -> "by its owner (" + signal + ")")
                .orElse("as the JVM shuts down");
        log.info("stop requested {}: shutting {} down", by, config.name());
        boolean saved = bot.stop("stopped " + by);
        exitCode.set(saved ? 0 : 1);
        Logging.stop();
        stopped.countDown();
    }

    private static void fail(PrintStream err, String problem) {
        err.println(problem);
        err.println("Try --help.");
        System.exit(2);
    }
}
