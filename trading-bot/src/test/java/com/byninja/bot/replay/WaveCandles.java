package com.byninja.bot.replay;

import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Symbol;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Replay tests' candles: BTC/USDT and ETH/USDT for 300 one-minute candles from {@link #T0}, a wave with a period of
 * about 75 minutes and seeded noise, the two symbols moving against each other. Every swing crosses short averages
 * both ways and runs far enough for a 1 % take-profit. The same seed gives the same candles.
 */
public final class WaveCandles {

    public static final Symbol BTC = new Symbol("BTC", "USDT");
    public static final Symbol ETH = new Symbol("ETH", "USDT");
    public static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    public static final int MINUTES = 300;

    private WaveCandles() {
    }

    /** @return both symbols' candles, interleaved minute by minute, oldest first */
    public static List<Candle> series() {
        Random noise = new Random(20261202L);
        List<Candle> out = new ArrayList<>();
        BigDecimal btcPrev = new BigDecimal("60000.00");
        BigDecimal ethPrev = new BigDecimal("3000.00");
        for (int i = 0; i < MINUTES; i++) {
            Instant start = T0.plusSeconds(60L * i);
            double wave = Math.sin(i * 2 * Math.PI / 75);
            BigDecimal btc = BigDecimal.valueOf(60_000 + 1_200 * wave + 40 * noise.nextGaussian())
                    .setScale(2, RoundingMode.HALF_EVEN);
            BigDecimal eth = BigDecimal.valueOf(3_000 - 90 * wave + 3 * noise.nextGaussian())
                    .setScale(2, RoundingMode.HALF_EVEN);
            out.add(candle(BTC, start, btcPrev, btc));
            out.add(candle(ETH, start, ethPrev, eth));
            btcPrev = btc;
            ethPrev = eth;
        }
        return out;
    }

    /** @return a one-minute candle from {@code open} to {@code close}, its range those two, volume 1 */
    public static Candle candle(Symbol s, Instant start, BigDecimal open, BigDecimal close) {
        return new Candle(s, start, Duration.ofMinutes(1), open, open.max(close), open.min(close), close,
                BigDecimal.ONE);
    }
}
