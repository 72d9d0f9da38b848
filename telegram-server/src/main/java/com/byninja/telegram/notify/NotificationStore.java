package com.byninja.telegram.notify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The chats' notification settings, kept across restarts in a JSON file of the data directory:
 *
 * <pre>
 * {"chats": {"123456": {"modes": {"logs": "off", "connections": "silent"}, "quiet": "22:00-07:00",
 *                       "digest": "20:00"}}}
 * </pre>
 *
 * <p>Written whole on each change, to a temporary file moved over the old one, so that a crash leaves one or the
 * other. A file that cannot be read is reported with its line and column, and left as it is until the next change
 * moves it aside ({@code .bad}), so nothing the owner wrote is lost.
 */
final class NotificationStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    private final Path file;

    NotificationStore(Path file) {
        this.file = file;
    }

    /** A file that could not be read, with where and why. */
    static final class BadFileException extends Exception {
        BadFileException(String message) {
            super(message);
        }
    }

    /** @return the file */
    Path file() {
        return file;
    }

    /**
     * @return every chat's settings; none when there is no file yet
     * @throws BadFileException when the file is not what this server writes: one line, with the file, line and
     *                          column and what is wrong
     * @throws IOException      when it cannot be read at all
     */
    Map<Long, ChatSettings> load() throws BadFileException, IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return Map.of();
        }
        Map<Long, ChatSettings> chats = new LinkedHashMap<>();
        try (JsonParser p = FACTORY.createParser(text)) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT, "a mapping with \"chats\"");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (!name.equals("chats")) {
                    throw bad(p, "unknown key \"" + name + "\"; the file holds \"chats\" only");
                }
                expect(p, p.nextToken(), JsonToken.START_OBJECT, "a mapping of chat ids");
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    long chat;
                    try {
                        chat = Long.parseLong(p.currentName());
                    } catch (NumberFormatException e) {
                        throw bad(p, "\"" + p.currentName() + "\" is not a chat id (a whole number)");
                    }
                    chats.put(chat, chat(p));
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new BadFileException(file + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
                    + ": not valid JSON: " + e.getOriginalMessage());
        }
        return chats;
    }

    private ChatSettings chat(JsonParser p) throws IOException, BadFileException {
        expect(p, p.nextToken(), JsonToken.START_OBJECT, "a chat's settings");
        Map<Topic, Mode> modes = new EnumMap<>(Topic.class);
        Optional<LocalTime> from = Optional.empty();
        Optional<LocalTime> until = Optional.empty();
        Optional<LocalTime> digest = Optional.empty();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            switch (key) {
                case "modes" -> {
                    expect(p, p.nextToken(), JsonToken.START_OBJECT, "a mapping of topics to modes");
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String topic = p.currentName();
                        Topic t = Topic.of(topic).orElseThrow(() -> bad(p, "unknown topic \"" + topic + "\"; the "
                                + "topics are " + NotifyText.topics()));
                        expect(p, p.nextToken(), JsonToken.VALUE_STRING, "on, silent or off");
                        String mode = p.getText();
                        modes.put(t, Mode.of(mode).orElseThrow(() -> bad(p, "\"" + mode + "\" is not on, silent "
                                + "or off")));
                    }
                }
                case "quiet" -> {
                    expect(p, p.nextToken(), JsonToken.VALUE_STRING, "quiet hours such as \"22:00-07:00\"");
                    String[] range = p.getText().split("-", -1);
                    if (range.length != 2) {
                        throw bad(p, "\"" + p.getText() + "\" is not quiet hours such as \"22:00-07:00\"");
                    }
                    from = Optional.of(time(p, range[0]));
                    until = Optional.of(time(p, range[1]));
                }
                case "digest" -> {
                    expect(p, p.nextToken(), JsonToken.VALUE_STRING, "a time such as \"20:00\"");
                    digest = Optional.of(time(p, p.getText()));
                }
                default -> throw bad(p, "unknown key \"" + key + "\"; a chat holds modes, quiet and digest");
            }
        }
        return new ChatSettings(modes, from, until, digest);
    }

    private LocalTime time(JsonParser p, String text) throws BadFileException {
        try {
            return LocalTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw bad(p, "\"" + text + "\" is not a time such as 07:00");
        }
    }

    private void expect(JsonParser p, JsonToken got, JsonToken wanted, String what) throws BadFileException {
        if (got != wanted) {
            throw bad(p, "expected " + what);
        }
    }

    private BadFileException bad(JsonParser p, String what) {
        JsonLocation at = p.currentTokenLocation();
        return new BadFileException(file + ":" + at.getLineNr() + ":" + at.getColumnNr() + ": " + what);
    }

    /**
     * Writes every chat's settings, in place of the file; a file that could not be read is kept beside it as
     * {@code .bad} first.
     *
     * @param keepBad whether the file now there could not be read
     */
    void save(Map<Long, ChatSettings> chats, boolean keepBad) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        if (keepBad && Files.exists(file)) {
            Files.move(file, file.resolveSibling(file.getFileName() + ".bad"), StandardCopyOption.REPLACE_EXISTING);
        }
        ObjectNode root = JSON.createObjectNode();
        ObjectNode all = root.putObject("chats");
        chats.forEach((chat, s) -> {
            ObjectNode c = all.putObject(Long.toString(chat));
            if (!s.modes().isEmpty()) {
                ObjectNode modes = c.putObject("modes");
                for (Topic t : Topic.values()) {
                    if (s.mode(t) != Mode.ON) {
                        modes.put(t.word(), s.mode(t).word());
                    }
                }
            }
            s.quietFrom().ifPresent(from -> c.put("quiet", from + "-" + s.quietUntil().orElseThrow()));
            s.digestAt().ifPresent(at -> c.put("digest", at.toString()));
        });
        Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
