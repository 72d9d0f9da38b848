package com.byninja.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.byninja.protocol.LinkSecret;
import com.byninja.protocol.Message;
import com.byninja.telegram.testing.FakeBotApi;
import com.byninja.telegram.testing.FakeTradingBot;
import com.byninja.telegram.testing.TestConfigs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The money and trade replies in the chat, end to end: the real TelegramBots client against the fake Bot API, the real
 * link server, a trading bot on a real socket answering with the data a real one sends. The tables arrive in
 * monospace blocks, escaped, long ones cut into messages that each close their block; the Close button under a
 * position runs {@code /forcesell} of its symbol on the bot when pressed.
 */
class MoneyRepliesChatTest {
    private static final LinkSecret SECRET = LinkSecret.of("test-secret-0123456789abcdef");
    private static final long OWNER = 111L;
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeBotApi api;
    private TelegramServer server;
    private FakeTradingBot alpha;

    @BeforeEach
    void start() throws Exception {
        api = new FakeBotApi(TestConfigs.TOKEN);
        server = TelegramServer.start(TestConfigs.forApi(api.url(), List.of(OWNER)), SECRET, null);
        alpha = FakeTradingBot.replying("alpha", server.linkPort(), SECRET, MoneyRepliesChatTest::answer);
        await().atMost(WAIT).until(() -> api.textsTo(OWNER).stream().anyMatch(t -> t.contains("alpha</b> connected")));
    }

    @AfterEach
    void stop() {
        alpha.close();
        server.close();
        api.close();
    }

    /** Answers as a trading bot does: {@code positions} with a table and buttons, {@code trades} with a long table. */
    private static Message answer(Message command) {
        try {
            return switch (command.message()) {
                case "positions" -> Message.replyTo(command, "1 open position (USDT)\nBTC/USDT 0.002 BTC\n entry  "
                        + "50000.00 <1h>", (ObjectNode) JSON.readTree("""
                        {"blocks": [{"text": "1 open position (USDT)"},
                                    {"table": "BTC/USDT 0.002 BTC\\n entry  50000.00 <1h>"}],
                         "buttons": [{"label": "Close BTC/USDT", "command": "/forcesell BTC/USDT", "row": 0},
                                     {"label": "Break-even BTC/USDT", "command": "/breakeven BTC/USDT", "row": 0}]}
                        """));
                case "trades" -> {
                    StringBuilder table = new StringBuilder();
                    for (int i = 0; i < 150; i++) {
                        table.append(i == 0 ? "" : "\n").append("BTC/USDT 2026-03-01 09:00, 1h 0m\n")
                                .append(" 50000 → 50500  +1.00 (+1.00 %)");
                    }
                    ObjectNode data = JSON.createObjectNode();
                    data.putArray("blocks").addObject().put("table", table.toString());
                    yield Message.replyTo(command, table.toString(), data);
                }
                default -> Message.replyTo(command, "forcesell " + command.symbol(), null);
            };
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void positionsArriveInAMonospaceBlockWithACloseButtonThatSellsThatSymbolWhenPressed() {
        api.userSends(OWNER, "/positions");

        await().atMost(WAIT).until(() -> api.textsTo(OWNER).stream().anyMatch(t -> t.contains("<pre>")));
        FakeBotApi.Sent positions = api.sentTo(OWNER).stream().filter(s -> s.text().contains("<pre>")).findFirst()
                .orElseThrow();
        assertThat(positions.text()).isEqualTo("<b>alpha</b>: 1 open position (USDT)\n<pre>BTC/USDT 0.002 BTC\n "
                + "entry  50000.00 &lt;1h&gt;</pre>");
        assertThat(positions.parseMode()).isEqualTo("html");
        JsonNode row = positions.replyMarkup().path("inline_keyboard").get(0);
        assertThat(row).hasSize(2);
        assertThat(row.get(0).path("text").asText()).isEqualTo("Close BTC/USDT");
        String close = row.get(0).path("callback_data").asText();
        assertThat(close).isEqualTo("/forcesell BTC/USDT >alpha");
        assertThat(row.get(1).path("callback_data").asText()).isEqualTo("/breakeven BTC/USDT >alpha");

        api.userPresses(OWNER, OWNER, positions.messageId(), close);

        await().atMost(WAIT).until(() -> api.textsTo(OWNER).contains("<b>alpha</b>: forcesell BTC/USDT"));
        Message sell = alpha.commands().get(alpha.commands().size() - 1);
        assertThat(sell.message()).isEqualTo("forcesell");
        assertThat(sell.symbol()).isEqualTo("BTC/USDT");
    }

    @Test
    void aLongTableGoesAsSeveralMessagesEachAWholeMonospaceBlock() {
        api.userSends(OWNER, "/trades 50");

        await().atMost(WAIT).until(() -> api.textsTo(OWNER).stream().filter(t -> t.contains("<pre>")).count() >= 3
                && api.textsTo(OWNER).stream().anyMatch(t -> t.endsWith("(+1.00 %)</pre>")));
        List<String> parts = api.textsTo(OWNER).stream().filter(t -> t.contains("<pre>")).toList();
        assertThat(parts.get(0)).startsWith("<b>alpha</b>:\n<pre>BTC/USDT 2026-03-01 09:00, 1h 0m\n");
        assertThat(parts).allSatisfy(part -> {
            assertThat(part.length()).isLessThanOrEqualTo(4096);
            assertThat(part).endsWith("</pre>").containsOnlyOnce("<pre>").containsOnlyOnce("</pre>");
        });
        // Every line arrived once, in order: 150 trades of two lines each.
        String lines = String.join("\n", parts.stream().map(p -> p.substring(p.indexOf("<pre>") + 5,
                p.indexOf("</pre>"))).toList());
        assertThat(lines.split("\n")).hasSize(300);
        assertThat(api.sentTo(OWNER).stream().filter(s -> s.text().contains("<pre>")))
                .allSatisfy(s -> assertThat(s.parseMode()).isEqualTo("html"));
    }
}
