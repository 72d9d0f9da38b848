package com.byninja.telegram.notify;

import com.byninja.telegram.telegram.ChatMessage;
import com.byninja.telegram.telegram.ChatOutput;
import com.byninja.telegram.telegram.CommandButtons;
import com.byninja.telegram.telegram.Html;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

/**
 * Each chat's notification settings ({@link ChatSettings}): what the unprompted messages of each {@link Topic} do in
 * that chat now, quiet hours included, and {@code /notify}, which shows and changes them. Kept across restarts in
 * {@code notifications.json} of the data directory. Read by the link's threads, changed by the chat's: thread-safe.
 */
public final class Notifications {

    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

    private final NotificationStore store;
    private final ZoneId zone;
    private final Clock clock;
    private final Map<Long, ChatSettings> chats = new ConcurrentHashMap<>();
    /** Whether the file on disk could not be read, so that the first save keeps it aside. */
    private volatile boolean badFile;
    /** Per chat and topic, messages the chat's settings kept from it since the start. */
    private final Map<Long, AtomicLongArray> heldBack = new ConcurrentHashMap<>();

    private Notifications(NotificationStore store, ZoneId zone, Clock clock) {
        this.store = store;
        this.zone = zone;
        this.clock = clock;
    }

    /**
     * @param file  the settings file, such as {@code data/notifications.json}
     * @param zone  the time zone of quiet hours and digests
     * @param clock the time
     * @return the settings in {@code file}; a file that cannot be read is logged (with its line) and every chat hears
     *         everything until a setting is changed, when the file is kept beside the new one as {@code .bad}
     */
    public static Notifications load(Path file, ZoneId zone, Clock clock) {
        Notifications n = new Notifications(new NotificationStore(file), zone, clock);
        try {
            n.chats.putAll(n.store.load());
        } catch (NotificationStore.BadFileException e) {
            n.badFile = true;
            LOG.error("{}; every chat hears every notification until a setting is changed, when this file is kept "
                    + "as {}.bad", e.getMessage(), file.getFileName());
        } catch (IOException e) {
            n.badFile = true;
            LOG.error("cannot read {}: {}; every chat hears every notification", file, e.toString());
        }
        return n;
    }

    /** @return how a message of {@code topic} goes to {@code chat} now: off, silent (quiet hours too) or on */
    public Mode modeFor(long chat, Topic topic) {
        ChatSettings s = settings(chat);
        Mode mode = s.mode(topic);
        if (mode == Mode.ON && s.quietAt(LocalTime.ofInstant(clock.instant(), zone))) {
            return Mode.SILENT;
        }
        return mode;
    }

    /** @return {@code message} as it goes to {@code chat} for {@code topic}, or empty when that chat hears none */
    public Optional<ChatMessage> shape(long chat, Topic topic, ChatMessage message) {
        return switch (modeFor(chat, topic)) {
            case ON -> Optional.of(message);
            case SILENT -> Optional.of(new ChatMessage.Silent(message));
            case OFF -> Optional.empty();
        };
    }

    /**
     * @param out the chats' output
     * @return the chats as the messages of {@code topic} reach them, each chat's settings applied
     */
    public ChatOutput output(Topic topic, ChatOutput out) {
        return new TopicOutput(out, this, topic);
    }

    /** Counts a message of {@code topic} that {@code chat}'s settings kept from it. */
    void heldBack(long chat, Topic topic) {
        heldBack.computeIfAbsent(chat, c -> new AtomicLongArray(Topic.values().length))
                .incrementAndGet(topic.ordinal());
    }

    /** @return messages of {@code topic} that {@code chat}'s settings kept from it since the start */
    public long heldBackCount(long chat, Topic topic) {
        AtomicLongArray counts = heldBack.get(chat);
        return counts == null ? 0 : counts.get(topic.ordinal());
    }

    /** @return what {@code chat}'s settings kept from it since the start, such as {@code logs 12, connections 3} */
    private String heldBackText(long chat) {
        List<String> kept = new ArrayList<>();
        for (Topic t : Topic.values()) {
            long n = heldBackCount(chat, t);
            if (n > 0) {
                kept.add(t.word() + " " + n);
            }
        }
        return kept.isEmpty() ? "" : "\nKept from this chat since the server started: " + String.join(", ", kept)
                + ".";
    }

    /** @return {@code chat}'s settings */
    public ChatSettings settings(long chat) {
        return chats.getOrDefault(chat, ChatSettings.DEFAULTS);
    }

    /** @return the zone of quiet hours and digests */
    public ZoneId zone() {
        return zone;
    }

    /** @return the chats with a daily digest, and when */
    public Map<Long, LocalTime> digests() {
        Map<Long, LocalTime> out = new java.util.TreeMap<>();
        chats.forEach((chat, s) -> s.digestAt().ifPresent(at -> out.put(chat, at)));
        return out;
    }

