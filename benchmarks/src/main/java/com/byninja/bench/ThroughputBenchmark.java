package com.byninja.bench;

import com.byninja.protocol.FrameDecoder;
import com.byninja.protocol.MalformedMessageException;
import com.byninja.protocol.Message;
import com.byninja.protocol.MessageCodec;
import com.byninja.protocol.MessageRouter;
import com.byninja.protocol.Tag;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code log} frames one way, in frames per second: through the real link, against (a) the same bytes as raw
 * length-prefixed frames over a bare socket, and (b) the JSON ceiling: encoding plus decoding the same messages on one
 * thread with no socket, both with the link's own codec and with Jackson's tree model.
 *
 * <p>Each operation moves {@value #BATCH} frames and waits until the far end has decoded them all, so only delivered
 * frames count. The link's sender keeps fewer than {@value #WINDOW} frames in flight, below the point where the
 * link starts dropping logs, so nothing is dropped; the benchmark checks this.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ThroughputBenchmark {
    static final int BATCH = 10_000;
    static final int WINDOW = 2_048;

    /** The real link; the server counts the log frames its router receives. */
    @State(Scope.Benchmark)
    public static class Link {
        final AtomicLong received = new AtomicLong();
        BenchLinks links;
        long sent;

        @Setup(Level.Trial)
        public void start() throws IOException {
            links = new BenchLinks(new MessageRouter().on(Tag.LOG, (from, m) -> received.incrementAndGet()),
                    new MessageRouter());
        }

        @TearDown(Level.Trial)
        public void stop() {
            long dropped = links.client.stats().logsDropped();
            links.close();
            if (dropped > 0) {
                throw new IllegalStateException(dropped + " log frames were dropped: the measurement is void");
            }
        }
    }

    /** Raw frames over a bare socket: a reader thread splits them with the link's frame decoder and counts. */
    @State(Scope.Benchmark)
    public static class Raw {
        final byte[] frame = Payloads.frame(Payloads.LOG_LINE);
        final AtomicLong received = new AtomicLong();
        ServerSocket listener;
        Socket socket;
        OutputStream out;
        Thread reader;
        long sent;

        @Setup(Level.Trial)
        public void start() throws IOException {
            listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            reader = new Thread(this::read, "raw-reader");
            reader.setDaemon(true);
            reader.start();
            socket = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
            socket.setTcpNoDelay(true);
            out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        }

        private void read() {
            try (Socket s = listener.accept(); DataInputStream in = new DataInputStream(
                    new BufferedInputStream(s.getInputStream(), 64 * 1024))) {
                byte[] body = new byte[1 << 16];
                while (true) {
                    int n = in.readInt();
                    in.readFully(body, 0, n);
                    received.incrementAndGet();
                }
            } catch (IOException closed) {
                // the benchmark ended
            }
        }

        @TearDown(Level.Trial)
        public void stop() throws IOException, InterruptedException {
            socket.close();
            listener.close();
            reader.join(2_000);
        }
    }

    /** The messages for the JSON ceiling. */
    @State(Scope.Thread)
    public static class Json {
        final MessageCodec codec = Payloads.CODEC;
        final ObjectMapper mapper = MessageCodec.mapper();
        final ObjectNode tree = tree(Payloads.LOG_LINE);
        final FrameDecoder decoder = new FrameDecoder(1 << 20);

        private ObjectNode tree(Message m) {
            ObjectNode n = mapper.createObjectNode();
            n.put("tag", m.tag().wireName()).put("message", m.message()).put("timestamp", m.timestamp())
                    .put("bot", m.bot()).put("level", m.level());
            return n;
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long link(Link s) {
        long target = s.sent + BATCH;
        while (s.sent < target) {
            if (s.sent - s.received.get() >= WINDOW) {
                // Park rather than spin: on two cores a spinning sender would take a core from the link's threads.
                LockSupport.parkNanos(20_000);
                continue;
            }
            if (s.links.client.send(Payloads.LOG_LINE)) {
                s.sent++;
            }
        }
        while (s.received.get() < target) {
            LockSupport.parkNanos(20_000);
        }
        return target;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long rawSocket(Raw s) throws IOException {
        long target = s.sent + BATCH;
        for (int i = 0; i < BATCH; i++) {
            s.out.write(s.frame);
        }
        s.out.flush();
        s.sent = target;
        while (s.received.get() < target) {
            LockSupport.parkNanos(20_000);
        }
        return target;
    }

    /** The link's own codec on one thread: encode to a frame, split it, decode it. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long jsonCeilingCodec(Json s) throws MalformedMessageException {
        long sum = 0;
        for (int i = 0; i < BATCH; i++) {
            byte[] frame = s.codec.encode(Payloads.LOG_LINE);
            Message m = s.codec.decode(Arrays.copyOfRange(frame, 4, frame.length));
            sum += m.timestamp();
        }
        return sum;
    }

    /** Jackson's tree model on one thread: serialise the same object, parse it back. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long jsonCeilingJackson(Json s) throws IOException {
        long sum = 0;
        for (int i = 0; i < BATCH; i++) {
            byte[] bytes = s.mapper.writeValueAsBytes(s.tree);
            JsonNode n = s.mapper.readTree(bytes);
            sum += n.get("timestamp").asLong();
        }
        return sum;
    }
}
