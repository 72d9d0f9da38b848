package com.byninja.protocol;

import java.util.Objects;

/**
 * What the builders of both ends of the link share: the secret, the settings and the router.
 *
 * @param <B> the concrete builder, returned by every setter
 */
abstract class EndpointBuilder<B extends EndpointBuilder<B>> {
    final LinkSecret secret;
    LinkConfig config = LinkConfig.defaults();
    MessageRouter router = new MessageRouter();

    EndpointBuilder(LinkSecret secret) {
        this.secret = Objects.requireNonNull(secret, "secret");
    }

    abstract B self();

    /** @param linkConfig the link's settings; default {@link LinkConfig#defaults()} */
    public B config(LinkConfig linkConfig) {
        this.config = Objects.requireNonNull(linkConfig, "linkConfig");
        return self();
    }

    /** @param messageRouter where incoming frames go; default: nowhere (logged at DEBUG) */
    public B router(MessageRouter messageRouter) {
        this.router = Objects.requireNonNull(messageRouter, "messageRouter");
        return self();
    }

    static int checkPort(int port, int lowest) {
        if (port < lowest || port > 65535) {
            throw new IllegalArgumentException("port must be between " + lowest + " and 65535, got " + port);
        }
        return port;
    }
}
