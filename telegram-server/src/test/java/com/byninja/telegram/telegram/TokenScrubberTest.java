package com.byninja.telegram.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class TokenScrubberTest {
    private static final String TOKEN = "987654321:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawX";

    @Test
    void removesTheTokenFromTextAndFromErrorChains() {
        TokenScrubber scrubber = new TokenScrubber(TOKEN);
        Exception error = new IllegalStateException("call failed",
                new IOException("unexpected end of stream on https://api.telegram.org/bot" + TOKEN + "/sendMessage"));

        assertThat(scrubber.scrub("GET /bot" + TOKEN + "/getUpdates")).isEqualTo("GET /bot***/getUpdates");
        assertThat(scrubber.describe(error)).doesNotContain(TOKEN).contains("IOException", "/bot***/sendMessage");
    }

    @Test
    void removesAnythingShapedLikeAToken() {
        TokenScrubber scrubber = new TokenScrubber("");

        assertThat(scrubber.scrub("token 111:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefgh_- here")).isEqualTo("token *** here");
        assertThat(scrubber.scrub("price 12:30 ok")).isEqualTo("price 12:30 ok");
    }
}
