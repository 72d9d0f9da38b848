package com.byninja.bot;

import com.byninja.bot.config.BotConfig;
import com.byninja.bot.exchange.ExchangeException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Why the bot could not start, for the one line its owner reads: what failed, why, and what to check. The stack
 * trace is for DEBUG only.
 */
final class StartFailure {

    private StartFailure() {
    }

    /**
     * @param e      what {@link TradingBot#start} threw
     * @param config the configuration it was started with
     * @return one or two sentences, such as {@code cannot write /srv/bot/data/alpha-simulated-paper.db.lock:
     *         permission denied. Check that user bot may write to /srv/bot/data (dataDir, BYNINJA_DATA_DIR).}
     */
    static String describe(Throwable e, BotConfig config) {
        if (e instanceof ExchangeException) {
            return e.getMessage();
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof FileSystemException file && file.getFile() != null) {
                Path path = Path.of(file.getFile()).toAbsolutePath().normalize();
                return "cannot write " + path + ": " + reason(file) + ". " + check(path, config);
            }
        }
        if (e instanceof SQLException) {
            Path db = config.databaseFile().toAbsolutePath().normalize();
            return "cannot use the database " + db + ": " + e.getMessage() + ". " + check(db, config);
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private static String reason(FileSystemException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file is in the way where a directory is needed";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        String reason = e.getReason() == null ? e.getClass().getSimpleName() : e.getReason();
        return reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
    }

    /**
     * What to look at: the permissions of the directory {@code path} is in, for the user the bot runs as, and the
     * setting that chose it.
     */
    private static String check(Path path, BotConfig config) {
        Path directory = path.getParent() == null ? path : path.getParent();
        String setting = "";
        if (path.startsWith(config.dataDir().toAbsolutePath().normalize())) {
            setting = " (dataDir, BYNINJA_DATA_DIR)";
        } else if (config.link().secretFile().toAbsolutePath().normalize().startsWith(path)) {
            setting = " (link.secretFile, or BYNINJA_LINK_SECRET)";
        }
        return "Check that user " + System.getProperty("user.name") + " may write to " + directory + setting + ".";
    }
}
