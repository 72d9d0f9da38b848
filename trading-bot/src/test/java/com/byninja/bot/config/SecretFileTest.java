package com.byninja.bot.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.byninja.runtime.config.ConfigException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The link secret lives with the data unless a file is named: moving the data moves the secret. */
class SecretFileTest {

    @Test
    void byDefaultTheSecretIsInTheDataDirectoryLikeTheTelegramServers() throws ConfigException {
        BotConfig c = new ConfigLoader(Map.of()).loadYaml(null, "defaults").config();

        assertThat(c.link().secretFile()).isEqualTo(Path.of("data", "link.secret"));
    }

    @Test
    void theDataDirectoryFromTheEnvironmentMovesTheSecretWithTheDatabase() throws ConfigException {
        BotConfig c = new ConfigLoader(Map.of("BYNINJA_DATA_DIR", "/var/lib/byninja")).loadYaml(null, "defaults")
                .config();

        assertThat(c.link().secretFile()).isEqualTo(Path.of("/var/lib/byninja", "link.secret"));
        assertThat(c.databaseFile()).isEqualTo(Path.of("/var/lib/byninja", "ninja-simulated-paper.db"));
    }

    @Test
    void aSecretFileNamedInTheConfigurationWinsOverTheDataDirectory() throws ConfigException {
        BotConfig c = new ConfigLoader(Map.of("BYNINJA_DATA_DIR", "/var/lib/byninja"))
                .loadYaml("link:\n  secretFile: /etc/byninja/link.secret\n", "test.yml").config();

        assertThat(c.link().secretFile()).isEqualTo(Path.of("/etc/byninja/link.secret"));
    }
}
