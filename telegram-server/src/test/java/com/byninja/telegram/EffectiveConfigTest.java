package com.byninja.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.runtime.EffectiveConfig;
import com.byninja.telegram.testing.TestConfigs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The configuration as the start-up log shows it. */
class EffectiveConfigTest {

    @Test
    void theConfigurationIsIndentedYamlWithTheTokenMasked() {
        String yaml = EffectiveConfig.yaml(TestConfigs.forApi("http://127.0.0.1:8081", List.of(111L, 222L)), "  ");

        assertThat(yaml.lines().limit(21)).containsExactly(
                "  telegram:",
                "    token: '***'",
                "    allowedChats:",
                "      - 111",
                "      - 222",
                "    apiUrl: http://127.0.0.1:8081",
                "    pollTimeoutSeconds: 2",
                "    pollBackoffMaxMs: 1000",
                "    flappingWindowSeconds: 300",
                "    users: {}",
                "  link:",
                "    bind: 127.0.0.1",
                "    port: 0",
                "    secretFile: unused",
                "    heartbeatIntervalMs: 5000",
                "  routing:",
                "    replyTimeoutMs: 1000",
                "    maxCommandAgeSeconds: 30",
                "    confirmSeconds: 30",
                "    confirmForcebuyAbove: 0",
                "  sending:");
        assertThat(yaml).doesNotContain(TestConfigs.TOKEN);
    }
}
