package com.byninja.telegram.routing;

import com.byninja.protocol.LinkServer;
import com.byninja.protocol.LinkSession;
import com.byninja.protocol.Message;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@link Bots} backed by the link server's authenticated sessions, and the way back to them for the outcome of their
 * alerts.
 */
public final class LinkBots implements Bots, BotEvents.AlertReceipts {
    private volatile LinkServer server;

    /** Connects this view to the server once it has started. */
    public void attach(LinkServer linkServer) {
        this.server = linkServer;
    }

    /** @return the routing view of one session */
    public static BotConnection of(LinkSession session) {
        return new SessionBot(session);
    }

    /** @return whether a newer open session of the same bot has taken this one's place */
    public boolean isReplaced(LinkSession session) {
        LinkServer current = server;
        return current != null && current.session(session.peerName()).filter(other -> other != session).isPresent();
    }

    @Override
    public void delivered(String bot, String alertId) {
        LinkServer current = server;
        if (current != null) {
            current.acknowledge(bot, alertId);
        }
    }

    @Override
    public void undelivered(String bot, String alertId) {
        LinkServer current = server;
        if (current != null) {
            current.undelivered(bot, alertId);
        }
    }

    @Override
    public Optional<BotConnection> find(String name) {
        LinkServer current = server;
        return current == null ? Optional.empty() : current.session(name).map(SessionBot::new);
    }

    @Override
    public List<BotConnection> connected() {
        LinkServer current = server;
        if (current == null) {
            return List.of();
        }
        return current.sessions().stream()
                .<BotConnection>map(SessionBot::new)
                .sorted(Comparator.comparing(BotConnection::name))
                .toList();
    }

    /** Equal for the same session, so pending commands can be matched to the connection they went out on. */
    private record SessionBot(LinkSession session) implements BotConnection {
        @Override
        public String name() {
            return session.peerName();
        }

        @Override
        public String address() {
            return session.remoteAddress();
        }

        @Override
        public Instant connectedAt() {
            return session.connectedAt();
        }

        @Override
        public boolean send(Message message) {
            return session.send(message);
        }
    }
}
