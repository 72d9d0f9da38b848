package com.byninja.bot.link;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.link.StatusReport.Report;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** What every money and trade reply keeps to: its text is its blocks, and its tables fit a phone's screen. */
final class Phone {

    private Phone() {
    }

    /** @return the report, checked: the text is the blocks line after line, no table line is wider than 40 */
    static Report fits(Report r) {
        List<String> texts = new ArrayList<>();
        for (JsonNode block : r.data().path("blocks")) {
            assertThat(block.size()).isEqualTo(1);
            String text = block.has("table") ? block.path("table").asText() : block.path("text").asText();
            if (block.has("table")) {
                assertThat(text.split("\n")).allSatisfy(line -> assertThat(line.length())
                        .as("the width of \"%s\"", line).isLessThanOrEqualTo(Layout.PHONE_WIDTH));
            }
            texts.add(text);
        }
        assertThat(String.join("\n", texts)).isEqualTo(r.text());
        return r;
    }

    /** @return the monospace blocks of the report, in order */
    static List<String> tables(Report r) {
        List<String> tables = new ArrayList<>();
        r.data().path("blocks").forEach(b -> {
            if (b.has("table")) {
                tables.add(b.path("table").asText());
            }
        });
        return tables;
    }
}
