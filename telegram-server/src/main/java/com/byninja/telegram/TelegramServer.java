package com.byninja.telegram;

import com.byninja.runtime.Closer;
import com.byninja.runtime.Counters;
import com.byninja.runtime.EffectiveConfig;
import com.byninja.runtime.ErrorHandler;
import com.byninja.protocol.LinkConfig;
import com.byninja.protocol.LinkSecret;
import com.byninja.protocol.LinkServer;
import com.byninja.protocol.LinkSession;
import com.byninja.protocol.MessageRouter;
import com.byninja.protocol.Tag;
import com.byninja.protocol.commands.CommandCatalogue;
import com.byninja.protocol.commands.HandledBy;
import com.byninja.telegram.audit.AuditLog;
import com.byninja.telegram.commands.Usage;
import com.byninja.telegram.config.TelegramServerConfig;
import com.byninja.telegram.console.ConsoleButtons;
import com.byninja.telegram.console.ConsolePrinter;
import com.byninja.telegram.console.ConsoleReader;
import com.byninja.telegram.routing.BotEvents;
import com.byninja.telegram.routing.BotWatch;
import com.byninja.telegram.routing.CommandRouter;
import com.byninja.telegram.routing.ConnectionNotices;
import com.byninja.telegram.routing.LinkBots;
import com.byninja.telegram.routing.LogRelay;
import com.byninja.telegram.routing.PendingCommands;
import com.byninja.telegram.routing.Roles;
import com.byninja.telegram.telegram.AllowedChats;
import com.byninja.telegram.telegram.BotApiMessages;
import com.byninja.telegram.telegram.BotIdentity;
import com.byninja.telegram.telegram.ChatInput;
import com.byninja.telegram.telegram.ChatSenders;
import com.byninja.telegram.telegram.HttpClients;
import com.byninja.telegram.telegram.Html;
import com.byninja.telegram.telegram.IncomingUpdates;
import com.byninja.telegram.telegram.TelegramPoller;
import com.byninja.telegram.telegram.TokenScrubber;
import com.byninja.telegram.notify.Digests;
import com.byninja.telegram.notify.Notifications;
import com.byninja.telegram.notify.Topic;
import com.byninja.telegram.watchdog.Watchdog;
import com.byninja.telegram.watchdog.WatchdogPresses;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Wires the daemon and owns its lifecycle: the chat senders, the link server the bots connect to, command routing,
 * and either Telegram long polling or the console. {@link #close()} stops them in reverse order; no thread of ours
 * outlives it.
 */
public final class TelegramServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramServer.class);
    /** The chat id the console stands for. */
    public static final long CONSOLE_CHAT = 0L;
    private static final long CONSOLE_DRAIN_MS = 2_000;

    /**
     * Console mode's streams.
     *
     * @param in    where commands are read from, one per line
     * @param out   where replies, alerts and logs are printed
     * @param onEnd called once the input has ended and the last answers were printed
     */
    public record Console(InputStream in, PrintStream out, Runnable onEnd) {
    }

    /** Console commands answered by this server itself, which need no bot: each name and alias. */
    private static final Set<String> LOCAL_COMMANDS = CommandCatalogue.STANDARD.commands(HandledBy.SERVER).stream()
            .flatMap(command -> Stream.concat(Stream.of(command.name()), command.aliases().stream()))
            .collect(Collectors.toUnmodifiableSet());

    private final TelegramServerConfig config;
    /** What has started, stopped in reverse order. */
    private final Closer started;
    private final ChatSenders output;
    private final PendingCommands pending;
    private final BotEvents events;
    private final CommandRouter router;
    private final LinkBots bots = new LinkBots();
    /** Released when the first trading bot connects. */
    private final CountDownLatch firstBot = new CountDownLatch(1);
    private final LinkServer link;
    private final TokenScrubber scrubber;
    /** Told of every failure of this server's threads: logged once a minute at most, each one counted. */
    private final ErrorHandler errors;
    private OkHttpTelegramClient telegramClient;
    /** The buttons the console printed last, which typing a number presses. */
    private final ConsoleButtons consoleButtons = new ConsoleButtons();

    private TelegramServer(TelegramServerConfig config, LinkSecret secret, Console console) throws IOException {
        this.config = config;
        this.scrubber = new TokenScrubber(config.telegram().token());
        this.started = new Closer((part, e) -> LOG.warn("Stopping {} failed: {}", part.getClass().getSimpleName(),
                scrubber.describe(e)));
        this.errors = ErrorHandler.logging(LOG, new Counters(), scrubber::describe);
        try {
            TelegramServerConfig.Sending sending = config.sending();
            HttpClients http = null;
            if (console == null) {
                http = own(new HttpClients(config.telegram().pollTimeoutSeconds(), sending.requestTimeoutMs()));
                telegramClient = new OkHttpTelegramClient(http.sending(), config.telegram().token(),
                        HttpClients.telegramUrl(config.telegram().apiUrl()));
                output = own(new ChatSenders(config.telegram().allowedChats(),
                        new BotApiMessages(telegramClient, sending.requestTimeoutMs(), scrubber), sending, scrubber,
                        errors));
            } else {
                // The console takes output as fast as it comes: no pacing.
                TelegramServerConfig.Sending unpaced = new TelegramServerConfig.Sending(sending.queueCapacity(), 0,
                        1_000, sending.retryMinDelayMs(), sending.retryMaxDelayMs(), sending.requestTimeoutMs());
                output = own(new ChatSenders(List.of(CONSOLE_CHAT), new ConsolePrinter(console.out(), consoleButtons,
                        Path.of(System.getProperty("java.io.tmpdir"))), unpaced, scrubber, errors));
            }
            output.start();

            Notifications notifications = Notifications.load(Path.of(config.dataDir()).resolve("notifications.json"),
                    config.notifications().zone(), Clock.systemUTC());
            LogRelay logs = own(new LogRelay(notifications.output(Topic.LOGS, output), config.logs(), errors));
            logs.start();
            long replyTimeoutMs = config.routing().replyTimeoutMs();
            pending = own(new PendingCommands(replyTimeoutMs, this::onTimeout, errors));
            TelegramServerConfig.Routing routing = config.routing();
            AuditLog audit = AuditLog.toLogFile(Clock.systemUTC(), scrubber);
            router = own(new CommandRouter(bots, output, pending, new CommandRouter.Settings(
                    Duration.ofSeconds(routing.maxCommandAgeSeconds()), Duration.ofSeconds(routing.confirmSeconds()),
                    routing.confirmForcebuyAbove()), console == null ? roles(config.telegram()) : Roles.everyoneAdmin(),
                    audit, Clock.systemUTC(), errors, notifications));
            ConnectionNotices notices = own(new ConnectionNotices(notifications.output(Topic.CONNECTIONS, output),
                    Duration.ofSeconds(config.telegram().flappingWindowSeconds()), Clock.systemUTC(), errors));
            notices.start();
            Watchdog watchdog = config.watchdog().enabled()
                    ? own(new Watchdog(output, config.watchdog(), Clock.systemUTC(), errors)) : null;
            if (watchdog != null) {
                watchdog.start();
            }
            events = new BotEvents(output, pending, router, logs, notices, replyTimeoutMs, bots, Clock.systemUTC(),
                    watchdog == null ? BotWatch.NONE : watchdog, notifications);
            own(new Digests(notifications, router::askEveryBot, output, Clock.systemUTC())).start();
            // The watchdog's buttons go to it, not to the command router: they run no command.
            ChatInput input = watchdog == null ? router : new WatchdogPresses(watchdog, router, audit);

            link = own(LinkServer.builder(secret)
                    .bindAddress(config.link().bind())
                    .port(config.link().port())
                    .name("telegram-server")
                    .config(LinkConfig.defaults().withHeartbeatIntervalMs(config.link().heartbeatIntervalMs()))
                    .router(new MessageRouter()
                            .on(Tag.REPLY, (from, message) -> events.reply(from.peerName(), message))
                            .on(Tag.ALERT, (from, message) -> events.alert(from.peerName(), message))
                            .on(Tag.LOG, (from, message) -> events.log(from.peerName(), message))
                            .on(Tag.STATUS, (from, message) -> events.status(LinkBots.of(from), message)))
                    .listener(new LinkServer.Listener() {
                        @Override
                        public void onConnected(LinkSession session) {
                            events.connected(LinkBots.of(session));
                            firstBot.countDown();
                        }

                        @Override
                        public void onDisconnected(LinkSession session, String reason) {
                            events.disconnected(LinkBots.of(session), reason, bots.isReplaced(session));
                        }

                        @Override
                        public void onNameInUse(LinkSession holder, String refusedAddress) {
                            events.nameInUse(holder.peerName(), holder.remoteAddress(), refusedAddress);
                        }
                    })
                    .start());
            bots.attach(link);
            LOG.info("Link server listening on {}:{}", config.link().bind(), link.port());

            if (console == null) {
                BotIdentity identity = new BotIdentity(telegramClient, sending.requestTimeoutMs(), scrubber);
                IncomingUpdates updates = new IncomingUpdates(new AllowedChats(config.telegram().allowedChats()),
                        identity, input, Clock.systemUTC());
                TelegramPoller poller = own(new TelegramPoller(config.telegram().token(), config.telegram().apiUrl(),
                        http, config.telegram().pollTimeoutSeconds(), config.telegram().pollBackoffMaxMs(), scrubber,
                        identity::learn, updates, this::registerMenu, errors));
                poller.start();
            } else {
                ConsoleReader reader = own(new ConsoleReader(console.in(), line -> {
                    awaitFirstBot(line, replyTimeoutMs);
                    router.handle(CONSOLE_CHAT, line);
                }, consoleButtons, data -> {
                    awaitFirstBot(data, replyTimeoutMs);
                    input.pressed(ChatInput.ButtonPress.inConsole(CONSOLE_CHAT, data));
                }, () -> consoleEnded(console), errors));
                output.reply(CONSOLE_CHAT, "telegram-server console: trading bots connect to "
                        + Html.escape(whereBotsConnect()) + ". Type /help for the commands.");
                reader.start();
            }
        } catch (IOException | RuntimeException e) {
            // Nothing ran yet: stop what had started without announcing a stop; the caller says why it failed.
            started.close();
            throw e;
        }
    }

    /**
     * Starts everything; on failure, what had started is stopped again.
     *
     * @param console the console's streams, or null to use Telegram
     */
    public static TelegramServer start(TelegramServerConfig config, LinkSecret secret, Console console)
            throws IOException {
        LOG.info("Starting telegram-server{} with this configuration (secrets masked):{}{}",
                console == null ? "" : " in console mode", System.lineSeparator(), EffectiveConfig.yaml(config, "  "));
        return new TelegramServer(config, secret, console);
    }

    /**
     * @return the roles of {@code telegram.users}; an allowed private chat whose own user has none is told of in the
     *         log, since nobody there could run a command
     */
    private static Roles roles(TelegramServerConfig.Telegram telegram) {
        Roles roles = Roles.of(telegram.users());
        if (!telegram.users().isEmpty()) {
            LOG.info("Roles by Telegram user id: {}", telegram.users());
            telegram.allowedChats().stream().filter(chat -> chat > 0 && roles.of(chat).isEmpty()).forEach(chat ->
                    LOG.warn("Chat {} is allowed, but user {} has no role in telegram.users: their commands are "
                            + "refused", chat, chat));
        } else {
            LOG.info("No telegram.users: every member of an allowed chat is an admin");
        }
        return roles;
    }

    /** @return the port the link server listens on */
    public int linkPort() {
        return link.port();
    }

    /**
     * @return the address the trading bots connect to, such as {@code 127.0.0.1:7070}, or, when the server listens on
     *         every address, which ones this machine has
     */
    public String whereBotsConnect() {
        return LinkAddress.whereBotsConnect(config.link().bind(), link.port());
    }

    /** @return the chats' senders, whose queues tests watch to know that a message waits there */
    ChatSenders chatSenders() {
        return output;
    }

    private <T extends AutoCloseable> T own(T resource) {
        return started.add(resource);
    }

    private void onTimeout(PendingCommands.Pending command) {
        events.timedOut(command);
    }

    private void registerMenu() {
        try {
            telegramClient.executeAsync(new SetMyCommands(Usage.menu())).whenComplete((ok, error) -> {
                if (error != null) {
                    LOG.warn("Could not register the command menu: {}", scrubber.describe(error));
                } else {
                    LOG.info("Command menu registered");
                }
            });
        } catch (TelegramApiException e) {
            LOG.warn("Could not register the command menu: {}", scrubber.describe(e));
        }
    }

    /**
     * A script piping commands into the console right after both daemons start would otherwise race the bot's first
     * connection (its reconnection backoff may have grown while this server was down): a command for a bot, typed
     * before any bot has ever connected, waits for the first one up to the reply timeout, once.
     */
    private void awaitFirstBot(String line, long timeoutMs) {
        if (firstBot.getCount() == 0 || !bots.connected().isEmpty()) {
            return;
        }
        String word = line.substring(line.startsWith("/") ? 1 : 0).split("[\\s@]", 2)[0].toLowerCase(Locale.ROOT);
        if (LOCAL_COMMANDS.contains(word)) {
            return;
        }
        output.reply(CONSOLE_CHAT, "No trading bot has connected yet; waiting up to " + timeoutMs / 1000
                + " s for one.");
        try {
            firstBot.await(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        firstBot.countDown();
    }

    private void consoleEnded(Console console) {
        try {
            pending.awaitNone(config.routing().replyTimeoutMs() + CONSOLE_DRAIN_MS);
            output.awaitIdle(CONSOLE_DRAIN_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        console.onEnd().run();
    }

    /**
     * Stops polling or the console, then the link server, the watchdog, relays, timeouts and senders, in that order.
     */
    @Override
    public void close() {
        LOG.info("Stopping telegram-server");
        started.close();
        LOG.info("telegram-server stopped");
    }
}
