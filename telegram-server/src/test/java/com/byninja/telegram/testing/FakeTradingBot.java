package com.byninja.telegram.testing;

import com.byninja.protocol.LinkClient;
import com.byninja.protocol.LinkConfig;
import com.byninja.protocol.LinkSecret;
import com.byninja.protocol.LinkStats;
import com.byninja.protocol.Message;
import com.byninja.protocol.MessageRouter;
import com.byninja.protocol.Tag;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A trading bot for tests: the real {@link LinkClient}, answering each command with what {@code answers} returns for
 * it, or not at all when that is null. {@link #didIt} answers {@code "<name> did <command> <symbol> <amount>"}. It
 * records the ids of the alerts the server acknowledged.
 */
public final class FakeTradingBot implements AutoCloseable {
    private final String name;
    private final LinkClient client;
    private final List<Message> commands = new CopyOnWriteArrayList<>();
    private final List<String> acknowledged = new CopyOnWriteArrayList<>();

    public FakeTradingBot(String name, int port, LinkSecret secret, Function<Message, String> answers) {
        this(secret, name, port, command -> {
            String answer = answers.apply(command);
            return answer == null ? null : Message.replyTo(command, answer, null);
        });
    }

    /** A bot that answers each command with the reply {@code replies} makes of it, data included; none when null. */
    public static FakeTradingBot replying(String name, int port, LinkSecret secret,
                                          Function<Message, Message> replies) {
        return new FakeTradingBot(secret, name, port, replies);
    }

    private FakeTradingBot(LinkSecret secret, String name, int port, Function<Message, Message> replies) {
        this.name = name;
        this.client = LinkClient.builder(secret)
                .host("127.0.0.1")
                .port(port)
                .name(name)
                .config(LinkConfig.defaults().withReconnectMinDelayMs(50).withReconnectMaxDelayMs(200))
                .onAlertAcknowledged(acknowledged::add)
                .router(new MessageRouter().on(Tag.COMMAND, (session, command) -> {
                    commands.add(command);
                    Message reply = replies.apply(command);
                    if (reply != null) {
                        session.send(reply);
                    }
                }))
                .start();
    }

    public FakeTradingBot(String name, int port, LinkSecret secret) {
        this(name, port, secret, command -> didIt(name, command));
    }

    /** @return {@code "<name> did <command> <symbol> <amount>"} */
    public static String didIt(String name, Message command) {
        StringBuilder text = new StringBuilder(name).append(" did ").append(command.message());
        if (command.symbol() != null) {
            text.append(' ').append(command.symbol());
        }
        if (command.data() != null && command.data().has("amount")) {
            text.append(' ').append(command.data().get("amount").asText());
        }
        return text.toString();
    }

    /** @return whether the link is up */
    public boolean isConnected() {
        return client.state() == LinkClient.State.CONNECTED;
    }

    /** @return the link's state */
    public LinkClient.State state() {
        return client.state();
    }

    /** @return the link's counters */
    public LinkStats stats() {
        return client.stats();
    }

    /** @return the ids of the alerts the server acknowledged, in order */
    public List<String> acknowledged() {
        return List.copyOf(acknowledged);
    }

    /** @return alerts sent and not acknowledged yet */
    public int pendingAlerts() {
        return client.pendingAlerts();
    }

    /** @return every command received, in order */
    public List<Message> commands() {
        return List.copyOf(commands);
    }

    /** Sends a frame to the server, such as an alert or a log line. */
    public boolean send(Message message) {
        return client.send(message);
    }

    @Override
    public void close() {
        client.close();
    }
}
