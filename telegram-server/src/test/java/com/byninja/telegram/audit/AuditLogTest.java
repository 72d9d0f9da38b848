package com.byninja.telegram.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.telegram.audit.AuditLog.Result;
import com.byninja.telegram.audit.AuditLog.Source;
import com.byninja.telegram.telegram.Person;
import com.byninja.telegram.telegram.TokenScrubber;
import com.byninja.telegram.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
    private static final String TOKEN = "123456789:AAtestTOKENabcdefghijklmnopqrstuvwxyz12";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-04T10:41:07Z"));
    private final List<String> written = new ArrayList<>();
    private final Source owner = new Source(-100555, new Person(111, "Ann \"the boss\""), true);

    @Test
    void eachEntryIsOneLineWithItsTimeWhoWhatForWhichBotsAndWhatBecameOfIt() {
        AuditLog audit = new AuditLog(clock, written::add, new TokenScrubber(TOKEN), List.of());

        audit.record(owner, List.of("alpha", "beta"), Result.REFUSED, "/forcebuy BTC/USDT 5\nand more " + TOKEN,
                "needs the trader role; Ann is viewer");

        assertThat(written).containsExactly("2026-05-04T10:41:07Z chat=-100555 user=111 name=\"Ann \\\"the boss\\\"\" "
                + "via=button bots=alpha,beta result=refused command=\"/forcebuy BTC/USDT 5\\nand more ***\" "
                + "why=\"needs the trader role; Ann is viewer\"");
        assertThat(audit.last(20)).isEqualTo(written);
    }

    @Test
    void itKeepsTheLastHundredLinesStartingWithThoseOfEarlierRuns() {
        List<String> earlier = IntStream.rangeClosed(1, 150).mapToObj(i -> "earlier " + i).toList();
        AuditLog audit = new AuditLog(clock, written::add, new TokenScrubber(""), earlier);
        clock.advance(Duration.ofSeconds(1));

        audit.record(owner, List.of(), Result.ANSWERED, "/help", "");

        assertThat(audit.last(3)).containsExactly("earlier 149", "earlier 150", "2026-05-04T10:41:08Z chat=-100555 "
                + "user=111 name=\"Ann \\\"the boss\\\"\" via=button bots=- result=answered command=\"/help\"");
        assertThat(audit.last(1000)).hasSize(AuditLog.KEPT).startsWith("earlier 52");
    }

    @Test
    void theEndOfAnEarlierFileIsReadBackAndAMissingOneIsNothing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("audit.log");
        Files.writeString(file, String.join("\n", IntStream.rangeClosed(1, 120).mapToObj(i -> "line " + i)
                .toList()) + "\n", StandardCharsets.UTF_8);

        assertThat(AuditLog.tail(file)).hasSize(100).startsWith("line 21").endsWith("line 120");
        assertThat(AuditLog.tail(dir.resolve("none.log"))).isEmpty();
    }
}
