package com.byninja.bot.backtest.data;

import com.byninja.bot.domain.Symbol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which files hold which symbol's candles, from the {@code --data} arguments: each is a {@code PATH} or a
 * {@code SYMBOL=PATH}, and a path is a CSV file or a directory of them.
 * <ul>
 * <li>{@code SYMBOL=FILE}: the file is that symbol's; {@code SYMBOL=DIR}: the directory's CSV files named for the
 * symbol, or all of them when none is.</li>
 * <li>{@code FILE}: with one configured symbol, that symbol's; with several, the symbol its name begins with.</li>
 * <li>{@code DIR}: for each symbol not given with {@code SYMBOL=}, the CSV files named for it; with one configured
 * symbol and no file named for it, all of them.</li>
 * </ul>
 * A file is named for a symbol when its name begins with the symbol and a {@code -}, {@code _} or {@code .}:
 * {@code BTCUSDT-1m-2024-01.csv}, as Binance names its files, or {@code BTC-USDT_1m.csv}, in any case. The files of a
 * directory are read in the order of their names, which is time order for Binance's monthly and daily files.
 *
 * <p>A directory may hold a symbol's candles of several lengths, such as {@code BTCUSDT-1m-2024-01.csv} and
 * {@code BTCUSDT-1h-2024-01.csv} (the interval after the symbol, as Binance names its files and {@code backtest
 * download} writes them). Given the timeframe, only one length is taken: the timeframe's own, else the longest that
 * divides it (the fewest rows to combine). Files whose names carry no interval are always taken.
 */
public final class DataSources {

    /** After the symbol: a separator, the interval as Binance writes it ({@code 1m}, {@code 4h}), a separator. */
    private static final Pattern INTERVAL = Pattern.compile("[-_.](\\d{1,6})([smhdw])[-_.]");

    private DataSources() {
    }

    /**
     * @param data    the {@code --data} arguments as written
     * @param symbols the configured symbols
     * @return for each configured symbol, in their order, its files in the order to read them
     * @throws CandleDataException listing every problem, one a line: a path that does not exist, a symbol that is
     *                             not configured, a file whose symbol cannot be told, a symbol without data
     */
    public static Map<Symbol, List<Path>> resolve(List<String> data, List<Symbol> symbols) throws CandleDataException {
        return resolve(data, symbols, null);
    }

    /**
     * As {@link #resolve(List, List)}, and where a directory holds a symbol's files of several intervals, takes only
     * those of one: the timeframe's, else the longest that divides it.
     *
     * @param timeframe the configured timeframe, or null to take every interval
     */
    public static Map<Symbol, List<Path>> resolve(List<String> data, List<Symbol> symbols, Duration timeframe)
            throws CandleDataException {
        List<String> problems = new ArrayList<>();
        List<String> quotes = symbols.stream().map(Symbol::quote).toList();
        Map<Symbol, List<Path>> files = new LinkedHashMap<>();
        symbols.forEach(s -> files.put(s, new ArrayList<>()));
        List<Symbol> given = new ArrayList<>();
        List<Path> directories = new ArrayList<>();
        if (data.isEmpty()) {
            problems.add("--data: missing; give a CSV file or a directory of them");
        }
        for (String argument : data) {
            int eq = argument.indexOf('=');
            Symbol symbol = null;
            String pathText = argument;
            if (eq > 0 && !Files.exists(Path.of(argument))) {
                try {
                    symbol = Symbol.parse(argument.substring(0, eq), quotes);
                } catch (IllegalArgumentException e) {
                    problems.add("--data " + argument + ": " + e.getMessage());
                    continue;
                }
                pathText = argument.substring(eq + 1);
                if (!symbols.contains(symbol)) {
                    problems.add("--data " + argument + ": " + symbol + " is not a configured symbol (configured: "
                            + symbols.stream().map(Symbol::toString).collect(Collectors.joining(", "))
                            + "); add it to symbols in the configuration or leave this --data out");
                    continue;
                }
            }
            Path path = Path.of(pathText);
            if (!Files.exists(path)) {
                problems.add(path + ": no such file or directory; check the path given to --data");
            } else if (symbol != null) {
                given.add(symbol);
                add(files.get(symbol), Files.isDirectory(path) ? filesFor(symbol, path, timeframe, problems)
                        : List.of(path));
            } else if (Files.isDirectory(path)) {
                directories.add(path);
            } else if (symbols.size() == 1) {
                add(files.get(symbols.get(0)), List.of(path));
            } else {
                List<Symbol> named = symbols.stream().filter(s -> namedFor(path, s)).toList();
                if (named.size() == 1) {
                    add(files.get(named.get(0)), List.of(path));
                } else {
                    problems.add(path + ": cannot tell whose candles these are, the name begins with none of "
                            + symbols.stream().map(Symbol::compact).collect(Collectors.joining(", "))
                            + "; give it as --data SYMBOL=" + path + ", such as --data " + symbols.get(0) + "="
                            + path);
                }
            }
        }
        for (Path directory : directories) {
            List<Path> csv = csvFiles(directory, problems);
            for (Symbol symbol : symbols) {
                if (!given.contains(symbol)) {
                    List<Path> named = oneInterval(csv.stream().filter(f -> namedFor(f, symbol)).toList(), symbol,
                            timeframe);
                    add(files.get(symbol), named.isEmpty() && symbols.size() == 1 ? csv : named);
                }
            }
        }
        for (Map.Entry<Symbol, List<Path>> e : files.entrySet()) {
            Symbol s = e.getKey();
            if (e.getValue().isEmpty() && problems.isEmpty()) {
                problems.add(directories.isEmpty()
                        ? "--data: no data for " + s + "; give its file as --data " + s + "=FILE"
                        : directories.stream().map(Path::toString).collect(Collectors.joining(", ")) + ": no file for "
                        + s + " (named like " + s.compact() + "-1m-2024-01.csv); put its files there or give them as "
                        + "--data " + s + "=FILE");
            }
        }
        if (!problems.isEmpty()) {
            throw new CandleDataException(String.join("\n", problems));
        }
        Map<Symbol, List<Path>> result = new LinkedHashMap<>();
        files.forEach((s, f) -> result.put(s, List.copyOf(f)));
        return result;
    }

