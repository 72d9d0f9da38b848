package com.byninja.bench;

import com.byninja.protocol.Message;
import com.byninja.protocol.MessageCodec;
import com.byninja.protocol.commands.Command;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;

/** The frames the benchmarks move: a status command, a reply shaped like a real status reply, and a log line. */
final class Payloads {
    static final MessageCodec CODEC = new MessageCodec(1 << 20);

    static final Message STATUS_COMMAND = Message.command("c-00000001", Command.STATUS, null);

    static final Message STATUS_REPLY = Message.replyTo(STATUS_COMMAND, statusText(), statusData()).withBot("alpha");

    static final Message LOG_LINE = Message.log("WARN",
            "23:41:07.112 WARN  [trading-engine] Trader - BTC/USDT: order c-7f3a2 rejected: "
                    + "INSUFFICIENT_BALANCE (needs 100.00 USDT, has 42.17 USDT)").withBot("alpha");

    private Payloads() {
    }

    private static String statusText() {
        return """
                alpha v0.1.0 — simulated exchange, paper mode, up 3d 04:12:55
                trading: ON   buy: ON   sell: ON
                BTC/USDT  trading ON  buy ON  sell ON  last 64,215.32 (0.8 s ago)
                ETH/USDT  trading ON  buy OFF sell ON  last 3,412.08 (0.9 s ago)
                open positions: 1
                  BTC/USDT 0.00155 @ 63,980.00  uPnL +0.36 USDT (+0.37%)
                balance: 9,842.11 USDT free, 99.17 USDT in positions
                link: connected to telegram-server, 0 frames dropped""";
    }

    private static ObjectNode statusData() {
        ObjectNode d = MessageCodec.mapper().createObjectNode();
        d.put("name", "alpha").put("version", "0.1.0").put("exchange", "simulated").put("mode", "paper")
                .put("uptimeSeconds", 274375);
        d.putObject("flags").put("trading", true).put("buy", true).put("sell", true);
        ObjectNode symbols = d.putObject("symbols");
        symbols.putObject("BTC/USDT").put("trading", true).put("buy", true).put("sell", true)
                .put("lastPrice", "64215.32").put("priceAgeMs", 812);
        symbols.putObject("ETH/USDT").put("trading", true).put("buy", false).put("sell", true)
                .put("lastPrice", "3412.08").put("priceAgeMs", 903);
        d.putArray("positions").addObject().put("symbol", "BTC/USDT").put("quantity", "0.00155")
                .put("entryPrice", "63980.00").put("unrealisedPnl", "0.36");
        d.putObject("balance").put("USDT", "9842.11").put("inPositions", "99.17");
        d.putObject("link").put("state", "CONNECTED").put("logsDropped", 0).put("alertsDropped", 0);
        return d;
    }

    /** @return the frame exactly as the link writes it. */
    static byte[] frame(Message m) {
        return CODEC.encode(m);
    }

    /** @return the body of the frame, as the decoder hands it over. */
    static byte[] body(Message m) {
        byte[] f = frame(m);
        return Arrays.copyOfRange(f, 4, f.length);
    }

    static String describe(Message m) {
        return m.tag().wireName() + " of " + body(m).length + " bytes";
    }
}
