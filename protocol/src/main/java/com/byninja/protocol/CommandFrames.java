package com.byninja.protocol;

import com.byninja.protocol.commands.Argument;
import com.byninja.protocol.commands.ArgumentKind;
import com.byninja.protocol.commands.CommandCatalogue;
import com.byninja.protocol.commands.HandledBy;
import com.byninja.protocol.commands.ParseResult;
import com.byninja.protocol.commands.ParsedCommand;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trading bot's command as a {@code command} frame, and a frame read back as a command. The frame carries the
 * command's name in {@code message}, its symbol (or {@code all}) in {@code symbol}, and each other argument as text
 * in the {@code data} field its {@linkplain ArgumentKind#field() kind} names:
 *
 * <pre>
 * /forcebuy BTC/USDT 25.5  ⇄  {"tag":"command","message":"forcebuy","symbol":"BTC/USDT","data":{"amount":"25.5"},...}
 * </pre>
 */
public final class CommandFrames {

    private CommandFrames() {
    }

    /**
     * @param id      the correlation id the reply will carry
     * @param command a command a trading bot answers
     * @return its {@code command} frame
     * @throws IllegalArgumentException when the control server answers {@code command} itself
     */
    public static Message frame(String id, ParsedCommand command) {
        if (command.command().handledBy() != HandledBy.TRADING_BOT) {
            throw new IllegalArgumentException(command.command() + " is not a trading bot's command");
        }
        String symbol = null;
        ObjectNode data = null;
        for (Argument argument : command.command().arguments()) {
            ArgumentKind kind = argument.kind();
            String text = command.text(kind).orElse(null);
            if (text != null && kind.inSymbolField()) {
                symbol = text;
            } else if (text != null) {
                data = data == null ? JsonNodeFactory.instance.objectNode() : data;
                data.put(kind.field(), text);
            }
        }
        Message frame = Message.command(id, command.command(), symbol);
        return data == null ? frame : frame.withData(data);
    }

    /**
     * @param catalogue the commands the reader knows
     * @param frame     a {@code command} frame, from the control server or any other peer
     * @return the command it carries, checked as the control server checks a chat's text
     *         ({@link CommandCatalogue#parseFrame}), or what is wrong with it
     */
    public static ParseResult read(CommandCatalogue catalogue, Message frame) {
        Map<String, String> data = new LinkedHashMap<>();
        if (frame.data() != null) {
            for (Map.Entry<String, JsonNode> field : frame.data().properties()) {
                JsonNode value = field.getValue();
                data.put(field.getKey(), value.isNull() ? null
                        : value.isValueNode() ? value.asText() : value.toString());
            }
        }
        return catalogue.parseFrame(frame.message(), frame.symbol(), data);
    }
}
