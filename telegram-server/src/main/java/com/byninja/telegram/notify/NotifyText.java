package com.byninja.telegram.notify;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The words of {@code /notify}: the topics, a chat's settings, the usage. */
final class NotifyText {

    static final String USAGE = "/notify [TOPIC|all on|silent|off] | /notify quiet HH:MM-HH:MM|off | /notify digest "
            + "HH:MM|off";

    private NotifyText() {
    }

    /** @return the topics as a person writes them: {@code entries, exits, ...} */
    static String topics() {
        return Arrays.stream(Topic.values()).map(Topic::word).collect(Collectors.joining(", "));
    }

    /** @return a chat's settings in lines, plain text */
    static String describe(ChatSettings s, ZoneId zone) {
        StringBuilder t = new StringBuilder("Notifications in this chat (replies and the watchdog always notify):\n");
        for (Topic topic : Topic.values()) {
            t.append(capitalised(topic.word())).append(": ").append(s.mode(topic).word()).append(" (")
                    .append(topic.about()).append(")\n");
        }
        t.append("Quiet hours: ").append(s.quietFrom().map(from -> time(from) + " to " + time(s.quietUntil()
                .orElseThrow()) + " " + zone.getId() + " (what would notify arrives silently)").orElse("none"))
                .append('\n');
        t.append("Daily digest: ").append(s.digestAt().map(at -> "at " + time(at) + " " + zone.getId())
                .orElse("none")).append('\n');
        t.append("Press a topic to change it (on, silent, off), or: ").append(USAGE);
        return t.toString();
    }

    static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    static String time(LocalTime t) {
        return String.format("%02d:%02d", t.getHour(), t.getMinute());
    }
}
