package com.byninja.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.bot.domain.AlertKind;
import com.byninja.telegram.routing.AlertLook;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The two daemons agree on the kinds of alerts: each kind the trading bot raises ({@code data.event}) is one the
 * telegram-server shows with an emoji of its own, not under the warning sign it keeps for kinds it does not know.
 */
class AlertKindsTest {

    @Test
    void everyKindOfAlertTheBotRaisesHasALookOfItsOwnInTheChat() {
        assertThat(Arrays.stream(AlertKind.values()).map(AlertKind::code)).allMatch(AlertLook::knows);
    }
}
