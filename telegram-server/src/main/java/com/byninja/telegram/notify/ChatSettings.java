package com.byninja.telegram.notify;

import java.time.LocalTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * One chat's notification settings: a {@link Mode} per {@link Topic} (on unless set), quiet hours during which what
 * would notify goes silently (never dropped), and the time of a daily digest. Immutable.
 *
 * @param modes      the topics not {@link Mode#ON}
 * @param quietFrom  when the quiet hours begin, or empty for none
 * @param quietUntil when they end (the next day when before {@code quietFrom})
 * @param digestAt   when the daily digest is sent, or empty for none
 */
public record ChatSettings(Map<Topic, Mode> modes, Optional<LocalTime> quietFrom, Optional<LocalTime> quietUntil,
                           Optional<LocalTime> digestAt) {

    /** Everything on, no quiet hours, no digest. */
    public static final ChatSettings DEFAULTS = new ChatSettings(Map.of(), Optional.empty(), Optional.empty(),
            Optional.empty());

    public ChatSettings {
        EnumMap<Topic, Mode> copy = new EnumMap<>(Topic.class);
        modes.forEach((t, m) -> {
            if (m != Mode.ON) {
                copy.put(t, m);
            }
        });
        modes = Map.copyOf(copy);
        if (quietFrom.isPresent() != quietUntil.isPresent()) {
            throw new IllegalArgumentException("quiet hours need a beginning and an end");
        }
    }

    /** @return how {@code topic} is heard, quiet hours aside */
    public Mode mode(Topic topic) {
        return modes.getOrDefault(topic, Mode.ON);
    }

    /** @return these settings with {@code topic} heard as {@code mode} */
    public ChatSettings with(Topic topic, Mode mode) {
        Map<Topic, Mode> more = new EnumMap<>(Topic.class);
        more.putAll(modes);
        more.put(topic, mode);
        return new ChatSettings(more, quietFrom, quietUntil, digestAt);
    }

    /** @return these settings with quiet hours from {@code from} to {@code until}, or none when both are empty */
    public ChatSettings withQuiet(Optional<LocalTime> from, Optional<LocalTime> until) {
        return new ChatSettings(modes, from, until, digestAt);
    }

    /** @return these settings with a digest at {@code at}, or none */
    public ChatSettings withDigest(Optional<LocalTime> at) {
        return new ChatSettings(modes, quietFrom, quietUntil, at);
    }

    /** @return whether {@code time} (in the server's zone) falls in the quiet hours */
    public boolean quietAt(LocalTime time) {
        if (quietFrom.isEmpty()) {
            return false;
        }
        LocalTime from = quietFrom.get();
        LocalTime until = quietUntil.get();
        if (from.equals(until)) {
            return false;
        }
        return from.isBefore(until) ? !time.isBefore(from) && time.isBefore(until)
                : !time.isBefore(from) || time.isBefore(until);
    }
}
