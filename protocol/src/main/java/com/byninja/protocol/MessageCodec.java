package com.byninja.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns a {@link Message} into a complete frame (header and body in one array, ready for a single write) and a frame
 * body back into a {@link Message}.
 *
 * <p>Decoding is strict about the required fields and lenient about the rest: {@code tag} and {@code message} must be
 * strings, {@code timestamp} an integer, the optional {@code id}, {@code symbol}, {@code bot}, {@code level} strings
 * or null, {@code data} an object or null; unknown fields are ignored, for forward compatibility. Thread-safe.
 */
public final class MessageCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private final int maxFrameBytes;

    /** @param maxFrameBytes the largest body this codec encodes or accepts */
    public MessageCodec(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    /** @return the object mapper used for {@code data} nodes; callers may use it to build them. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * @return the frame: a 4-byte big-endian body length followed by the UTF-8 JSON body
     * @throws IllegalArgumentException when the body would exceed the maximum frame size
     */
    public byte[] encode(Message m) {
        FrameBuffer out = new FrameBuffer(256);
        encodeInto(m, out);
        return out.toByteArray();
    }

    /**
     * Appends the frame of {@code m} to {@code out}, header and body, without an intermediate copy.
     *
     * @throws IllegalArgumentException when the body would exceed the maximum frame size; {@code out} is then as it
     *     was
     */
    void encodeInto(Message m, FrameBuffer out) {
        int start = out.size();
        out.writeHeaderPlaceholder();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("tag", m.tag().wireName());
            g.writeStringField("message", m.message());
            g.writeNumberField("timestamp", m.timestamp());
            writeOptional(g, "id", m.id());
            writeOptional(g, "symbol", m.symbol());
            writeOptional(g, "bot", m.bot());
            writeOptional(g, "level", m.level());
            if (m.data() != null) {
                g.writeFieldName("data");
                g.writeTree(m.data());
            }
            g.writeEndObject();
        } catch (IOException e) {
            out.truncate(start);
            throw new UncheckedIOException("cannot encode a " + m.tag().wireName() + " frame", e);
        }
        int length = out.size() - start - FrameDecoder.HEADER_BYTES;
        if (length > maxFrameBytes) {
            out.truncate(start);
            throw new IllegalArgumentException("a " + m.tag().wireName() + " frame of " + length
                    + " bytes exceeds the maximum of " + maxFrameBytes + " bytes");
        }
        out.patchLength(start, length);
    }

    private static void writeOptional(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    /**
     * @param body a frame body, as delivered by {@link FrameDecoder}
     * @return the message it holds
     * @throws MalformedMessageException naming what is wrong with the body
     */
    public Message decode(byte[] body) throws MalformedMessageException {
        String tagName = null;
        String message = null;
        Long timestamp = null;
        String id = null;
        String symbol = null;
        String bot = null;
        String level = null;
        ObjectNode data = null;
        try (JsonParser p = FACTORY.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedMessageException("the body is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "tag" -> tagName = requiredString(p, value, field);
                    case "message" -> message = requiredString(p, value, field);
                    case "timestamp" -> timestamp = integer(p, value);
                    case "id" -> id = optionalString(p, value, field);
                    case "symbol" -> symbol = optionalString(p, value, field);
                    case "bot" -> bot = optionalString(p, value, field);
                    case "level" -> level = optionalString(p, value, field);
                    case "data" -> data = object(p, value);
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new MalformedMessageException("unexpected content after the JSON object");
            }
        } catch (MalformedMessageException e) {
            throw e;
        } catch (JsonProcessingException e) {
            throw new MalformedMessageException("invalid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedMessageException("unreadable body: " + e.getMessage());
        }
        if (tagName == null) {
            throw new MalformedMessageException("missing required field 'tag'");
        }
        if (message == null) {
            throw new MalformedMessageException("missing required field 'message'");
        }
        if (timestamp == null) {
            throw new MalformedMessageException("missing required field 'timestamp'");
        }
        String unknownTag = tagName;
        Tag tag = Tag.fromWireName(tagName)
                .orElseThrow(() -> new MalformedMessageException("unknown tag '" + shorten(unknownTag) + "'"));
        return new Message(tag, message, timestamp, id, symbol, bot, level, data);
    }

    private static String requiredString(JsonParser p, JsonToken value, String field) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            throw new MalformedMessageException("field '" + field + "' must be a string, got " + describe(value));
        }
        return p.getText();
    }

    private static String optionalString(JsonParser p, JsonToken value, String field) throws IOException {
        return value == JsonToken.VALUE_NULL ? null : requiredString(p, value, field);
    }

    private static long integer(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw new MalformedMessageException(
                    "field 'timestamp' must be an integer of Unix epoch seconds, got " + describe(value));
        }
        return p.getLongValue();
    }

    private static ObjectNode object(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.START_OBJECT) {
            throw new MalformedMessageException("field 'data' must be an object, got " + describe(value));
        }
        JsonNode node = MAPPER.readTree(p);
        return (ObjectNode) node;
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a decimal number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            default -> token.name();
        };
    }

    private static String shorten(String s) {
        return s.length() <= 32 ? s : s.substring(0, 32) + "...";
    }
}
