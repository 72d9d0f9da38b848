package com.byninja.bot.backtest;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The console's progress bar: candles done, candles per second and time left, redrawn on one line at most ten times a
 * second. Shown only on a terminal and only after the first second, so that short runs and piped output stay clean.
 */
final class Progress implements AutoCloseable {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final long total;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private long lastDrawn;
    private boolean drawn;

    private Progress(PrintStream out, long total, boolean terminal) {
        this.out = out;
        this.total = total;
        this.terminal = terminal;
    }

    /** @return a bar on {@code out} for {@code total} candles, drawn only when the process has a terminal */
    static Progress on(PrintStream out, long total) {
        return new Progress(out, total, System.console() != null);
    }

    void update(long done) {
        long now = System.nanoTime();
        if (!terminal || now - started < 1_000_000_000L || now - lastDrawn < 100_000_000L) {
            return;
        }
        lastDrawn = now;
        drawn = true;
        out.print("\r" + line(done, (now - started) / 1e9));
        out.flush();
    }

    /** @return the bar's text after {@code seconds} with {@code done} candles replayed. */
    String line(long done, double seconds) {
        double share = total == 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(share * WIDTH);
        double rate = seconds <= 0 ? 0 : done / seconds;
        long left = rate <= 0 ? 0 : Math.round((total - done) / rate);
        return String.format(Locale.ROOT, "[%s%s] %3d %% %,d/%,d candles, %,d/s, %d s left ", "#".repeat(filled),
                " ".repeat(WIDTH - filled), Math.round(share * 100), done, total, Math.round(rate), left);
    }

    @Override
    public void close() {
        if (drawn) {
            out.print("\r" + " ".repeat(100) + "\r");
            out.flush();
        }
    }
}
