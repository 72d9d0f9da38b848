package com.byninja.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** One end of a link speaking raw frames, to play a misbehaving or hostile peer in tests. */
final class RawPeer implements AutoCloseable {
    final Socket socket;
    private final OutputStream out;
    private final FrameReader reader;
    private final MessageCodec codec = new MessageCodec(1 << 20);

    RawPeer(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(5_000);
        this.out = socket.getOutputStream();
        this.reader = new FrameReader(socket.getInputStream(), 1 << 20);
    }

    static RawPeer connect(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
        return new RawPeer(s);
    }

    static RawPeer accept(ServerSocket server) throws IOException {
        server.setSoTimeout(5_000);
        return new RawPeer(server.accept());
    }

    void send(Message m) throws IOException {
        sendRaw(codec.encode(m));
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    Message read() throws IOException {
        return codec.decode(reader.next());
    }

    /** @return whether the other end closed the connection within 5 s, reading and discarding what comes first */
    boolean closedByPeer() throws IOException {
        try {
            while (true) {
                reader.next();
            }
        } catch (EOFException | java.net.SocketException e) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    /** Plays a client: answers the server's challenge as {@code name}. @return the hello it sent */
    Message hello(String name, LinkSecret secret) throws IOException {
        return hello(name, secret, 2);
    }

    /** Plays a client of protocol {@code version}. @return the hello it sent */
    Message hello(String name, LinkSecret secret, int version) throws IOException {
        Message challenge = read();
        String clientNonce = Handshake.nonce();
        ObjectNode data = MessageCodec.mapper().createObjectNode()
                .put("nonce", clientNonce)
                .put("proof", Handshake.clientProof(secret, challenge.message(), clientNonce, name))
                .put("protocol", version);
        Message hello = Message.of(Tag.HELLO, name).withData(data);
        send(hello);
        return hello;
    }

    /** Plays a server that knows the secret: challenges, checks nothing, and proves itself. */
    void welcome(LinkSecret secret) throws IOException {
        welcome(secret, true);
    }

    /**
     * Plays a server that knows the secret, of protocol version 2 when {@code version2}, else of version 1 (whose
     * welcome carries no version).
     */
    void welcome(LinkSecret secret, boolean version2) throws IOException {
        String serverNonce = Handshake.nonce();
        send(Message.of(Tag.CHALLENGE, serverNonce));
        Message hello = read();
        String clientNonce = hello.data().get("nonce").asText();
        ObjectNode data = MessageCodec.mapper().createObjectNode()
                .put("proof", Handshake.serverProof(secret, clientNonce, serverNonce));
        if (version2) {
            data.put("protocol", 2);
        }
        send(Message.of(Tag.WELCOME, "raw-server").withData(data));
    }

    /** @return the next frame that is not a heartbeat */
    Message readSkippingPings() throws IOException {
        Message m;
        do {
            m = read();
        } while (m.tag() == Tag.PING || m.tag() == Tag.PONG);
        return m;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
