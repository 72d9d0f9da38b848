package com.byninja.telegram.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private ConfigLoader loader(Map<String, String> env) {
        return new ConfigLoader(env, dir.resolve("absent.yml"));
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("telegram-server.yml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void theBuiltInDefaultsAreTheShippedFile() throws Exception {
        TelegramServerConfig config = loader(Map.of()).load(Optional.empty(), true);

        assertThat(config.telegram().apiUrl()).isEqualTo("https://api.telegram.org");
        assertThat(config.telegram().pollTimeoutSeconds()).isEqualTo(50);
        assertThat(config.telegram().pollBackoffMaxMs()).isEqualTo(30_000);
        assertThat(config.link()).isEqualTo(new TelegramServerConfig.Link("127.0.0.1", 7070, "", 5_000));
        assertThat(config.dataDir()).isEqualTo("data");
        assertThat(config.linkSecretFile()).isEqualTo(Path.of("data", "link.secret"));
        assertThat(config.routing()).isEqualTo(new TelegramServerConfig.Routing(10_000, 30));
        assertThat(config.sending()).isEqualTo(new TelegramServerConfig.Sending(100, 1_000, 3, 500, 30_000, 30_000));
        assertThat(config.logs()).isEqualTo(new TelegramServerConfig.Logs("WARN", 3_000, 200));
    }

    @Test
    void aFileOverridesOnlyTheKeysItHasAndTheEnvironmentOverridesTheFile() throws Exception {
        Path file = write("""
                telegram:
                  token: "from-file"
                  allowedChats: [1, 2]
                link:
                  port: 7171
                routing:
                  replyTimeoutMs: 2500
                """);
        Map<String, String> env = Map.of("BYNINJA_TELEGRAM_TOKEN", "from-env",
                "BYNINJA_TELEGRAM_ALLOWED_CHATS", " 10, -100200 ,",
                "BYNINJA_TELEGRAM_API_URL", "http://127.0.0.1:8081",
                "BYNINJA_LINK_BIND", "0.0.0.0",
                "BYNINJA_LINK_PORT", "7272");

        TelegramServerConfig config = loader(env).load(Optional.of(file), false);

        assertThat(config.telegram().token()).isEqualTo("from-env");
        assertThat(config.telegram().allowedChats()).containsExactly(10L, -100200L);
        assertThat(config.telegram().apiUrl()).isEqualTo("http://127.0.0.1:8081");
        assertThat(config.link().bind()).isEqualTo("0.0.0.0");
        assertThat(config.link().port()).isEqualTo(7272);
        assertThat(config.routing().replyTimeoutMs()).isEqualTo(2_500);
        assertThat(config.sending().intervalMs()).isEqualTo(1_000);
    }

    @Test
    void aMissingTokenSaysToAskBotFatherAndAnEmptyAllowListSaysHowToFindTheChatId() {
        assertThatThrownBy(() -> loader(Map.of()).load(Optional.empty(), false))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.problems()).hasSize(2);
                    assertThat(e.problems().get(0)).contains("@BotFather", "BYNINJA_TELEGRAM_TOKEN");
                    assertThat(e.problems().get(1)).contains("getUpdates", "message.chat.id",
                            "BYNINJA_TELEGRAM_ALLOWED_CHATS");
                });
    }

    @Test
    void consoleModeNeedsNeitherTokenNorAllowedChats() throws Exception {
        assertThat(loader(Map.of()).load(Optional.empty(), true).telegram().token()).isEmpty();
    }

    @Test
    void everyProblemIsReportedTogether() throws Exception {
        Path file = write("""
                telegram:
                  apiUrl: "https://api.telegram.org/some/path"
                  pollBackoffMaxMs: 900000
                sending:
                  burst: 0
                logs:
                  level: LOUD
                """);
        Map<String, String> env = Map.of("BYNINJA_TELEGRAM_ALLOWED_CHATS", "12,abc", "BYNINJA_LINK_PORT", "http");

        assertThatThrownBy(() -> loader(env).load(Optional.of(file), false))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).contains("got 'abc'"))
                        .anySatisfy(p -> assertThat(p).contains("BYNINJA_LINK_PORT"))
                        .anySatisfy(p -> assertThat(p).contains("@BotFather"))
                        .anySatisfy(p -> assertThat(p).contains("telegram.apiUrl"))
                        .anySatisfy(p -> assertThat(p).contains("telegram.pollBackoffMaxMs"))
                        .anySatisfy(p -> assertThat(p).contains("sending.burst"))
                        .anySatisfy(p -> assertThat(p).contains("logs.level")));
    }

    @Test
    void aMaximumCommandAgeOutsideOneSecondToADayIsRefusedSayingWhatItIsFor() throws Exception {
        Path file = write("""
                routing:
                  maxCommandAgeSeconds: 0
                """);

        assertThatThrownBy(() -> loader(Map.of()).load(Optional.of(file), true))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "routing.maxCommandAgeSeconds: must be between 1 and 86400 seconds (a command older than "
                                + "this when the server reads it is not run), got 0"));
        Path valid = write("""
                routing:
                  maxCommandAgeSeconds: 120
                """);
        assertThat(loader(Map.of()).load(Optional.of(valid), true).routing().maxCommandAgeSeconds()).isEqualTo(120);
    }

    @Test
    void unknownKeysAreNamedAlongWithEveryOtherProblem() throws Exception {
        Path file = write("""
                telegram:
                  tokn: "typo"
                sending:
                  burst: 0
                extra: 1
                """);

        assertThatThrownBy(() -> loader(Map.of()).load(Optional.of(file), true))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "telegram.tokn: unknown key in " + file
                                + " (known here: [token, allowedChats, apiUrl, pollTimeoutSeconds, pollBackoffMaxMs])",
                        "extra: unknown key in " + file + " (known here: [dataDir, telegram, link, routing, sending, logs])",
                        "sending.burst: must be between 1 and 1000, got 0"));
    }

    @Test
    void aNamedFileThatDoesNotExistIsAnError() {
        assertThatThrownBy(() -> loader(Map.of()).load(Optional.of(dir.resolve("nope.yml")), true))
                .isInstanceOf(ConfigException.class).hasMessageContaining("nope.yml");
    }

    @Test
    void theDefaultFileIsReadWhenPresent() throws Exception {
        Path file = write("""
                logs:
                  level: error
                """);

        TelegramServerConfig config = new ConfigLoader(Map.of(), file).load(Optional.empty(), true);

        assertThat(config.logs().level()).isEqualTo("error");
    }

    @Test
    void theTokenIsMaskedWhenTheConfigurationIsPrinted() throws Exception {
        TelegramServerConfig config = loader(Map.of("BYNINJA_TELEGRAM_TOKEN", "123456:secret-token-value",
                "BYNINJA_TELEGRAM_ALLOWED_CHATS", "42")).load(Optional.empty(), false);

        assertThat(config.toString()).doesNotContain("secret-token-value").contains("token=***")
                .contains("allowedChats=" + List.of(42L));
    }
}
