package com.byninja.protocol;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secret both ends of the link share. It keys the handshake's HMAC and never crosses the wire; {@link #toString()}
 * is masked so it cannot reach a log by accident. It knows where it came from ({@link #origin()}), so that a daemon
 * can say so at start and a failed handshake can say what to compare.
 */
public final class LinkSecret {
    /** The environment variable that holds the secret, and wins over any file. */
    public static final String ENV_VARIABLE = "BYNINJA_LINK_SECRET";

    /** The name of the secret file in a daemon's data directory, where both daemons look for it by default. */
    public static final String FILE_NAME = "link.secret";

    /** Where both daemons look for the secret when started from the same directory with their defaults. */
    public static final Path DEFAULT_FILE = Path.of("data", FILE_NAME);

    /** The shortest secret accepted, in characters. */
    public static final int MIN_LENGTH = 16;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;
    private final String origin;
    private final Path file;
    private final boolean created;

    private LinkSecret(byte[] key, String origin, Path file, boolean created) {
        this.key = key;
        this.origin = origin;
        this.file = file;
        this.created = created;
    }

    /**
     * @param secret the shared secret, at least {@value #MIN_LENGTH} characters
     * @throws IllegalArgumentException when it is too short (the message does not contain the secret)
     */
    public static LinkSecret of(String secret) {
        return new LinkSecret(bytes(secret), "a secret given directly", null, false);
    }

    private static byte[] bytes(String secret) {
        String trimmed = secret == null ? "" : secret.strip();
        if (trimmed.length() < MIN_LENGTH) {
            throw new IllegalArgumentException(
                    "the link secret must be at least " + MIN_LENGTH + " characters, got " + trimmed.length());
        }
        return trimmed.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Finds the secret: {@code envValue} when it is not blank, else the content of {@code file}, else a new random
     * secret written to {@code file} with owner-only permissions. Creation is atomic: when two daemons start at once,
     * both end up with the same secret.
     *
     * @param envValue the value of {@value #ENV_VARIABLE}, or null
     * @param file     the secret file
     * @throws IOException when the file cannot be read or created; the message names the file (as an absolute path)
     *                     and what to do
     */
    public static LinkSecret resolve(String envValue, Path file) throws IOException {
        if (envValue != null && !envValue.isBlank()) {
            return new LinkSecret(bytes(envValue), ENV_VARIABLE, null, false);
        }
        Path absolute = file.toAbsolutePath().normalize();
        boolean created = !Files.exists(absolute) && create(absolute);
        try {
            return new LinkSecret(bytes(Files.readString(absolute, StandardCharsets.UTF_8)), absolute.toString(),
                    absolute, created);
        } catch (IllegalArgumentException e) {
            throw new IOException("secret file " + absolute + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IOException("cannot read the link secret file " + absolute + ": " + describe(e, absolute), e);
        }
    }

    /** @return whether this call created the file; false when another daemon created it first */
    private static boolean create(Path file) throws IOException {
        Path dir = file.getParent();
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        Path temp;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, ".link-secret", ".tmp");
        } catch (IOException e) {
            throw new IOException("cannot create the link secret file " + file + ": " + describe(e, file) + ". Make "
                    + dir + " writable (it is the data directory by default), or set " + ENV_VARIABLE, e);
        }
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temp, HexFormat.of().formatHex(random) + "\n", StandardCharsets.UTF_8);
            // A hard link fails when the target exists, so a concurrent creator's secret is never overwritten.
            Files.createLink(file, temp);
            return true;
        } catch (FileAlreadyExistsException raced) {
            // Another daemon created it first: use theirs.
            return false;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** An I/O exception's message is often the bare path: say what went wrong, and where unless it is {@code named}. */
    private static String describe(IOException e, Path named) {
        if (!(e instanceof FileSystemException fs) || fs.getFile() == null) {
            return String.valueOf(e.getMessage());
        }
        String reason;
        if (fs instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (fs instanceof NoSuchFileException) {
            reason = "no such file or directory";
        } else if (fs.getReason() != null) {
            reason = fs.getReason();
        } else {
            reason = fs.getClass().getSimpleName();
        }
        return fs.getFile().equals(named.toString()) ? reason : fs.getFile() + ": " + reason;
    }

    /**
     * @return where the secret came from: {@value #ENV_VARIABLE}, or the secret file's absolute path
     */
    public String origin() {
        return origin;
    }

    /** @return the secret file's absolute path, or null when the secret came from the environment */
    public Path file() {
        return file;
    }

    /** @return whether {@link #resolve} created the secret file just now, with a new random secret */
    public boolean created() {
        return created;
    }

    /** @return a copy of the key bytes, for the HMAC. */
    byte[] key() {
        return key.clone();
    }

    @Override
    public String toString() {
        return "LinkSecret[****]";
    }
}
