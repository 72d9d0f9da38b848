package com.byninja.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.byninja.protocol.commands.Argument;
import com.byninja.protocol.commands.Command;
import com.byninja.protocol.commands.CommandCatalogue;
import com.byninja.protocol.commands.Group;
import com.byninja.protocol.commands.ParseError;
import com.byninja.protocol.commands.ParsedCommand;
import com.byninja.protocol.commands.Role;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CommandFramesTest {
    private final MessageCodec codec = new MessageCodec(1 << 20);

    private String json(Message frame) {
        byte[] bytes = codec.encode(frame.withId("c-1"));
        String body = new String(bytes, 4, bytes.length - 4, StandardCharsets.UTF_8);
        return body.replaceFirst("\"timestamp\":[0-9]+", "\"timestamp\":0");
    }

    private static ParsedCommand parsed(CommandCatalogue catalogue, String text) {
        return (ParsedCommand) catalogue.parse(text);
    }

    @Test
    void aCommandGoesOnTheWireAsItAlwaysHas() {
        assertThat(json(CommandFrames.frame("c-1", parsed(CommandCatalogue.STANDARD, "/forcebuy btc-usdt 25.50"))))
                .isEqualTo("{\"tag\":\"command\",\"message\":\"forcebuy\",\"timestamp\":0,\"id\":\"c-1\","
                        + "\"symbol\":\"BTC/USDT\",\"data\":{\"amount\":\"25.5\"}}");
        assertThat(json(CommandFrames.frame("c-1", parsed(CommandCatalogue.STANDARD, "/forcesell ALL"))))
                .isEqualTo("{\"tag\":\"command\",\"message\":\"forcesell\",\"timestamp\":0,\"id\":\"c-1\","
                        + "\"symbol\":\"all\"}");
        assertThat(json(CommandFrames.frame("c-1", parsed(CommandCatalogue.STANDARD, "/status"))))
                .isEqualTo("{\"tag\":\"command\",\"message\":\"status\",\"timestamp\":0,\"id\":\"c-1\"}");
    }

    @Test
    void aFrameIsReadBackAsTheSameCommand() {
        for (String text : new String[] {"/forcebuy BTC/USDT 25.5", "/forcebuy ETHUSDT", "/forcesell all",
                "/stoptrading", "/stats SOL/USDT", "/status"}) {
            ParsedCommand command = parsed(CommandCatalogue.STANDARD, text);

            assertThat(CommandFrames.read(CommandCatalogue.STANDARD, CommandFrames.frame("c-1", command)))
                    .isEqualTo(command);
        }
    }

    @Test
    void anAmountWrittenAsAJsonNumberIsReadAsItsText() {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("amount", 12.5);
        Message frame = Message.command("c-1", Command.FORCEBUY, "BTC/USDT").withData(data);

        assertThat(((ParsedCommand) CommandFrames.read(CommandCatalogue.STANDARD, frame)).text())
                .isEqualTo("/forcebuy BTC/USDT 12.5");
    }

    @Test
    void aFrameWithAFieldNoArgumentOfTheCommandTakesIsRefused() {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.putObject("amount").put("value", 5);
        Message nested = Message.command("c-1", Command.FORCEBUY, "BTC/USDT").withData(data);
        Message extra = Message.command("c-2", Command.STATUS, null)
                .withData(JsonNodeFactory.instance.objectNode().put("verbose", "yes"));

        assertThat(CommandFrames.read(CommandCatalogue.STANDARD, nested)).isEqualTo(new ParseError("bad_amount",
                "The amount must be a positive number, such as 25 or 12.5; got \"{\"value\":5}\". Usage: /forcebuy "
                        + "SYMBOL [AMOUNT]"));
        assertThat(CommandFrames.read(CommandCatalogue.STANDARD, extra)).isEqualTo(new ParseError("bad_arguments",
                "/status takes no arguments. Usage: /status"));
    }

    @Test
    void aNewCommandsArgumentsTravelInDataUnderTheirKindsFields() {
        Command fills = Command.forBot("fills", Group.STATUS, Role.VIEWER, "the last fills",
                Argument.duration(Duration.ofMinutes(5), Duration.ofDays(7)), Argument.symbol().optional(),
                Argument.count(50).optional());
        CommandCatalogue more = CommandCatalogue.STANDARD.with(fills);
        ParsedCommand command = parsed(more, "/fills 120m eth_usdt 7");

        Message frame = CommandFrames.frame("c-1", command);

        assertThat(json(frame)).isEqualTo("{\"tag\":\"command\",\"message\":\"fills\",\"timestamp\":0,"
                + "\"id\":\"c-1\",\"symbol\":\"ETH/USDT\",\"data\":{\"duration\":\"2h\",\"count\":\"7\"}}");
        assertThat(CommandFrames.read(more, frame)).isEqualTo(command);
    }

    @Test
    void aCommandTheServerAnswersHasNoFrame() {
        assertThatThrownBy(() -> CommandFrames.frame("c-1", parsed(CommandCatalogue.STANDARD, "/use alpha")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("/use [NAME|all] is not a trading bot's command");
    }
}
