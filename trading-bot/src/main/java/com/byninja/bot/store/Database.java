package com.byninja.bot.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's SQLite database: one connection, in WAL mode with full synchronous commits, so that every committed
 * change survives {@code kill -9} and power loss. Several threads write (the trading thread, the order executor,
 * the simulator), one transaction at a time.
 *
 * <p>The schema carries a version ({@code PRAGMA user_version}); {@link #open} creates or upgrades it and refuses a
 * database written by a newer bot.
 */
public final class Database implements AutoCloseable {

    /** The schema version this code reads and writes. */
    public static final int SCHEMA_VERSION = 7;

    private static final List<String> SCHEMA_V1 = List.of(
            """
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)""",
            """
            CREATE TABLE orders (
              client_order_id TEXT PRIMARY KEY, symbol TEXT NOT NULL, side TEXT NOT NULL, purpose TEXT NOT NULL,
              quote_amount TEXT, quantity TEXT, status TEXT NOT NULL, exchange_order_id TEXT,
              filled_quantity TEXT NOT NULL, average_price TEXT NOT NULL, fee TEXT NOT NULL, fee_currency TEXT,
              reason TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)""",
            "CREATE INDEX orders_by_status ON orders (status)",
            "CREATE INDEX orders_by_update ON orders (updated_at)",
            """
            CREATE TABLE positions (
              symbol TEXT PRIMARY KEY, quantity TEXT NOT NULL, entry_cost TEXT NOT NULL, entry_fees TEXT NOT NULL,
              opened_at INTEGER NOT NULL, highest_price TEXT NOT NULL)""",
            """
            CREATE TABLE trades (
              id INTEGER PRIMARY KEY AUTOINCREMENT, symbol TEXT NOT NULL, quantity TEXT NOT NULL,
              entry_cost TEXT NOT NULL, entry_fees TEXT NOT NULL, exit_price TEXT NOT NULL, exit_fees TEXT NOT NULL,
              realised_pnl TEXT NOT NULL, opened_at INTEGER NOT NULL, closed_at INTEGER NOT NULL,
              exit_purpose TEXT NOT NULL, client_order_id TEXT NOT NULL UNIQUE)""",
            "CREATE INDEX trades_by_close ON trades (closed_at)",
            """
            CREATE TABLE control (scope TEXT PRIMARY KEY, trading INTEGER NOT NULL, buy INTEGER NOT NULL,
              sell INTEGER NOT NULL)""",
            "CREATE TABLE sim_balances (currency TEXT PRIMARY KEY, amount TEXT NOT NULL)",
            """
            CREATE TABLE sim_orders (
              client_order_id TEXT PRIMARY KEY, exchange_order_id TEXT, status TEXT NOT NULL,
              filled_quantity TEXT NOT NULL, average_price TEXT NOT NULL, fee TEXT NOT NULL, fee_currency TEXT,
              reason TEXT, time INTEGER NOT NULL)""",
            "CREATE TABLE sim_prices (symbol TEXT PRIMARY KEY, price TEXT NOT NULL, tick INTEGER NOT NULL)");

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final Path file;
    private final Connection connection;
    /** Null for a database opened read-only, which takes no lock. */
    private final FileChannel lockFile;
    private final ReentrantLock lock = new ReentrantLock();

    private Database(Path file, Connection connection, FileChannel lockFile) {
        this.file = file;
        this.connection = connection;
        this.lockFile = lockFile;
    }

    /** Work done inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Opens (creating it and its directory when missing) and migrates the database.
     *
     * @param file the database file
     * @return the open database
     * <p>A second bot on the same file would trade the same money twice, so the file is locked (through
     * {@code <file>.lock}) for as long as it is open; the operating system releases the lock when the process dies.
     *
     * @throws SQLException when the file is not a usable database, is used by another bot, or its schema is newer
     *                      than this code
     * @throws IOException  when the directory cannot be created
     */
    public static Database open(Path file) throws SQLException, IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        FileChannel lockFile = FileChannel.open(Path.of(file + ".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            if (lockFile.tryLock() == null) {
                throw new SQLException(file + " is in use by another trading-bot; give each bot its own name or "
                        + "data directory");
            }
        } catch (OverlappingFileLockException e) {
            lockFile.close();
            throw new SQLException(file + " is already open in this process", e);
        } catch (SQLException | IOException e) {
            lockFile.close();
            throw e;
        }
        Connection connection;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        } catch (SQLException e) {
            lockFile.close();
            throw e;
        }
        try {
            try (Statement st = connection.createStatement()) {
                st.execute("PRAGMA busy_timeout = 5000");
                st.execute("PRAGMA journal_mode = WAL");
                st.execute("PRAGMA synchronous = FULL");
            }
            Database db = new Database(file, connection, lockFile);
            int found = db.migrate();
            // A bot started from another directory finds no database and starts over with an empty wallet: say
            // which file it is, so that nobody mistakes it for the real one.
            if (found == 0) {
                LOG.info("database {}: new, created empty (no positions, no history)", file.toAbsolutePath());
            } else {
                LOG.info("database {}: opened (schema version {})", file.toAbsolutePath(), SCHEMA_VERSION);
            }
            return db;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            lockFile.close();
            throw e;
        }
    }

    /** @return the schema version the file had before, 0 for a new database */
    private int migrate() throws SQLException {
        int version = schemaVersion();
        if (version > SCHEMA_VERSION) {
            throw new SQLException(file + " has schema version " + version + ", newer than this bot's "
                    + SCHEMA_VERSION + "; use a newer bot or another data directory");
        }
        if (version == 0) {
            inTransaction(c -> {
                try (Statement st = c.createStatement()) {
                    for (String ddl : SCHEMA_V1) {
                        st.execute(ddl);
                    }
                    st.execute("PRAGMA user_version = 1");
                }
                return null;
            });
        }
        if (version < 2) {
            inTransaction(c -> {
                SchemaV2.upgrade(c);
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA user_version = 2");
                }
                return null;
            });
        }
        if (version < 3) {
            inTransaction(c -> {
                SchemaV3.upgrade(c);
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA user_version = 3");
                }
                return null;
            });
        }
        if (version < 4) {
            inTransaction(c -> {
                SchemaV4.upgrade(c);
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA user_version = 4");
                }
                return null;
            });
        }
        if (version < 5) {
            inTransaction(c -> {
                SchemaV5.upgrade(c);
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA user_version = 5");
                }
                return null;
            });
        }
        if (version < 6) {
            inTransaction(c -> {
                SchemaV6.upgrade(c);
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA user_version = 6");
                }
                return null;
            });
        }
        if (version < 7) {
            inTransaction(c -> {
                SchemaV7.upgrade(c);
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA user_version = 7");
                }
                return null;
            });
        }
        return version;
    }

    /**
     * Opens a bot's database to read it, such as a replay checking what a bot decided: no lock is taken, nothing is
     * created, migrated or written, and the bot may be running meanwhile. A file no connection has open (no
     * {@code -wal} beside it) is read as immutable, so that not even SQLite's shared-memory files appear next to it.
     *
     * @throws SQLException when the file is missing, is not a SQLite database, or is not a trading bot's of a schema
     *                      version this code reads; the message names the file and says which
     */
    public static Database openReadOnly(Path file) throws SQLException {
        if (!Files.isRegularFile(file)) {
            throw new SQLException(file + ": no such file");
        }
        Properties readOnly = new Properties();
        // SQLITE_OPEN_READONLY
        readOnly.setProperty("open_mode", "1");
        readOnly.setProperty("busy_timeout", "5000");
        boolean inUse = Files.exists(Path.of(file + "-wal"));
        String url = "jdbc:sqlite:" + (inUse ? file.toString() : file.toAbsolutePath().toUri() + "?immutable=1");
        Connection connection = DriverManager.getConnection(url, readOnly);
        try {
            Database db = new Database(file, connection, null);
            int version;
            try {
                version = db.schemaVersion();
            } catch (SQLException e) {
                throw new SQLException(file + ": not a SQLite database (" + e.getMessage() + ")", e);
            }
            if (version == 0 || !db.hasTable("orders")) {
                throw new SQLException(file + ": not a trading bot's database (a SQLite file without its tables)");
            }
            if (version > SCHEMA_VERSION) {
                throw new SQLException(file + " has schema version " + version + ", newer than this bot's "
                        + SCHEMA_VERSION + "; use a newer bot");
            }
            return db;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private boolean hasTable(String name) throws SQLException {
        lock.lock();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } finally {
            lock.unlock();
        }
    }

    /** @return the schema version stored in the file. */
    public int schemaVersion() throws SQLException {
        lock.lock();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code work} in one transaction, committed before this method returns.
     *
     * @return what {@code work} returned
     * @throws SQLException when the work or the commit failed; nothing was changed then
     */
    public <T> T inTransaction(Work<T> work) throws SQLException {
        lock.lock();
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } finally {
            lock.unlock();
        }
    }

    /** @return the database file. */
    public Path file() {
        return file;
    }

    @Override
    public void close() throws SQLException {
        lock.lock();
        try {
            connection.close();
        } finally {
            try {
                if (lockFile != null) {
                    lockFile.close();
                }
            } catch (IOException e) {
                // Closing the channel releases the lock; a failure here leaves nothing to undo.
            }
            lock.unlock();
        }
    }
}
