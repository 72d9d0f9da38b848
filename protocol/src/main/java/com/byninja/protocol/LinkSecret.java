package com.byninja.protocol;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secret both ends of the link share. It keys the handshake's HMAC and never crosses the wire; {@link #toString()}
 * is masked so it cannot reach a log by accident.
 */
public final class LinkSecret {
    /** Where both daemons look for the secret when started from the same directory. */
    public static final Path DEFAULT_FILE = Path.of("data", "link.secret");

    /** The shortest secret accepted, in characters. */
    public static final int MIN_LENGTH = 16;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    private LinkSecret(byte[] key) {
        this.key = key;
    }

    /**
     * @param secret the shared secret, at least {@value #MIN_LENGTH} characters
     * @throws IllegalArgumentException when it is too short (the message does not contain the secret)
     */
    public static LinkSecret of(String secret) {
        String trimmed = secret == null ? "" : secret.strip();
        if (trimmed.length() < MIN_LENGTH) {
            throw new IllegalArgumentException(
                    "the link secret must be at least " + MIN_LENGTH + " characters, got " + trimmed.length());
        }
        return new LinkSecret(trimmed.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Finds the secret: {@code envValue} when it is not blank, else the content of {@code file}, else a new random
     * secret written to {@code file} with owner-only permissions. Creation is atomic: when two daemons start at once,
     * both end up with the same secret.
     *
     * @param envValue the value of {@code BYNINJA_LINK_SECRET}, or null
     * @param file     the secret file
     */
    public static LinkSecret resolve(String envValue, Path file) throws IOException {
        if (envValue != null && !envValue.isBlank()) {
            return of(envValue);
        }
        if (!Files.exists(file)) {
            create(file);
        }
        try {
            return of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException("secret file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        Path temp = Files.createTempFile(dir, ".link-secret", ".tmp");
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temp, HexFormat.of().formatHex(random) + "\n", StandardCharsets.UTF_8);
            // A hard link fails when the target exists, so a concurrent creator's secret is never overwritten.
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException raced) {
            // Another daemon created it first: use theirs.
        } finally {
            Files.deleteIfExists(temp);
        }
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
