package com.byninja.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Audit item 12: a second trading bot under the same name is refused instead of knocking the first off for ever. */
class DuplicateNameIT {
    /** The link client's own line, so that whatever the bot logs besides does not change the count. */
    private static final Pattern REFUSED_IN_LOG = Pattern.compile("LinkClient - link: the server at "
            + "127\\.0\\.0\\.1:[0-9]+ refused this bot: a trading bot named 'alpha' is already connected from "
            + "127\\.0\\.0\\.1:[0-9]+; give each bot its own name \\(name: in its configuration, or "
            + "BYNINJA_BOT_NAME\\)");

    @Test
    void aSecondBotUnderTheSameNameIsRefusedWhileTheFirstRunsAndTakesOverWhenItStops(@TempDir Path dir)
            throws Exception {
        try (Deployment d = new Deployment(dir, "")) {
            d.startBoth();
            int before = d.chat().size();

            Daemon second = d.startAnotherBot("second-bot");

            String notice = d.awaitChat(before, "A second trading bot named alpha");
            assertThat(notice).matches("⛔ A second trading bot named alpha tried to connect from "
                    + "127\\.0\\.0\\.1:[0-9]+ and was refused: alpha is already connected from "
                    + "127\\.0\\.0\\.1:[0-9]+\\. Give each bot its own name \\(name: in its configuration, or "
                    + "BYNINJA_BOT_NAME\\)\\.");
            second.awaitOutput(REFUSED_IN_LOG.pattern(), Duration.ofSeconds(10));
            // The second keeps trying about once a second: for three seconds, still one notice and no disconnection.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> {
                List<String> since = d.chat().subList(before, d.chat().size());
                return since.stream().filter(m -> m.contains("A second trading bot named")).count() == 1
                        && since.stream().noneMatch(m -> m.contains("alpha disconnected"));
            });
            assertThat(occurrences(REFUSED_IN_LOG, second.read("logs/trading-bot-alpha.log")))
                    .as("logged once for the episode, not once per attempt").isEqualTo(1);
            d.ask("/health", "^alpha: Link: connected to ");

            int beforeStop = d.chat().size();
            assertThat(d.bot.terminate(Duration.ofSeconds(5))).isZero();
            d.awaitChat(beforeStop, "alpha disconnected");
            d.awaitChat(beforeStop, "alpha connected from 127\\.0\\.0\\.1:");
            d.ask("/status", "Positions \\(0\\)");
            assertThat(second.isAlive()).isTrue();
        }
    }

    private static int occurrences(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
