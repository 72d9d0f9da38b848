package com.byninja.bot;

import com.byninja.bot.config.ConfigException;
import com.byninja.bot.config.ConfigLoader;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts the trading bot: reads the configuration, starts the bot, and waits until SIGTERM or SIGINT, then closes it
 * and exits 0. Exit code 2 means the arguments or configuration are wrong (one line per problem on stderr), 1 that
 * the bot could not start.
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
            Logging: config/logback-trading-bot.xml in the working directory when present, else built in.
            Stop with SIGTERM or Ctrl-C.""";

    private static final Path LOGBACK_FILE = Path.of("config", "logback-trading-bot.xml");
    private static final String LOGBACK_RESOURCE = "logback-trading-bot.xml";
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
        configureLogging(loaded.config().logDir());
        run(loaded);
    }

    private static void run(ConfigLoader.Loaded loaded) {
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Main.class);
        CountDownLatch stopRequested = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean exitingOnError = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopRequested.countDown();
            try {
                stopped.await(SHUTDOWN_WAIT_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!exitingOnError.get()) {
                // A signal would otherwise end the JVM with 143; a requested stop that went well is a success.
                Runtime.getRuntime().halt(0);
            }
        }, "shutdown"));
        log.info("starting trading-bot {} with configuration from {}: {}", TradingBot.version(), loaded.source(),
                loaded.effective());
        try (TradingBot bot = TradingBot.start(loaded.config(), Clock.systemUTC())) {
            stopRequested.await();
            log.info("stop requested; shutting {} down", bot.config().name());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.error("trading-bot could not start: {}", e.getMessage(), e);
            exitingOnError.set(true);
            stopLogging();
            stopped.countDown();
            System.exit(1);
        }
        stopLogging();
        stopped.countDown();
    }

    /** Chooses Logback's configuration before the first logger exists: the working directory's file, else ours. */
    static void configureLogging(Path logDir) {
        if (System.getProperty("BYNINJA_LOG_DIR") == null) {
            System.setProperty("BYNINJA_LOG_DIR", logDir.toString());
        }
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", Files.isRegularFile(LOGBACK_FILE)
                    ? LOGBACK_FILE.toString() : LOGBACK_RESOURCE);
        }
    }

    private static void stopLogging() {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            context.stop();
        }
    }

    private static void fail(PrintStream err, String problem) {
        err.println(problem);
        err.println("Try --help.");
        System.exit(2);
    }
}
