package com.byninja.telegram.routing;

import com.byninja.telegram.telegram.Html;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the chats are told of the bots' connections, as a function of the time and of what happened: a bot that
 * connects and drops again and again is announced once per episode, not once per connection.
 *
 * <ul>
 *   <li>A bot that was steady (no drop within the window) and drops is announced, and an episode starts; so is its
 *       first return.</li>
 *   <li>Further drops and returns within the window of the bot's last change are only counted.</li>
 *   <li>When the bot has stayed connected for the window, the episode ends with one message when it had dropped more
 *       than once ({@code alpha is back after 7 drops in 3 min}); when it has stayed away for the window after an
 *       untold drop, with one message saying it is gone.</li>
 *   <li>While it goes on, one message every two windows says that it is still flapping, when it dropped since the
 *       last word about it.</li>
 *   <li>A bot that said it is stopping (its owner stopped it) is always announced, and its episode ends.</li>
 * </ul>
 *
 * <p>A window of zero announces every connection and every drop. Not thread-safe: {@link ConnectionNotices} holds it
 * under its lock. Each method returns the messages (HTML) to send to every chat, in order.
 */
final class Flapping {
    private final Duration window;
    private final Map<String, Episode> episodes = new HashMap<>();

    /** The changes of one bot since it was last steady. */
    private static final class Episode {
        final Instant firstDrop;
        int drops = 1;
        int toldDrops;
        boolean connected;
        boolean toldReturn;
        Instant lastChange;
        Instant lastReport;
        String address;
        String why;

        Episode(Instant firstDrop, String why) {
            this.firstDrop = firstDrop;
            this.lastChange = firstDrop;
            this.lastReport = firstDrop;
            this.why = why;
        }
    }

    Flapping(Duration window) {
        this.window = window;
    }

    /** A bot completed the handshake. */
    List<String> connected(String bot, String address, Instant now) {
        List<String> said = settle(bot, now);
        Episode episode = episodes.get(bot);
        if (episode == null) {
            said.add(connectedFrom(bot, address));
            return said;
        }
        episode.connected = true;
        episode.lastChange = now;
        episode.address = address;
        if (!episode.toldReturn) {
            episode.toldReturn = true;
            said.add(connectedFrom(bot, address));
        }
        return said;
    }

    /**
     * A bot's connection ended.
     *
     * @param why      how it ended, or what the bot said when it stopped; may be blank
     * @param stopped  whether the bot said it was stopping: on purpose, always told
     * @param replaced whether a newer connection of the same bot already took its place
     */
    List<String> disconnected(String bot, String why, boolean stopped, boolean replaced, Instant now) {
        List<String> said = settle(bot, now);
        Episode episode = episodes.get(bot);
        if (stopped) {
            episodes.remove(bot);
            String before = episode != null && episode.drops > episode.toldDrops
                    ? " Before that it dropped " + times(episode.drops) + " in " + span(episode.firstDrop, now) + "."
                    : "";
            said.add(disconnected(bot, why) + before);
            return said;
        }
        if (window.isZero()) {
            if (!replaced) {
                said.add(disconnected(bot, why));
            }
            return said;
        }
        if (episode == null) {
            episode = new Episode(now, why);
            episodes.put(bot, episode);
            if (replaced) {
                // Its successor is there already: this drop is counted, not told, and the successor is told as its
                // return (unless it was told before this, as can happen under load).
                episode.connected = true;
            } else {
                episode.toldDrops = 1;
                said.add(disconnected(bot, why));
            }
            return said;
        }
        episode.drops++;
        episode.lastChange = now;
        episode.why = why;
        episode.connected = replaced;
        return said;
    }

    /** @return what is due by {@code now}: episodes that ended, and reports of those still going on */
    List<String> due(Instant now) {
        List<String> said = new ArrayList<>();
        for (Iterator<Map.Entry<String, Episode>> it = episodes.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Episode> entry = it.next();
            if (over(entry.getValue(), now)) {
                ending(entry.getKey(), entry.getValue(), now).ifPresent(said::add);
                it.remove();
            } else {
                report(entry.getKey(), entry.getValue(), now).ifPresent(said::add);
            }
        }
        return said;
    }

    /** @return when {@link #due} next has something to do, if anything is going on */
    Optional<Instant> nextDue() {
        Instant next = null;
        for (Episode episode : episodes.values()) {
            Instant quiet = episode.lastChange.plus(window);
            Instant candidate = episode.drops > episode.toldDrops ? min(quiet, nextReport(episode)) : quiet;
            next = next == null ? candidate : min(next, candidate);
        }
        return Optional.ofNullable(next);
    }

    /** Ends the episode of {@code bot} when it is over by {@code now}, before a new event of it counts. */
    private List<String> settle(String bot, Instant now) {
        List<String> said = new ArrayList<>();
        Episode episode = episodes.get(bot);
        if (episode != null && over(episode, now)) {
            ending(bot, episode, now).ifPresent(said::add);
            episodes.remove(bot);
        }
        return said;
    }

    /** @return whether the bot has been steady, connected or away, for the window: its episode is over */
    private boolean over(Episode episode, Instant now) {
        return !now.isBefore(episode.lastChange.plus(window));
    }

    /** @return what the end of an episode says, if anything */
    private Optional<String> ending(String bot, Episode episode, Instant now) {
        if (episode.drops <= 1) {
            // One drop, told, and its return told or its absence plain: nothing more to say.
            return Optional.empty();
        }
        String times = " after " + episode.drops + " drops in " + span(episode.firstDrop, episode.lastChange);
        if (episode.connected) {
            return Optional.of("🟢 " + Html.bold(bot) + " is back" + times + ": connected without a drop for "
                    + span(episode.lastChange, now) + ".");
        }
        return Optional.of("🔴 " + Html.bold(bot) + " disconnected" + times + why(episode.why) + ".");
    }

    private Optional<String> report(String bot, Episode episode, Instant now) {
        if (episode.drops <= episode.toldDrops || now.isBefore(nextReport(episode))) {
            return Optional.empty();
        }
        episode.lastReport = now;
        episode.toldDrops = episode.drops;
        return Optional.of("🟠 " + Html.bold(bot) + " is still flapping: " + episode.drops + " drops in "
                + span(episode.firstDrop, now) + "; " + (episode.connected ? "connected now."
                : "disconnected now" + why(episode.why) + "."));
    }

    /**
     * Two windows after the last word about it: an episode that calms down within a window of its last change ends
     * with one message, not a "still flapping" just before its "back".
     */
    private Instant nextReport(Episode episode) {
        return episode.lastReport.plus(window.multipliedBy(2));
    }

    private static String connectedFrom(String bot, String address) {
        return "🟢 " + Html.bold(bot) + " connected from " + Html.code(address) + ".";
    }

    private static String disconnected(String bot, String why) {
        return "🔴 " + Html.bold(bot) + " disconnected" + why(why) + ".";
    }

    private static String why(String why) {
        return why == null || why.isBlank() ? "" : ": " + Html.escape(why);
    }

    private static String times(int drops) {
        return drops == 1 ? "once" : drops + " times";
    }

    /** @return from {@code from} to {@code to} as a person says it: {@code 40 s}, {@code 3 min}, {@code 2 h} */
    static String span(Instant from, Instant to) {
        long seconds = Math.max(1, Duration.between(from, to).toSeconds());
        if (seconds < 120) {
            return seconds + " s";
        }
        return seconds < 7_200 ? seconds / 60 + " min" : seconds / 3_600 + " h";
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
