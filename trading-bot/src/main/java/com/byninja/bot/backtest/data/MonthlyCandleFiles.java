package com.byninja.bot.backtest.data;

import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.Symbol;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One symbol's candles of one length in a directory, a file a month, named as Binance names its monthly files
 * ({@code BTCUSDT-1m-2024-01.csv}) and written in its kline format ({@link CandleCsvWriter#writeBinance}), as
 * {@code backtest download} keeps them and the backtest reads them back.
 *
 * <p>A file is written whole to {@code NAME.tmp}, forced to the disk and renamed over the old one, so that a reader,
 * a failure or a kill never sees half a file: a month holds what it held before or what it holds after.
 */
public final class MonthlyCandleFiles {

    /** How much of a file's end is read to find its last line; a kline line is about a hundred bytes. */
    private static final int TAIL_BYTES = 4096;

    private final Path directory;
    private final Symbol symbol;
    private final Duration period;
    private final String interval;
    private final Pattern names;

    /**
     * @param directory where the files are
     * @param symbol    whose candles
     * @param period    the candles' length
     * @param interval  Binance's name for that length, such as {@code 1m}, as the files are named
     */
    public MonthlyCandleFiles(Path directory, Symbol symbol, Duration period, String interval) {
        this.directory = directory;
        this.symbol = symbol;
        this.period = period;
        this.interval = interval;
        this.names = Pattern.compile(Pattern.quote(symbol.compact() + "-" + interval + "-")
                + "(\\d{4})-(\\d{2})\\.csv");
    }

    /**
     * A stretch of time the files hold without a break between files.
     *
     * @param from the first candle's open
     * @param to   the last candle's end
     */
    public record Stretch(Instant from, Instant to) {
    }

    /** @return the file of {@code month}, such as {@code BTCUSDT-1m-2024-01.csv} */
    public Path file(YearMonth month) {
        return directory.resolve(symbol.compact() + "-" + interval + "-" + month + ".csv");
    }

    /** @return the month a candle opening at {@code start} belongs to, in UTC */
    public static YearMonth monthOf(Instant start) {
        return YearMonth.from(start.atOffset(ZoneOffset.UTC));
    }

    /** @return the months that have a file, oldest first */
    public List<YearMonth> months() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(directory)) {
            return list.map(f -> names.matcher(f.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(m -> YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
                    .sorted()
                    .toList();
        }
    }

    /**
     * Reads only each file's first and last line: a file is taken to hold every candle from its first to its last
     * (a gap inside is the exchange's own), and two files join when the second begins where the first ends.
     *
     * @return what the files hold, oldest first: one stretch when nothing is missing between them
     * @throws CandleDataException when a file's first or last line is not a kline
     * @throws IOException         when a file cannot be read
     */
    public List<Stretch> stretches() throws CandleDataException, IOException {
        List<Stretch> stretches = new ArrayList<>();
        for (YearMonth month : months()) {
            Path f = file(month);
            Stretch s = new Stretch(Instant.ofEpochMilli(openTime(f, firstLine(f))),
                    Instant.ofEpochMilli(openTime(f, lastLine(f))).plus(period));
            int last = stretches.size() - 1;
            if (last >= 0 && !s.from().isAfter(stretches.get(last).to())) {
                Stretch before = stretches.get(last);
                stretches.set(last, new Stretch(before.from(), s.to().isAfter(before.to()) ? s.to() : before.to()));
            } else {
                stretches.add(s);
            }
        }
        return stretches;
    }

    /**
     * @return the candles of the month's file, oldest first; empty when there is no file
     * @throws CandleDataException when the file is not klines of this length
     */
    public List<Candle> read(YearMonth month) throws CandleDataException {
        Path f = file(month);
        if (!Files.exists(f)) {
            return List.of();
        }
        CandleSeries series = CandleReader.read(symbol, List.of(f), period, DateRange.ALL);
        if (!series.dataPeriod().equals(period)) {
            throw CandleDataException.in(f, "holds candles of " + series.dataPeriod() + ", not of " + interval
                    + " as its name says", "move it out of " + directory + " or delete it");
        }
        return series.candles();
    }

    /**
     * Writes the month's file with {@code candles}, all of the month's, in their order: whole, then in place.
     *
     * @throws IOException when the file cannot be written; the month's file is then as it was
     */
    public void write(YearMonth month, List<Candle> candles) throws IOException {
        Path target = file(month);
        Path temporary = temporary(target);
        try {
            CandleCsvWriter.writeBinance(temporary, candles);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Deletes the temporary files of this symbol's months that a killed run left behind. */
    public void removeLeftovers() throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        List<Path> leftovers;
        try (Stream<Path> list = Files.list(directory)) {
            leftovers = list.filter(f -> {
                String name = f.getFileName().toString();
                return name.endsWith(".tmp") && names.matcher(name.substring(0, name.length() - 4)).matches();
            }).toList();
        }
        for (Path f : leftovers) {
            Files.deleteIfExists(f);
        }
    }

    private static Path temporary(Path target) {
        return target.resolveSibling(target.getFileName() + ".tmp");
    }

    private static String firstLine(Path f) throws IOException {
        try (Stream<String> lines = Files.lines(f, StandardCharsets.US_ASCII)) {
            return lines.filter(l -> !l.isBlank()).findFirst().orElse("");
        }
    }

    private static String lastLine(Path f) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(f.toFile(), "r")) {
            long length = file.length();
            int size = (int) Math.min(length, TAIL_BYTES);
            byte[] tail = new byte[size];
            file.seek(length - size);
            file.readFully(tail);
            String[] lines = new String(tail, StandardCharsets.US_ASCII).split("\r?\n");
            for (int i = lines.length - 1; i >= 0; i--) {
                if (!lines[i].isBlank()) {
                    return lines[i];
                }
            }
            return "";
        }
    }

    /** @return the open time of a kline line, in epoch milliseconds (Binance's microseconds too) */
    private long openTime(Path f, String line) throws CandleDataException {
        int comma = line.indexOf(',');
        byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
        long ms = comma <= 0 ? Timestamps.NOT_A_TIME : Timestamps.parse(bytes, 0, comma);
        if (ms == Timestamps.NOT_A_TIME || Timestamps.integer(bytes, 0, comma) < 0) {
            throw CandleDataException.in(f, line.isEmpty() ? "empty" : "not Binance klines (\"" + abbreviate(line)
                    + "\")", "move it out of " + directory + " or delete it, and download again");
        }
        return ms;
    }

    private static String abbreviate(String line) {
        return line.length() > 40 ? line.substring(0, 40) + "..." : line;
    }
}
