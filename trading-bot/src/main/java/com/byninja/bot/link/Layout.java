package com.byninja.bot.link;

import com.byninja.bot.domain.Money;
import com.byninja.bot.link.StatusReport.Report;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How the money and trade reports lay a reply out for a phone: lines of text, and monospace blocks (tables, at most
 * about {@value #PHONE_WIDTH} characters wide). The reply's text is every block, line after line; {@code data.blocks}
 * says which is which, {@code [{"text": "..."}, {"table": "..."}]}, so that the telegram-server can show the tables in
 * a monospace font while the text reads the same anywhere.
 */
final class Layout {

    /** The widest line a monospace block should have to fit a phone's screen. */
    static final int PHONE_WIDTH = 40;

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private record Block(boolean table, StringBuilder text) {
    }

    private final List<Block> blocks = new ArrayList<>();

    /** Adds a line of text, in the text block it follows or a new one. */
    Layout text(String line) {
        Block last = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
        if (last == null || last.table()) {
            blocks.add(new Block(false, new StringBuilder(line)));
        } else {
            last.text().append('\n').append(line);
        }
        return this;
    }

    /** Adds a monospace block of these lines. */
    Layout table(List<String> lines) {
        if (!lines.isEmpty()) {
            blocks.add(new Block(true, new StringBuilder(String.join("\n", lines))));
        }
        return this;
    }

    /** Adds a table as a monospace block. */
    Layout table(Table table) {
        return table(table.lines());
    }

    /** @return the reply: the blocks' text, and {@code data} with {@code blocks} added */
    Report done(ObjectNode data) {
        ArrayNode out = data.putArray("blocks");
        List<String> texts = new ArrayList<>();
        for (Block b : blocks) {
            out.addObject().put(b.table() ? "table" : "text", b.text().toString());
            texts.add(b.text().toString());
        }
        return new Report(String.join("\n", texts), data);
    }

    /** @return a reply of one line of text, with {@code data.error} for a program */
    static Report problem(String code, String text) {
        ObjectNode data = Money.object();
        data.put("error", code);
        return new Layout().text(text).done(data);
    }

    /** @return {@code at} to the minute, {@code 2026-03-07 14:02} */
    static String minute(Instant at) {
        return MINUTE.format(at);
    }

    /**
     * Columns of text, the first aligned left and the others right unless said, two spaces apart, each as wide as
     * its widest cell.
     */
    static final class Table {
        private final List<String[]> rows = new ArrayList<>();
        private final boolean[] right;

        /** @param headers the first row; the columns' count */
        Table(String... headers) {
            this.right = new boolean[headers.length];
            Arrays.fill(right, 1, headers.length, true);
            rows.add(headers);
        }

        /** @return this table with columns aligned left ({@code false}) or right ({@code true}) */
        Table aligned(boolean... rightAligned) {
            System.arraycopy(rightAligned, 0, right, 0, right.length);
            return this;
        }

        /** @return a table of {@code columns} columns without a header row */
        static Table withoutHeader(int columns) {
            Table t = new Table(new String[columns]);
            t.rows.clear();
            return t;
        }

        Table row(String... cells) {
            if (cells.length != right.length) {
                throw new IllegalArgumentException("a row of " + right.length + " cells, got " + cells.length);
            }
            rows.add(cells);
            return this;
        }

        List<String> lines() {
            int[] width = new int[right.length];
            for (String[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    width[i] = Math.max(width[i], row[i].length());
                }
            }
            List<String> lines = new ArrayList<>();
            for (String[] row : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        line.append("  ");
                    }
                    String pad = " ".repeat(width[i] - row[i].length());
                    line.append(right[i] ? pad + row[i] : row[i] + pad);
                }
                lines.add(line.toString().stripTrailing());
            }
            return lines;
        }
    }
}
