package com.byninja.bot.link;

import com.byninja.bot.config.BotConfig.LinkSettings;
import com.byninja.bot.domain.Money;
import com.byninja.protocol.LinkClient;
import com.byninja.protocol.LinkConfig;
import com.byninja.protocol.LinkSecret;
import com.byninja.protocol.LinkStats;
import com.byninja.protocol.Message;
import com.byninja.protocol.MessageRouter;
import com.byninja.protocol.Tag;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Locale;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's end of the link: a {@link LinkClient} under the bot's name that reconnects for ever in the background.
 * Commands go to {@code commands} (called on the link's reader thread, which must not block); replies, alerts and
 * log lines go out through {@link #send}, which never blocks. The link being down never slows trading: alerts wait
 * in the client's bounded buffer, the rest is dropped and counted.
 *
 * <p>A lost connection is logged once per outage, not once per reconnection attempt.
 */
public final class BotLink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BotLink.class);

    private final LinkSettings settings;
    private final String botName;
    private final Consumer<Message> commands;
    private volatile LinkClient client;
    private Consumer<String> acknowledged = id -> { };
    private Consumer<String> dropped = id -> { };
    private boolean outageLogged;

    /**
     * @param settings {@code link.*}
     * @param botName  the name to connect under
     * @param commands receives each {@code command} frame, on the reader thread
     */
    public BotLink(LinkSettings settings, String botName, Consumer<Message> commands) {
        this.settings = settings;
        this.botName = botName;
        this.commands = commands;
    }

    /**
     * Tells the alert outbox what became of each alert: delivered (the telegram-server acknowledged it), or dropped by
     * the link's bounded buffer. Called on link threads. Set before {@link #start()}.
     */
    public void onAlertDelivery(Consumer<String> acknowledgedIds, Consumer<String> droppedIds) {
        this.acknowledged = acknowledgedIds;
        this.dropped = droppedIds;
    }

    /**
     * Resolves the secret and starts connecting in the background; does nothing when the link is disabled.
     *
     * @throws IOException when the secret file cannot be read or created
     */
    public void start() throws IOException {
        if (!settings.enabled()) {
            LOG.info("link disabled (link.enabled: false): no commands, alerts are logged only");
            return;
        }
        LinkSecret secret = LinkSecret.resolve(settings.secretFromEnv(), settings.secretFile());
        logSecretOrigin(secret);
        LOG.info("link: connecting to the telegram-server at {}:{} as '{}'", settings.host(), settings.port(),
                botName);
        LinkConfig config = LinkConfig.defaults()
                .withHeartbeatIntervalMs(settings.heartbeatIntervalMs())
                .withReconnectMinDelayMs(settings.reconnectMinDelayMs())
                .withReconnectMaxDelayMs(settings.reconnectMaxDelayMs());
        client = LinkClient.builder(secret)
                .host(settings.host())
                .port(settings.port())
                .name(botName)
                .config(config)
                .router(new MessageRouter().on(Tag.COMMAND, (session, message) -> commands.accept(message)))
                .listener(this::onStateChange)
                .onAlertAcknowledged(acknowledged)
                .onAlertDropped(dropped)
                .start();
    }

    /**
     * A bot started from another directory would otherwise make a secret of its own without a word, and then only fail
     * to authenticate: say where the secret comes from, and loudly when it is new.
     */
    private static void logSecretOrigin(LinkSecret secret) {
        if (secret.file() == null) {
            LOG.info("link secret from the environment ({})", secret.origin());
        } else if (secret.created()) {
            LOG.warn("link secret: none in {} or {}, so a new one was created there. The telegram-server must use the "
                    + "same secret: start it with the same data directory, copy this file to its secret file, or set "
                    + "{} to this file's content on both sides", LinkSecret.ENV_VARIABLE, secret.file(),
                    LinkSecret.ENV_VARIABLE);
        } else {
            LOG.info("link secret from the file {}", secret.file());
        }
    }

    private synchronized void onStateChange(LinkClient.State state, String detail) {
        String where = settings.host() + ":" + settings.port();
        if (state == LinkClient.State.CONNECTED) {
            LOG.info("link connected to the telegram-server at {}", where);
            outageLogged = false;
        } else if (state == LinkClient.State.REFUSED) {
            // The link logs the refusal itself, once per episode, with the other bot's address and what to do.
            outageLogged = true;
        } else if (state == LinkClient.State.DISCONNECTED && !outageLogged) {
            outageLogged = true;
            LOG.info("link to {} is down ({}); trading goes on, reconnecting in the background", where, detail);
        }
    }

    /**
     * Sends a frame stamped with the bot's name; never blocks.
     *
     * @return whether it was queued (alerts are also kept while disconnected)
     */
    public boolean send(Message message) {
        LinkClient c = client;
        return c != null && c.send(message.withBot(botName));
    }

    /** @return the link's state and counters, for {@code status}. */
    public ObjectNode status() {
        ObjectNode n = Money.object();
        LinkClient c = client;
        if (c == null) {
            n.put("state", settings.enabled() ? "starting" : "disabled");
            return n;
        }
        n.put("state", c.state().name().toLowerCase(Locale.ROOT));
        n.put("server", settings.host() + ":" + settings.port());
        LinkStats s = c.stats();
        n.put("framesSent", s.framesSent());
        n.put("framesReceived", s.framesReceived());
        n.put("logsDropped", s.logsDropped());
        n.put("alertsDropped", s.alertsDropped());
        n.put("othersDropped", s.othersDropped());
        n.put("badFrames", s.badFrames());
        n.put("reconnects", s.reconnects());
        n.put("alertsAcknowledged", s.alertsAcknowledged());
        n.put("pendingAlerts", c.pendingAlerts());
        return n;
    }

    /** Flushes what is queued (bounded by the link's close timeout) and stops the link's threads. */
    @Override
    public void close() {
        LinkClient c = client;
        if (c != null) {
            c.close();
        }
    }
}
