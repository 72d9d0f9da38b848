package com.byninja.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The configuration as the start-up log shows it. */
class EffectiveConfigTest {

    @Test
    void theConfigurationIsIndentedYamlInItsOwnOrderWithSecretsMasked() {
        String json = """
                {"name":"alpha","exchange":{"type":"binance","mode":"live","baseUrl":"","apiKey":"k-123",\
                "apiSecret":""},"symbols":["BTC/USDT","ETH/USDT"],"link":{"secretFile":"data/link.secret",\
                "secret":"s3cr3t-s3cr3t-s3cr3t"}}""";

        assertThat(EffectiveConfig.yaml(json, "  ").lines()).containsExactly(
                "  name: alpha",
                "  exchange:",
                "    type: binance",
                "    mode: live",
                "    baseUrl: \"\"",
                "    apiKey: '***'",
                "    apiSecret: \"\"",
                "  symbols:",
                "    - BTC/USDT",
                "    - ETH/USDT",
                "  link:",
                "    secretFile: data/link.secret",
                "    secret: '***'");
    }
}
