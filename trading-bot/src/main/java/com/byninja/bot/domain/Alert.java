package com.byninja.bot.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;

/**
 * A trade or risk event for the people watching, as a value: what it is about, the text the chat shows, the symbol
 * concerned, and the same facts as data. The data always begins with {@code event}, the kind's code.
 *
 * @param kind   what it is about
 * @param text   readable text
 * @param symbol the symbol concerned, or null
 * @param data   the facts, structured; {@code event} is set from {@code kind}
 */
public record Alert(AlertKind kind, String text, Symbol symbol, ObjectNode data) {

    public Alert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        ObjectNode facts = Money.object();
        facts.put("event", kind.code());
        if (data != null) {
            for (Map.Entry<String, JsonNode> e : data.properties()) {
                if (!e.getKey().equals("event")) {
                    facts.set(e.getKey(), e.getValue());
                }
            }
        }
        data = facts;
    }

    /** @return the symbol's name, or null. */
    public String symbolName() {
        return symbol == null ? null : symbol.toString();
    }
}
