package com.byninja.telegram.routing;

import com.byninja.protocol.commands.ArgumentKind;
import com.byninja.telegram.telegram.Html;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Collectors;

/**
 * Which bots each chat's commands go to, as {@code /use} sets it: the only bot connected (nothing picked), one bot, a
 * list of bots ({@code /use alpha,beta}), or every bot ({@code /use all}). Every command goes to every bot picked; a
 * dangerous one is confirmed once for all of them. Thread-safe.
 */
final class Targets {
    /** The word that picks every bot. */
    static final String ALL = ArgumentKind.ALL;

    /** What a chat picked: null names for every bot. */
    private record Pick(List<String> names) {
        boolean all() {
            return names == null;
        }
    }

    /**
     * Where a command goes now.
     *
     * @param bots    the connected bots it goes to
     * @param offline the bots picked that are not connected, each told apart
     * @param problem why it goes nowhere (HTML), or null when it goes to {@code bots}
     */
    record Resolution(List<BotConnection> bots, List<String> offline, String problem) {
        static Resolution nowhere(String problem) {
            return new Resolution(List.of(), List.of(), problem);
        }
    }

    private final Bots bots;
    private final Map<Long, Pick> picks = new ConcurrentHashMap<>();
    private final Set<String> known = new ConcurrentSkipListSet<>();

    Targets(Bots bots) {
        this.bots = bots;
    }

    /** Remembers a bot's name, so that a chat can be told it is offline later. */
    void seen(String name) {
        known.add(name);
    }

    /** @return where a command of {@code chatId} goes now */
    Resolution resolve(long chatId) {
        Pick pick = picks.get(chatId);
        List<BotConnection> connected = bots.connected();
        if (pick == null) {
            if (connected.size() == 1) {
                return new Resolution(connected, List.of(), null);
            }
            return Resolution.nowhere(connected.isEmpty() ? noBotConnected() : "Several bots are connected: "
                    + names(connected) + ". Pick one with /use NAME, several with /use NAME,NAME, or every one with "
                    + "/use all.");
        }
        if (pick.all()) {
            return connected.isEmpty() ? Resolution.nowhere(noBotConnected())
                                       : new Resolution(connected, List.of(), null);
        }
        List<BotConnection> found = new ArrayList<>();
        List<String> offline = new ArrayList<>();
        for (String name : pick.names()) {
            bots.find(name).ifPresentOrElse(found::add, () -> offline.add(name));
        }
        if (found.isEmpty()) {
            return Resolution.nowhere(Confirmations.names(offline) + (offline.size() == 1 ? " is" : " are")
                    + " offline.");
        }
        return new Resolution(found, offline, null);
    }

    /**
     * {@code /use}: picks where the chat's commands go, or says where they go.
     *
     * @param target a bot's name, several separated by commas, {@value #ALL}, or null to ask
     * @return the answer (HTML)
     */
    String use(long chatId, String target) {
        List<BotConnection> connected = bots.connected();
        String connectedNow = "Connected: " + (connected.isEmpty() ? "none" : names(connected)) + ".";
        if (target == null) {
            Pick pick = picks.get(chatId);
            String now = pick == null ? "No bot picked: commands go to the only connected bot."
                    : pick.all() ? "Every command goes to every bot."
                    : "Commands go to " + Confirmations.names(pick.names()) + ".";
            return now + " " + connectedNow;
        }
        if (target.equalsIgnoreCase(ALL)) {
            picks.put(chatId, new Pick(null));
            return "Every command now goes to every bot" + (connected.isEmpty() ? " (none connected now)."
                    : ": " + names(connected) + ". A dangerous one asks once for all of them.");
        }
        Set<String> chosen = new LinkedHashSet<>();
        List<String> missing = new ArrayList<>();
        for (String name : target.split(",")) {
            String wanted = name.strip();
            if (wanted.isEmpty()) {
                continue;
            }
            Optional<BotConnection> bot = connected.stream().filter(b -> b.name().equalsIgnoreCase(wanted))
                    .findFirst();
            bot.ifPresentOrElse(b -> chosen.add(b.name()), () -> missing.add(wanted));
        }
        if (!missing.isEmpty() || chosen.isEmpty()) {
            return (missing.isEmpty() ? "No bot named." : Confirmations.names(missing)
                    + (missing.size() == 1 ? " is" : " are") + " not connected.") + " " + connectedNow;
        }
        picks.put(chatId, new Pick(List.copyOf(chosen)));
        return "Commands now go to " + Confirmations.names(List.copyOf(chosen)) + "."
                + (chosen.size() > 1 ? " A dangerous one asks once for all of them." : "");
    }

    /** @return whether {@code bot} is among the bots {@code chatId} picked by name */
    boolean picked(long chatId, String bot) {
        Pick pick = picks.get(chatId);
        return pick != null && !pick.all() && pick.names().stream().anyMatch(n -> n.equals(bot));
    }

    /** @return what to say when no bot is connected: the known ones by name */
    String noBotConnected() {
        List<String> names = List.copyOf(known);
        if (names.size() == 1) {
            return Html.bold(names.get(0)) + " is offline.";
        }
        if (names.isEmpty()) {
            return "No trading bot is connected.";
        }
        return "No trading bot is connected (known: "
                + names.stream().map(Html::bold).collect(Collectors.joining(", ")) + ").";
    }

    static String names(List<BotConnection> bots) {
        return bots.stream().map(bot -> Html.bold(bot.name())).collect(Collectors.joining(", "));
    }
}
