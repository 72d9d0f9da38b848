package com.byninja.bot.backtest.data;

import java.nio.file.Path;

/** One row of a candle file as read, reused from row to row. */
final class CandleRow {

    Path file;
    long line;
    /** When the candle began, epoch milliseconds. */
    long startMs;
    /** The candle's period when the row tells it (Binance's close time), else 0. */
    long periodMs;
    final MutableDecimal open = new MutableDecimal();
    final MutableDecimal high = new MutableDecimal();
    final MutableDecimal low = new MutableDecimal();
    final MutableDecimal close = new MutableDecimal();
    final MutableDecimal volume = new MutableDecimal();

    CandleRow copy() {
        CandleRow c = new CandleRow();
        c.file = file;
        c.line = line;
        c.startMs = startMs;
        c.periodMs = periodMs;
        c.open.set(open);
        c.high.set(high);
        c.low.set(low);
        c.close.set(close);
        c.volume.set(volume);
        return c;
    }

    /** @return {@code FILE:LINE}, for messages */
    String where() {
        return file + ":" + line;
    }
}
