package com.byninja.bench;

import com.byninja.protocol.MalformedMessageException;
import com.byninja.protocol.Message;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The link's codec alone, in nanoseconds per message: a log line and a status reply, each way. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class CodecBenchmark {
    private final byte[] logBody = Payloads.body(Payloads.LOG_LINE);
    private final byte[] replyBody = Payloads.body(Payloads.STATUS_REPLY);

    @Benchmark
    public byte[] encodeLog() {
        return Payloads.CODEC.encode(Payloads.LOG_LINE);
    }

    @Benchmark
    public Message decodeLog() throws MalformedMessageException {
        return Payloads.CODEC.decode(logBody);
    }

    @Benchmark
    public byte[] encodeStatusReply() {
        return Payloads.CODEC.encode(Payloads.STATUS_REPLY);
    }

    @Benchmark
    public Message decodeStatusReply() throws MalformedMessageException {
        return Payloads.CODEC.decode(replyBody);
    }
}
