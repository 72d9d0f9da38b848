package com.byninja.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The arithmetic of the mutual handshake.
 *
 * <pre>
 * server -> client  challenge  message = serverNonce
 * client -> server  hello      message = botName, data = {nonce: clientNonce, proof: clientProof, protocol: 2}
 * server -> client  welcome    message = serverName, data = {proof: serverProof, protocol: 2}
 *                   (or error, data = {code: ...} when it is one a client acts on, then close)
 *
 * clientProof = hex(HMAC-SHA256(secret, "client|" + serverNonce + "|" + clientNonce + "|" + botName))
 * serverProof = hex(HMAC-SHA256(secret, "server|" + clientNonce + "|" + serverNonce))
 * </pre>
 */
final class Handshake {
    /** Version 2 added alert acknowledgements ({@code ack}); peers of version 1 are refused. */
    static final int PROTOCOL_VERSION = 2;
    static final String NONCE_FIELD = "nonce";
    static final String PROOF_FIELD = "proof";
    static final String PROTOCOL_FIELD = "protocol";
    /** The field of a handshake {@code error}'s data naming a refusal a client acts on. */
    static final String CODE_FIELD = "code";
    /** The code of the refusal of a bot whose name a live session holds. */
    static final String NAME_IN_USE = "name-in-use";
    /**
     * The message of the refusal of a bot whose proof is wrong: the two sides hold different secrets. It has no code,
     * so that a peer that cannot prove the secret learns nothing else.
     */
    static final String AUTHENTICATION_FAILED = "authentication failed";
    /** The code of the refusal of a peer speaking another protocol version. */
    static final String UNSUPPORTED_PROTOCOL = "unsupported-protocol";
    /** Longest accepted peer name. */
    static final int MAX_NAME_LENGTH = 64;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern NONCE = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (MAX_NAME_LENGTH - 1) + "}");

    private Handshake() {
    }

    /** @return 32 random bytes in lowercase hex. */
    static String nonce() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HEX.formatHex(bytes);
    }

    static boolean isNonce(String s) {
        return s != null && NONCE.matcher(s).matches();
    }

    /** @return whether {@code name} is a valid peer name: letters, digits, dot, dash, underscore; 1 to 64 chars. */
    static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    static String clientProof(LinkSecret secret, String serverNonce, String clientNonce, String botName) {
        return hmac(secret, "client|" + serverNonce + "|" + clientNonce + "|" + botName);
    }

    static String serverProof(LinkSecret secret, String clientNonce, String serverNonce) {
        return hmac(secret, "server|" + clientNonce + "|" + serverNonce);
    }

    /** Compares two proofs in time independent of where they differ. */
    static boolean proofMatches(String expected, String actual) {
        if (actual == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                actual.getBytes(StandardCharsets.UTF_8));
    }

    private static String hmac(LinkSecret secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            return HEX.formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
