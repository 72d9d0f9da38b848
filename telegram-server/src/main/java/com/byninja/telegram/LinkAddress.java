package com.byninja.telegram;

import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where the trading bots reach the link server, said the way a person sets {@code BYNINJA_LINK_HOST} from it, and why
 * the link server could not listen, said with what to do about it.
 */
final class LinkAddress {

    private static final Set<String> ANY = Set.of("", "0.0.0.0", "::", "0:0:0:0:0:0:0:0", "[::]", "*");

    private LinkAddress() {
    }

    /**
     * @return {@code 127.0.0.1:7070} for an address of its own; for a server listening on every address
     *         ({@code 0.0.0.0}, {@code ::}), which no bot can connect to as such, {@code port 7070 at any address of
     *         this machine (10.0.0.5, 192.168.1.20): set BYNINJA_LINK_HOST on each bot to one of them}
     */
    static String whereBotsConnect(String bind, int port) {
        if (!ANY.contains(bind.trim())) {
            return bind + ":" + port;
        }
        List<String> addresses = ownAddresses();
        return "port " + port + " at any address of this machine ("
                + (addresses.isEmpty() ? "only 127.0.0.1 here" : String.join(", ", addresses))
                + "): set BYNINJA_LINK_HOST on each bot to one of them";
    }

    /** @return this machine's addresses other than loopback and link-local ones, IPv4 first */
    private static List<String> ownAddresses() {
        List<InetAddress> found = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (!address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                        found.add(address);
                    }
                }
            }
        } catch (SocketException e) {
            return List.of();
        }
        return found.stream()
                .sorted(Comparator.comparing(a -> a instanceof Inet4Address ? 0 : 1))
                .map(a -> a.getHostAddress().replaceAll("%.*$", ""))
                .distinct()
                .toList();
    }

    /**
     * @param e    why the server did not start
     * @param bind {@code link.bind}
     * @param port {@code link.port}
     * @return one line: what failed, why, and what to do, such as {@code port 7070 on 127.0.0.1 is already in use:
     *         another telegram-server may be running ...}
     */
    static String describeFailure(Exception e, String bind, int port) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BindException) {
                String why = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
                if (why.contains("in use")) {
                    return "port " + port + " on " + bind + " is already in use: another telegram-server may be "
                            + "running (ss -ltnp 'sport = :" + port + "' shows which process holds it). Stop it, or "
                            + "give this one another port with link.port or BYNINJA_LINK_PORT, and the trading bots "
                            + "the same.";
                }
                if (why.contains("assign")) {
                    return "cannot listen on " + bind + ":" + port + ": " + bind + " is not an address of this "
                            + "machine. Check link.bind or BYNINJA_LINK_BIND (0.0.0.0 listens on all of them).";
                }
                if (why.contains("permission")) {
                    return "cannot listen on " + bind + ":" + port + ": permission denied (ports below 1024 need "
                            + "privileges). Choose a higher link.port or BYNINJA_LINK_PORT.";
                }
                return "cannot listen on " + bind + ":" + port + ": " + t.getMessage();
            }
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
