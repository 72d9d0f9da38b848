package com.byninja.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fault-injecting proxy between the daemons: cut connections heal, stalled peers are detected by heartbeats. */
class FaultInjectionIT {

    @Test
    void theLinkRecoversFromCutsAndHeartbeatsDetectAStall(@TempDir Path dir) throws Exception {
        try (Deployment d = new Deployment(dir, ""); FaultProxy proxy = new FaultProxy(d.linkPort)) {
            d.startTelegram();
            int chat = d.chat().size();
            d.startBot(proxy.port());
            d.awaitChat(chat, "alpha connected");

            for (int cut = 1; cut <= 3; cut++) {
                chat = d.chat().size();
                proxy.cutAll();
                d.awaitChat(chat, "alpha disconnected");
                d.awaitChat(chat, "alpha connected");
                d.ask("/status", "Global: trading on");
            }
            assertThat(proxy.accepted()).isEqualTo(4);

            // A stall forwards nothing and closes nothing: only heartbeats can tell (3 × 500 ms here).
            chat = d.chat().size();
            proxy.stall();
            String gone = d.awaitChat(chat, "alpha disconnected");
            assertThat(gone).containsIgnoringCase("silent");
            proxy.resume();
            d.awaitChat(chat, "alpha connected");
            d.ask("/status", "Global: trading on");
            assertThat(d.bot.isAlive()).isTrue();
        }
    }
}
