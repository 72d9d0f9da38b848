package com.byninja.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.byninja.protocol.commands.Command;
import com.byninja.protocol.commands.CommandCatalogue;
import com.byninja.protocol.commands.HandledBy;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MessageCodecTest {
    private final MessageCodec codec = new MessageCodec(1 << 20);

    private Message decode(String json) throws MalformedMessageException {
        return codec.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldEncodeTheDesignsExampleAsALengthPrefixedObject() {
        Message m = new Message(Tag.COMMAND, "starttrading", 1750000000L, null, null, null, null, null);
        byte[] frame = codec.encode(m);
        String body = "{\"tag\":\"command\",\"message\":\"starttrading\",\"timestamp\":1750000000}";
        assertThat(frame).startsWith(0, 0, 0, body.length());
        assertThat(new String(frame, 4, frame.length - 4, StandardCharsets.UTF_8)).isEqualTo(body);
    }

    @Test
    void shouldProduceTheDocumentedPingFrameByteForByte() {
        byte[] frame = codec.encode(new Message(Tag.PING, "", 1750000000L, null, null, null, null, null));
        assertThat(frame).hasSize(54).startsWith(0x00, 0x00, 0x00, 0x32);
    }

    @Test
    void shouldRoundTripEveryField() throws Exception {
        ObjectNode data = MessageCodec.mapper().createObjectNode().put("amount", "25.50").put("n", 3);
        data.putArray("list").add("ü").add(1.5);
        Message m = new Message(Tag.REPLY, "prix: 64 000 € ✓", 1750000001L, "c-1", "BTC/USDT", "alpha", "WARN", data);
        byte[] frame = codec.encode(m);
        Message back = codec.decode(Arrays.copyOfRange(frame, 4, frame.length));
        assertThat(back).isEqualTo(m);
    }

    @Test
    void shouldCarryAStopsReasonInAStatusFrameThatAnyPeerCanRead() throws Exception {
        Message stopping = Message.stopping("stopped by its owner (SIGTERM)");
        byte[] frame = codec.encode(stopping.withBot("alpha"));
        String body = new String(frame, 4, frame.length - 4, StandardCharsets.UTF_8);

        assertThat(body).isEqualTo("{\"tag\":\"status\",\"message\":\"stopping\",\"timestamp\":"
                + stopping.timestamp() + ",\"bot\":\"alpha\",\"data\":{\"reason\":"
                + "\"stopped by its owner (SIGTERM)\"}}");
        assertThat(decode(body).stoppingReason()).contains("stopped by its owner (SIGTERM)");
        assertThat(decode("{\"tag\":\"status\",\"message\":\"status\",\"timestamp\":1,\"data\":{}}")
                .stoppingReason()).isEmpty();
    }

    @Test
    void shouldIgnoreUnknownFieldsForForwardCompatibility() throws Exception {
        Message m = decode("{\"tag\":\"ping\",\"future\":{\"x\":[1,2]},\"message\":\"\",\"timestamp\":5,\"v\":2}");
        assertThat(m.tag()).isEqualTo(Tag.PING);
        assertThat(m.message()).isEmpty();
        assertThat(m.timestamp()).isEqualTo(5);
    }

    @Test
    void shouldAcceptNullOptionalFields() throws Exception {
        Message m = decode("{\"tag\":\"alert\",\"message\":\"m\",\"timestamp\":1,\"id\":null,\"data\":null}");
        assertThat(m.id()).isNull();
        assertThat(m.data()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not JSON                | hello                                                   | invalid JSON",
        "an array                | [1,2]                                                   | the body is not a JSON object",
        "a string                | \"tag\"                                                 | the body is not a JSON object",
        "missing tag             | {\"message\":\"m\",\"timestamp\":1}                     | missing required field 'tag'",
        "missing message         | {\"tag\":\"log\",\"timestamp\":1}                       | missing required field 'message'",
        "missing timestamp       | {\"tag\":\"log\",\"message\":\"m\"}                     | missing required field 'timestamp'",
        "numeric tag             | {\"tag\":7,\"message\":\"m\",\"timestamp\":1}           | field 'tag' must be a string, got an integer",
        "null message            | {\"tag\":\"log\",\"message\":null,\"timestamp\":1}      | field 'message' must be a string, got null",
        "string timestamp        | {\"tag\":\"log\",\"message\":\"m\",\"timestamp\":\"1\"} | field 'timestamp' must be an integer",
        "decimal timestamp       | {\"tag\":\"log\",\"message\":\"m\",\"timestamp\":1.5}   | field 'timestamp' must be an integer",
        "data not an object      | {\"tag\":\"log\",\"message\":\"m\",\"timestamp\":1,\"data\":[]} | field 'data' must be an object, got an array",
        "unknown tag             | {\"tag\":\"launch\",\"message\":\"m\",\"timestamp\":1}  | unknown tag 'launch'",
        "trailing content        | {\"tag\":\"log\",\"message\":\"m\",\"timestamp\":1} {}  | unexpected content after the JSON object",
        "truncated object        | {\"tag\":\"log\",\"message\":\"m\"                      | invalid JSON",
    })
    void shouldNameWhatIsWrongWithAMalformedBody(String why, String body, String expected) {
        assertThatThrownBy(() -> decode(body))
                .as(why)
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageStartingWith(expected);
    }

    @Test
    void shouldRejectInvalidUtf8() {
        byte[] body = "{\"tag\":\"log\",\"message\":\"XX\",\"timestamp\":1}".getBytes(StandardCharsets.US_ASCII);
        body[24] = (byte) 0xC3;
        body[25] = (byte) 0x28;
        assertThatThrownBy(() -> codec.decode(body))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("Invalid UTF-8");
        byte[] lone = "{\"tag\":\"log\",\"message\":\"X\",\"timestamp\":1}".getBytes(StandardCharsets.US_ASCII);
        lone[24] = (byte) 0xFF;
        assertThatThrownBy(() -> codec.decode(lone)).isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void shouldDecodeTheExactNextGoodFrameAfterGarbage() throws Exception {
        FrameDecoder decoder = new FrameDecoder(1024);
        byte[] garbage = frameOf("\u0000\u0001not json at all");
        byte[] good = codec.encode(Message.of(Tag.STATUS, "after"));
        byte[] stream = new byte[garbage.length + good.length];
        System.arraycopy(garbage, 0, stream, 0, garbage.length);
        System.arraycopy(good, 0, stream, garbage.length, good.length);
        java.util.List<byte[]> bodies = new java.util.ArrayList<>();
        decoder.feed(stream, 0, stream.length, bodies::add);
        assertThat(bodies).hasSize(2);
        assertThatThrownBy(() -> codec.decode(bodies.get(0))).isInstanceOf(MalformedMessageException.class);
        Message next = codec.decode(bodies.get(1));
        assertThat(next.tag()).isEqualTo(Tag.STATUS);
        assertThat(next.message()).isEqualTo("after");
    }

    @Test
    void shouldRefuseToEncodeAMessageOverTheMaximum() {
        MessageCodec small = new MessageCodec(64);
        assertThatThrownBy(() -> small.encode(Message.log("WARN", "x".repeat(100))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a log frame of")
                .hasMessageContaining("exceeds the maximum of 64 bytes");
    }

    @Test
    void shouldBuildCommandsAndRepliesThatCorrelate() {
        Message command = Message.command("id-7", Command.FORCEBUY, "BTC/USDT");
        Message reply = Message.replyTo(command, "bought", null);
        assertThat(command.message()).isEqualTo("forcebuy");
        assertThat(reply.tag()).isEqualTo(Tag.REPLY);
        assertThat(reply.id()).isEqualTo("id-7");
        assertThat(reply.symbol()).isEqualTo("BTC/USDT");
    }

    @Test
    void shouldKnowEveryCommandOfTheDesignByItsLowercaseName() {
        List<Command> forBots = CommandCatalogue.STANDARD.commands(HandledBy.TRADING_BOT);
        assertThat(forBots).extracting(Command::name).containsExactly("status", "stats", "chart", "equity",
                "backtest", "health", "logs", "version", "balance", "profit", "daily", "weekly", "monthly",
                "performance", "positions", "trades", "orders", "starttrading", "stoptrading", "enablebuy",
                "disablebuy", "enablesell", "disablesell", "pause", "reload", "forcebuy", "forcesell", "panic",
                "breakeven", "cancel");
        for (Command c : forBots) {
            assertThat(CommandCatalogue.STANDARD.find(c.name().toUpperCase(Locale.ROOT))).contains(c);
        }
        assertThat(CommandCatalogue.STANDARD.find("launch")).isEmpty();
        assertThat(CommandCatalogue.STANDARD.find(null)).isEmpty();
    }

    private static byte[] frameOf(String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        byte[] f = new byte[b.length + 4];
        f[3] = (byte) b.length;
        System.arraycopy(b, 0, f, 4, b.length);
        return f;
    }
}