    /**
     * Answers {@code /notify} in {@code chat}.
     *
     * @param setting the first word after it (a topic, {@code all}, {@code quiet} or {@code digest}), or null
     * @param value   the second, or null
     * @return the answer: the settings with a button per topic, or what changed, or what was wrong with the usage
     */
    public ChatMessage answer(long chat, String setting, String value) {
        if (setting == null) {
            return settingsMessage(chat, "");
        }
        if (value == null) {
            return text("/notify " + setting + " needs a value. Usage: " + NotifyText.USAGE);
        }
        String s = setting.toLowerCase(java.util.Locale.ROOT);
        return switch (s) {
            case "quiet" -> quiet(chat, value);
            case "digest" -> digest(chat, value);
            default -> mode(chat, s, value);
        };
    }

    private ChatMessage mode(long chat, String setting, String value) {
        Optional<Mode> mode = Mode.of(value);
        if (mode.isEmpty()) {
            return text("\"" + value + "\" is not on, silent or off. Usage: " + NotifyText.USAGE);
        }
        List<Topic> topics;
        if (setting.equals("all")) {
            topics = List.of(Topic.values());
        } else {
            Optional<Topic> topic = Topic.of(setting);
            if (topic.isEmpty()) {
                return text("Unknown topic \"" + setting + "\"; the topics are " + NotifyText.topics()
                        + ", or all. Usage: " + NotifyText.USAGE);
            }
            topics = List.of(topic.get());
        }
        ChatSettings now = settings(chat);
        for (Topic t : topics) {
            now = now.with(t, mode.get());
        }
        String saved = save(chat, now);
        String what = setting.equals("all") ? "Every topic" : NotifyText.capitalised(topics.get(0).word());
        return settingsMessage(chat, saved != null ? saved : what + ": " + mode.get().word() + " from now on.\n\n");
    }

    private ChatMessage quiet(long chat, String value) {
        if (value.equalsIgnoreCase("off")) {
            String saved = save(chat, settings(chat).withQuiet(Optional.empty(), Optional.empty()));
            return text(saved != null ? saved : "No quiet hours any more.");
        }
        String[] range = value.split("-", -1);
        Optional<LocalTime> from = range.length == 2 ? time(range[0]) : Optional.empty();
        Optional<LocalTime> until = range.length == 2 ? time(range[1]) : Optional.empty();
        if (from.isEmpty() || until.isEmpty() || from.equals(until)) {
            return text("Quiet hours are written HH:MM-HH:MM, such as 22:00-07:00 (" + zone.getId() + "), or off; "
                    + "got \"" + value + "\". Usage: " + NotifyText.USAGE);
        }
        String saved = save(chat, settings(chat).withQuiet(from, until));
        return text(saved != null ? saved : "Quiet hours from " + NotifyText.time(from.get()) + " to "
                + NotifyText.time(until.get()) + " " + zone.getId() + ": what would notify arrives silently then; "
                + "nothing is dropped.");
    }

    private ChatMessage digest(long chat, String value) {
        if (value.equalsIgnoreCase("off")) {
            String saved = save(chat, settings(chat).withDigest(Optional.empty()));
            return text(saved != null ? saved : "No daily digest any more.");
        }
        Optional<LocalTime> at = time(value);
        if (at.isEmpty()) {
            return text("A digest's time is written HH:MM, such as 20:00 (" + zone.getId() + "), or off; got \""
                    + value + "\". Usage: " + NotifyText.USAGE);
        }
        String saved = save(chat, settings(chat).withDigest(at));
        return text(saved != null ? saved : "A daily digest at " + NotifyText.time(at.get()) + " " + zone.getId()
                + ": each bot's statistics and the day's equity curve.");
    }

    /** @return the time written {@code 07:30}, {@code 7:30} or {@code 7} (a whole hour) */
    private static Optional<LocalTime> time(String text) {
        String t = text.trim();
        if (t.matches("[0-9]{1,2}")) {
            t = t + ":00";
        }
        try {
            return Optional.of(LocalTime.parse(t.length() == 4 ? "0" + t : t));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** @return null when saved; else what went wrong, for the chat (the change holds until the server stops) */
    private String save(long chat, ChatSettings changed) {
        synchronized (store) {
            chats.put(chat, changed);
            try {
                store.save(Map.copyOf(chats), badFile);
                badFile = false;
                return null;
            } catch (IOException e) {
                LOG.error("could not write the notification settings to {}", store.file(), e);
                return "Changed, but not saved (" + e.getMessage() + "): it holds until the control server stops.\n\n";
            }
        }
    }

    private ChatMessage settingsMessage(long chat, String before) {
        ChatSettings s = settings(chat);
        List<List<InlineKeyboardButton>> rows = new ArrayList<>();
        for (Topic t : Topic.values()) {
            Mode next = s.mode(t).next();
            rows.add(List.of(CommandButtons.button(NotifyText.capitalised(t.word()) + ": " + s.mode(t).word() + " → "
                    + next.word(), "/notify " + t.word() + " " + next.word())));
        }
        return new ChatMessage.TextWithKeyboard(Html.escape(before + NotifyText.describe(s, zone)
                + heldBackText(chat)),
                CommandButtons.keyboard(rows));
    }

    private static ChatMessage text(String plain) {
        return new ChatMessage.Text(Html.escape(plain));
    }
}
