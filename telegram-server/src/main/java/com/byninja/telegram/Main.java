package com.byninja.telegram;

import com.byninja.protocol.LinkSecret;
import com.byninja.runtime.DaemonMain;
import com.byninja.runtime.Logging;
import com.byninja.runtime.config.ConfigException;
import com.byninja.telegram.config.ConfigLoader;
import com.byninja.telegram.config.TelegramServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar telegram-server.jar [--config FILE] [--console]}: loads the configuration, starts the
 * {@link TelegramServer} and runs until SIGTERM or SIGINT (or, with {@code --console}, the end of standard input),
 * as {@link DaemonMain} runs a daemon. Exit codes: 0 after a clean stop, 1 when start-up failed, 2 for bad arguments
 * or configuration.
 */
public final class Main {
    static final String USAGE = """
            Usage: java -jar telegram-server.jar [--config FILE] [--console]

            The ByNinja control server: Telegram long polling, owner-only commands, and the link server the trading
            bots connect to.

              --config FILE  read the configuration from FILE (default: config/telegram-server.yml when it exists,
                             else the built-in defaults)
              --console      read commands from standard input and print replies, alerts and logs to standard
                             output, instead of using Telegram; needs no token
              --help         print this text

            Environment: BYNINJA_TELEGRAM_TOKEN, BYNINJA_TELEGRAM_ALLOWED_CHATS, BYNINJA_TELEGRAM_API_URL,
            BYNINJA_LINK_BIND, BYNINJA_LINK_PORT, BYNINJA_LINK_SECRET, BYNINJA_DATA_DIR, BYNINJA_LOG_DIR.
            """;
    static final String ENV_LINK_SECRET = "BYNINJA_LINK_SECRET";
    /** How long a stop may take before the JVM exits anyway (systemd gives 15 s, the owner expects 5 s). */
    private static final long SHUTDOWN_WAIT_MS = 4_500;

    private Main() {
    }

    /** The parsed command line. */
    record Arguments(Optional<Path> config, boolean console, boolean help) {
        static Arguments parse(String[] args) {
            Optional<Path> config = Optional.empty();
            boolean console = false;
            boolean help = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--config" -> {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException("--config needs a file name");
                        }
                        config = Optional.of(Path.of(args[++i]));
                    }
                    case "--console" -> console = true;
                    case "--help", "-h" -> help = true;
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            return new Arguments(config, console, help);
        }
    }

    public static void main(String[] args) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("telegram-server: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(DaemonMain.EXIT_USAGE);
            return;
        }
        if (arguments.help()) {
            System.out.print(USAGE);
            return;
        }
        // Console mode: replies go to stdout; the console shows only warnings and errors, on stderr.
        Logging.configure("telegram-server", arguments.console()
                ? Map.of("byninja.console.target", "System.err", "byninja.console.level", "WARN") : Map.of());
        Logging.reportProblems();
        Optional<Launch> launch = prepare(arguments, System.getenv(), System.err);
        if (launch.isEmpty()) {
            System.exit(DaemonMain.EXIT_USAGE);
            return;
        }
        System.exit(run(launch.get(), System.in, System.out));
    }

    /** Everything checked before start: the configuration and the link secret. */
    record Launch(TelegramServerConfig config, LinkSecret secret, boolean console) {
    }

    /** @return what to start, or empty after printing on {@code err} why it cannot start */
    static Optional<Launch> prepare(Arguments arguments, Map<String, String> env, PrintStream err) {
        TelegramServerConfig config;
        try {
            config = new ConfigLoader(env).load(arguments.config(), arguments.console());
        } catch (ConfigException e) {
            // One line per problem, nothing else: each names its file and line, or its environment variable.
            e.problems().forEach(err::println);
            return Optional.empty();
        }
        try {
            LinkSecret secret = LinkSecret.resolve(env.get(ENV_LINK_SECRET), config.linkSecretFile());
            logSecretOrigin(secret);
            return Optional.of(new Launch(config, secret, arguments.console()));
        } catch (IOException | RuntimeException e) {
            err.println("telegram-server: cannot start, no usable link secret: " + e.getMessage()
                    + " (set " + ENV_LINK_SECRET + " to 16 or more characters, or fix link.secretFile "
                    + config.linkSecretFile().toAbsolutePath() + ")");
            return Optional.empty();
        }
    }

    /** The trading bots must hold the same secret: say where this one is, and loudly when it was just made. */
    private static void logSecretOrigin(LinkSecret secret) {
        org.slf4j.Logger log = LoggerFactory.getLogger(Main.class);
        if (secret.file() == null) {
            log.info("Link secret from the environment ({})", secret.origin());
        } else if (secret.created()) {
            log.warn("Link secret: none in {} or {}, so a new one was created there. The trading bots must use the "
                    + "same secret: start them with the same data directory, copy this file to their secret file, or "
                    + "set {} to this file's content on both sides", ENV_LINK_SECRET, secret.file(), ENV_LINK_SECRET);
        } else {
            log.info("Link secret from the file {}", secret.file());
        }
    }

    /** @return the exit status: 0 after a clean stop, 1 when the server could not start */
    private static int run(Launch launch, InputStream in, PrintStream out) {
        Logger log = LoggerFactory.getLogger(Main.class);
        TelegramServerConfig.Link link = launch.config().link();
        DaemonMain daemon = new DaemonMain("telegram-server", log, SHUTDOWN_WAIT_MS, e -> {
            // Said once, on the console and in the file; the stack trace only at DEBUG.
            log.error("Cannot start: {}", LinkAddress.describeFailure(e, link.bind(), link.port()));
            log.debug("Cannot start", e);
        });
        return daemon.run(stop -> {
            TelegramServer.Console console = launch.console()
                    ? new TelegramServer.Console(in, out, () -> stop.request("at the end of its console input"))
                    : null;
            TelegramServer server = TelegramServer.start(launch.config(), launch.secret(), console);
            log.info("Running; trading bots connect to {}", server.whereBotsConnect());
            return server;
        });
    }
}
