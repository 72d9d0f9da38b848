package com.byninja.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Audit item 11: a command Telegram kept while the control server could not read it is not run late. */
class StaleCommandIT {

    @Test
    void aForceBuyTypedLongerAgoThanTheLimitIsNotPlacedAndTheChatIsToldWhy(@TempDir Path dir) throws Exception {
        try (Deployment d = new Deployment(dir, "risk:\n  stopLossPct: 0\n  takeProfitPct: 0\n")) {
            d.startBoth();
            long typedAt = Instant.now().getEpochSecond() - 92;
            String at = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC)
                    .format(Instant.ofEpochSecond(typedAt));

            int before = d.chat().size();
            d.api.userSendsAt(Deployment.OWNER, "/forcebuy BTC/USDT 50", typedAt);

            String ignored = d.awaitChat(before, "Ignored /forcebuy");
            assertThat(ignored).matches("Ignored /forcebuy BTC/USDT 50, sent 9[2-4] s ago \\(at " + at + " UTC\\): "
                    + "commands older than 30 s are not run, in case they no longer hold\\. Send it again if you "
                    + "still want it\\.");
            // The owner's next command goes after the old one: once it is answered, the old one was dealt with.
            d.ask("/status", "Positions \\(0\\)");
            assertThat(d.count("SELECT COUNT(*) FROM orders")).isZero();

            d.ask("/forcebuy BTC/USDT 50", "BTC/USDT: Opened by /forcebuy: bought");
            assertThat(d.count("SELECT COUNT(*) FROM orders")).isEqualTo(1);
        }
    }
}
