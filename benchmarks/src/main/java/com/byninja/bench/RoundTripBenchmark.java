package com.byninja.bench;

import com.byninja.protocol.Message;
import com.byninja.protocol.MessageRouter;
import com.byninja.protocol.Tag;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A status command from the server to an authenticated bot and its reply back, against the physical floor: a bare
 * blocking-socket ping-pong of the same bytes, with no threads between the socket and the caller.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RoundTripBenchmark {

    /** The real link: LinkServer, an authenticated LinkClient answering like a trading bot. */
    @State(Scope.Benchmark)
    public static class Link {
        final AtomicReference<Message> reply = new AtomicReference<>();
        volatile Thread waiter;
        BenchLinks links;
        long sequence;

        @Setup(Level.Trial)
        public void start() throws IOException {
            MessageRouter server = new MessageRouter().on(Tag.REPLY, (from, m) -> {
                reply.set(m);
                LockSupport.unpark(waiter);
            });
            MessageRouter bot = new MessageRouter().on(Tag.COMMAND,
                    (from, m) -> from.send(Message.replyTo(m, Payloads.STATUS_REPLY.message(),
                            Payloads.STATUS_REPLY.data())));
            links = new BenchLinks(server, bot);
        }

        @TearDown(Level.Trial)
        public void stop() {
            links.close();
        }
    }

    /** Two bare sockets on loopback; the far end answers each command frame with the reply frame's bytes. */
    @State(Scope.Benchmark)
    public static class Raw {
        final byte[] command = Payloads.frame(Payloads.STATUS_COMMAND);
        final byte[] replyFrame = Payloads.frame(Payloads.STATUS_REPLY);
        final byte[] buffer = new byte[1 << 16];
        ServerSocket listener;
        Socket socket;
        Thread echo;
        OutputStream out;
        DataInputStream in;

        @Setup(Level.Trial)
        public void start() throws IOException {
            listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            echo = new Thread(this::echo, "raw-echo");
            echo.setDaemon(true);
            echo.start();
            socket = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = new DataInputStream(socket.getInputStream());
        }

        private void echo() {
            try (Socket s = listener.accept()) {
                s.setTcpNoDelay(true);
                DataInputStream peerIn = new DataInputStream(s.getInputStream());
                OutputStream peerOut = s.getOutputStream();
                byte[] body = new byte[1 << 16];
                while (true) {
                    int n = peerIn.readInt();
                    peerIn.readFully(body, 0, n);
                    peerOut.write(replyFrame);
                }
            } catch (IOException closed) {
                // the benchmark ended
            }
        }

        @TearDown(Level.Trial)
        public void stop() throws IOException, InterruptedException {
            socket.close();
            listener.close();
            echo.join(2_000);
        }
    }

    @Benchmark
    public Message link(Link s) {
        s.waiter = Thread.currentThread();
        s.links.bot.send(Payloads.STATUS_COMMAND.withId("c-" + (++s.sequence)));
        Message r;
        while ((r = s.reply.getAndSet(null)) == null) {
            LockSupport.park();
        }
        return r;
    }

    @Benchmark
    public int rawSocket(Raw s) throws IOException {
        s.out.write(s.command);
        int n = s.in.readInt();
        s.in.readFully(s.buffer, 0, n);
        return n;
    }
}