    /** @return the directory's files for {@code SYMBOL=DIR}: those named for the symbol, else all */
    private static List<Path> filesFor(Symbol symbol, Path directory, Duration timeframe, List<String> problems) {
        List<Path> csv = csvFiles(directory, problems);
        if (csv.isEmpty()) {
            problems.add(directory + ": no CSV file in it; put " + symbol + "'s files there or give its file as --data "
                    + symbol + "=FILE");
        }
        List<Path> named = oneInterval(csv.stream().filter(f -> namedFor(f, symbol)).toList(), symbol, timeframe);
        return named.isEmpty() ? csv : named;
    }

    /**
     * @return the files of one interval when they have several: the timeframe's, else the longest that divides it;
     *         else (no timeframe, one interval, or none that divides it) all of them, for the reader to judge
     */
    private static List<Path> oneInterval(List<Path> files, Symbol symbol, Duration timeframe) {
        Map<Path, Duration> intervals = new LinkedHashMap<>();
        for (Path f : files) {
            interval(f, symbol).ifPresent(d -> intervals.put(f, d));
        }
        if (timeframe == null || intervals.values().stream().distinct().count() < 2) {
            return files;
        }
        Optional<Duration> chosen = intervals.values().stream()
                .filter(d -> timeframe.toMillis() % d.toMillis() == 0)
                .max(Comparator.naturalOrder());
        if (chosen.isEmpty()) {
            return files;
        }
        return files.stream().filter(f -> !intervals.containsKey(f) || intervals.get(f).equals(chosen.get()))
                .toList();
    }

    /**
     * @return the candles' length a file's name gives after the symbol, such as one minute for
     *         {@code BTCUSDT-1m-2024-01.csv} (Binance's intervals: s, m, h, d, w; its months have no fixed length)
     */
    static Optional<Duration> interval(Path file, Symbol symbol) {
        String name = file.getFileName().toString();
        for (String prefix : List.of(symbol.compact(), symbol.base() + "-" + symbol.quote(),
                symbol.base() + "_" + symbol.quote())) {
            if (name.length() > prefix.length() && name.substring(0, prefix.length()).equalsIgnoreCase(prefix)) {
                Matcher m = INTERVAL.matcher(name.substring(prefix.length()));
                if (m.lookingAt()) {
                    long n = Long.parseLong(m.group(1));
                    return n == 0 ? Optional.empty() : Optional.of(switch (m.group(2)) {
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        case "h" -> Duration.ofHours(n);
                        case "d" -> Duration.ofDays(n);
                        default -> Duration.ofDays(7 * n);
                    });
                }
            }
        }
        return Optional.empty();
    }

    private static void add(List<Path> files, List<Path> more) {
        for (Path p : more) {
            Path same = p.toAbsolutePath().normalize();
            if (files.stream().noneMatch(f -> f.toAbsolutePath().normalize().equals(same))) {
                files.add(p);
            }
        }
    }

    /** @return the directory's CSV files, in the order of their names */
    private static List<Path> csvFiles(Path directory, List<String> problems) {
        try (Stream<Path> list = Files.list(directory)) {
            return list.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .filter(Files::isRegularFile)
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            problems.add(directory + ": cannot list it (" + e.getMessage() + "); check that you may read it");
            return List.of();
        }
    }

    /** @return whether the file's name begins with the symbol, such as {@code BTCUSDT-1m-2024-01.csv} */
    static boolean namedFor(Path file, Symbol symbol) {
        String name = file.getFileName().toString().toUpperCase(Locale.ROOT);
        for (String prefix : List.of(symbol.compact(), symbol.base() + "-" + symbol.quote(),
                symbol.base() + "_" + symbol.quote())) {
            if (name.length() > prefix.length() && name.startsWith(prefix)
                    && "-_.".indexOf(name.charAt(prefix.length())) >= 0) {
                return true;
            }
        }
        return false;
    }
}
