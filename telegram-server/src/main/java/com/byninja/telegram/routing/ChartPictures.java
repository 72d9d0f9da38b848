package com.byninja.telegram.routing;

import com.byninja.charts.Bar;
import com.byninja.charts.Charts;
import com.byninja.charts.EquityPoint;
import com.byninja.charts.Level;
import com.byninja.charts.TradeMark;
import com.byninja.protocol.Message;
import com.byninja.telegram.telegram.ChatMessage;
import com.byninja.telegram.telegram.Html;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws the picture a bot's reply carries: {@code data.chart}, its candles as candlesticks with the fills marked and an
 * open position's levels as lines; or {@code data.equity}, the equity curve with its drawdown. The reply's text is the
 * caption. A chart that cannot be read or drawn is logged and
 * counted, and the reply goes as text: the asker still gets the answer in words.
 */
final class ChartPictures {

    private static final Logger LOG = LoggerFactory.getLogger(ChartPictures.class);

    private final AtomicLong failed = new AtomicLong();

    /**
     * @param bot   the bot that answered
     * @param reply its reply
     * @return the picture to send, or empty when the reply carries no chart (or one that could not be drawn)
     */
    Optional<ChatMessage.Photo> of(String bot, Message reply) {
        return of(bot, reply.data(), Html.bold(bot) + ": " + Html.escape(reply.message()));
    }

    /**
     * @param bot     the bot that sent it, for the log
     * @param data    a reply's or an alert's data, or null
     * @param caption the picture's caption, HTML
     * @return the picture to send, or empty when the data carries none (or one that could not be drawn)
     */
    Optional<ChatMessage.Photo> of(String bot, JsonNode data, String caption) {
        JsonNode chart = data == null ? null : data.get("chart");
        JsonNode equity = data == null ? null : data.get("equity");
        boolean candles = chart != null && chart.isObject();
        if (!candles && (equity == null || !equity.isObject())) {
            return Optional.empty();
        }
        try {
            byte[] png = candles
                    ? Charts.candles(chart.path("title").asText(""), bars(chart), chart.path("quote").asText(null),
                            marks(chart.path("marks")), levels(chart.path("levels")))
                    : Charts.equity(equity.path("title").asText(""), equity.path("quote").asText(""),
                            points(equity.path("points")));
            return Optional.of(new ChatMessage.Photo(png, caption));
        } catch (IOException | RuntimeException e) {
            long count = failed.incrementAndGet();
            LOG.warn("The chart from {} could not be drawn ({} so far); sent as text: {}", bot, count, e.toString());
            return Optional.empty();
        }
    }

    /** @return charts that could not be drawn since the start */
    long failed() {
        return failed.get();
    }

    private static List<Bar> bars(JsonNode chart) {
        Duration period = Duration.ofMillis(chart.path("periodMs").asLong());
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("data.chart.periodMs must be positive");
        }
        List<Bar> bars = new ArrayList<>();
        for (JsonNode row : chart.path("candles")) {
            bars.add(new Bar(Instant.ofEpochMilli(row.path(0).asLong()), period, decimal(row.path(1)),
                    decimal(row.path(2)), decimal(row.path(3)), decimal(row.path(4))));
        }
        return bars;
    }

    private static List<EquityPoint> points(JsonNode points) {
        List<EquityPoint> out = new ArrayList<>();
        for (JsonNode p : points) {
            out.add(new EquityPoint(Instant.ofEpochMilli(p.path(0).asLong()), decimal(p.path(1))));
        }
        return out;
    }

    private static List<TradeMark> marks(JsonNode marks) {
        List<TradeMark> out = new ArrayList<>();
        for (JsonNode m : marks) {
            out.add(new TradeMark(Instant.ofEpochMilli(m.path("t").asLong()), decimal(m.path("price")),
                    m.path("entry").asBoolean(), m.path("label").asText("")));
        }
        return out;
    }

    private static List<Level> levels(JsonNode levels) {
        List<Level> out = new ArrayList<>();
        for (JsonNode l : levels) {
            out.add(new Level(Level.Kind.valueOf(l.path("kind").asText().toUpperCase(Locale.ROOT)),
                    decimal(l.path("price"))));
        }
        return out;
    }

    private static BigDecimal decimal(JsonNode node) {
        if (!node.isTextual() && !node.isNumber()) {
            throw new IllegalArgumentException("a price must be a decimal, got " + node);
        }
        return new BigDecimal(node.asText());
    }
}
