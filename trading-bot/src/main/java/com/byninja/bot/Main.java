package com.byninja.bot;

import com.byninja.bot.backtest.BacktestCommand;
import com.byninja.bot.config.BotConfig;
import com.byninja.bot.config.ConfigLoader;
import com.byninja.runtime.DaemonMain;
import com.byninja.runtime.EffectiveConfig;
import com.byninja.runtime.Logging;
import com.byninja.runtime.config.ConfigException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Starts the trading bot: reads the configuration, starts the bot, and waits until SIGTERM or SIGINT, then stops it
 * and exits 0 ({@link DaemonMain}). Exit code 2 means the arguments or configuration are wrong (one line per problem
 * on stderr), 1 that the bot could not start, or that stopping could not save its state.
 *
 * <p>No logger is touched before Logback's configuration file is chosen, so this class has no logger field.
 */
public final class Main {

    static final String USAGE = """
            Usage: java -jar trading-bot.jar [--config FILE] [--help]
                   java -jar trading-bot.jar backtest --help

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

    /** How long a stop may take before the JVM exits anyway (systemd gives 15 s, the owner expects 5 s). */
    private static final long SHUTDOWN_WAIT_MS = 4_500;

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("backtest")) {
            BacktestCommand.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
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
        ConfigLoader loader = new ConfigLoader(System.getenv());
        try {
            loaded = loader.load(configFile);
        } catch (ConfigException e) {
            e.problems().forEach(System.err::println);
            System.exit(DaemonMain.EXIT_USAGE);
            return;
        }
        // The built-in configuration puts the bot's name in its file's name (trading-bot-NAME.log) and on every line,
        // so that bots sharing a directory keep apart.
        String name = loaded.config().name();
        Logging.configure("trading-bot", Map.of("BYNINJA_LOG_DIR", loaded.config().logDir().toString(),
                "byninja.bot.name", name, "byninja.log.name", "trading-bot-" + name));
        Logging.reportProblems();
        Path file = configFile;
        System.exit(run(loaded, () -> loader.load(file)));
    }

    /**
     * @param source reads the configuration again, as at start, for /reload
     * @return the exit status: 0 after a stop that saved everything, 1 otherwise
     */
    private static int run(ConfigLoader.Loaded loaded, ConfigReloader.Source source) {
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Main.class);
        BotConfig config = loaded.config();
        log.info("starting trading-bot {} with configuration from {} (secrets masked):{}{}", TradingBot.version(),
                loaded.source(), System.lineSeparator(), EffectiveConfig.yaml(loaded.effective(), "  "));
        DaemonMain daemon = new DaemonMain(config.name(), log, SHUTDOWN_WAIT_MS, e -> {
            log.error("trading-bot could not start: {}", StartFailure.describe(e, config));
            log.debug("trading-bot could not start", e);
        });
        return daemon.run(stop -> {
            TradingBot bot = TradingBot.start(loaded, source, Clock.systemUTC());
            return () -> {
                log.info("stop requested {}: shutting {} down", stop.reason(), config.name());
                if (!bot.stop("stopped " + stop.reason())) {
                    stop.failed();
                }
            };
        });
    }

    private static void fail(PrintStream err, String problem) {
        err.println(problem);
        err.println("Try --help.");
        System.exit(DaemonMain.EXIT_USAGE);
    }
}
