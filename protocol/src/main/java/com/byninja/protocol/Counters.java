package com.byninja.protocol;

import java.util.concurrent.atomic.LongAdder;

/** The mutable side of {@link LinkStats}, shared by every connection of one client or server. */
final class Counters {
    final LongAdder framesSent = new LongAdder();
    final LongAdder framesReceived = new LongAdder();
    final LongAdder logsDropped = new LongAdder();
    final LongAdder alertsDropped = new LongAdder();
    final LongAdder othersDropped = new LongAdder();
    final LongAdder badFrames = new LongAdder();
    final LongAdder reconnects = new LongAdder();
    final LongAdder failedConnects = new LongAdder();
    final LongAdder alertsAcknowledged = new LongAdder();

    void dropped(Tag tag) {
        switch (tag) {
            case LOG -> logsDropped.increment();
            case ALERT -> alertsDropped.increment();
            default -> othersDropped.increment();
        }
    }

    LinkStats snapshot() {
        return new LinkStats(framesSent.sum(), framesReceived.sum(), logsDropped.sum(), alertsDropped.sum(),
                othersDropped.sum(), badFrames.sum(), reconnects.sum(), failedConnects.sum(),
                alertsAcknowledged.sum());
    }
}
