package com.byninja.telegram.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.byninja.protocol.commands.Role;
import com.byninja.runtime.config.ConfigException;
import java.io.IOException;
import java.math.BigDecimal;
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
        assertThat(config.telegram().flappingWindowSeconds()).isEqualTo(300);
        assertThat(config.link()).isEqualTo(new TelegramServerConfig.Link("127.0.0.1", 7070, "", 5_000));
        assertThat(config.dataDir()).isEqualTo("data");
        assertThat(config.linkSecretFile()).isEqualTo(Path.of("data", "link.secret"));
        assertThat(config.routing()).isEqualTo(new TelegramServerConfig.Routing(10_000, 30, 30, BigDecimal.ZERO));
        assertThat(config.telegram().users()).as("everyone in an allowed chat is an admin").isEmpty();
        assertThat(config.sending()).isEqualTo(new TelegramServerConfig.Sending(100, 1_000, 3, 500, 30_000, 30_000));
        assertThat(config.logs()).isEqualTo(new TelegramServerConfig.Logs("WARN", 3_000, 200));
        assertThat(config.watchdog()).isEqualTo(new TelegramServerConfig.Watchdog(true, 120, 300, 300, 300, 3_600))
                .isEqualTo(TelegramServerConfig.Watchdog.DEFAULTS);
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
    void rolesAreReadByTelegramUserIdAndConfirmationsByTheirKeys() throws Exception {
        Path file = write("""
                telegram:
                  token: "t"
                  allowedChats: [123456789, -100200]
                  users:
                    123456789: admin
                    777000111: Viewer
                    " 555 ": trader
                routing:
                  confirmSeconds: 45
                  confirmForcebuyAbove: 250.5
                """);

        TelegramServerConfig config = loader(Map.of()).load(Optional.of(file), false);

        assertThat(config.telegram().users()).isEqualTo(Map.of(123_456_789L, Role.ADMIN, 777_000_111L, Role.VIEWER,
                555L, Role.TRADER));
        assertThat(config.routing()).isEqualTo(new TelegramServerConfig.Routing(10_000, 30, 45,
                new BigDecimal("250.5")));
    }

    @Test
    void aWrongUserOrRoleOrUsersWithoutAnAdminAreReportedAtTheirLines() throws Exception {
        Path file = write("""
                telegram:
                  token: "t"
                  allowedChats: [1]
                  users:
                    me: admin
                    -5: admin
                    777: boss
                    778: [admin]
                routing:
                  confirmSeconds: 2
                  confirmForcebuyAbove: -1
                """);
        Path noAdmin = dir.resolve("no-admin.yml");
        Files.writeString(noAdmin, """
                telegram:
                  token: "t"
                  allowedChats: [1]
                  users: {1: trader, 2: viewer}
                """);
        Path notAMapping = dir.resolve("list.yml");
        Files.writeString(notAMapping, """
                telegram:
                  token: "t"
                  allowedChats: [1]
                  users: [1, 2]
                """);

        assertThat(problems(Map.of(), Optional.of(file), false)).containsExactly(
                file + ":5: telegram.users.me: must be a Telegram user id (a positive whole number, as "
                        + "message.from.id in getUpdates), got \"me\"",
                file + ":6: telegram.users.-5: must be a Telegram user id (a positive whole number, as "
                        + "message.from.id in getUpdates), got \"-5\"",
                file + ":7: telegram.users.777: must be viewer, trader or admin, got \"boss\"",
                file + ":8: telegram.users.778: must be viewer, trader or admin, got a list",
                file + ":10: routing.confirmSeconds: must be a whole number between 5 and 3600 (seconds a dangerous "
                        + "command's confirmation waits for Yes or No), got 2",
                file + ":11: routing.confirmForcebuyAbove: must be between 0 and 1000000000, got -1");
        assertThat(problems(Map.of(), Optional.of(noAdmin), false)).containsExactly(
                noAdmin + ":4: telegram.users: names no admin, so nobody could send /panic or stop trading on every "
                        + "symbol; make at least one user admin");
        assertThat(problems(Map.of(), Optional.of(notAMapping), false)).containsExactly(
                notAMapping + ":4: telegram.users: must be a mapping of keys indented below it, got a list");
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

    private List<String> problems(Map<String, String> env, Optional<Path> file, boolean console) {
        try {
            loader(env).load(file, console);
        } catch (ConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected problems");
    }

    @Test
    void everyProblemIsReportedOnceAtItsLineInOnePass() throws Exception {
        Path file = write("""
                telegram:
                  apiUrl: "https://api.telegram.org/some/path"
                  pollBackoffMaxMs: 900000
                  pollTimeoutSecond: 20
                  allowedChats: [12, me]
                link:
                  port: 70000
                  heartbeatIntervalMs: soon
                sending:
                  burst: 0
                  retryMinDelayMs: lots
                  retryMaxDelayMs: 100
                routing: 5
                logs:
                  level: LOUD
                logs:
                  level: WARN
                """);

        assertThat(problems(Map.of(), Optional.of(file), false)).containsExactly(
                file + ":2: telegram.apiUrl: must be a base URL such as https://api.telegram.org or "
                        + "http://127.0.0.1:8081, without a path, got \"https://api.telegram.org/some/path\"",
                file + ":3: telegram.pollBackoffMaxMs: must be a whole number between 500 and 30000, got 900000",
                file + ":4: telegram.pollTimeoutSecond: unknown key; did you mean telegram.pollTimeoutSeconds?",
                file + ":5: telegram.allowedChats[1]: must be a chat id (a whole number, negative for groups), "
                        + "got \"me\"",
                file + ":7: link.port: must be a whole number between 0 and 65535, got 70000",
                file + ":8: link.heartbeatIntervalMs: must be a whole number between 100 and 600000, got \"soon\"",
                file + ":10: sending.burst: must be a whole number between 1 and 1000, got 0",
                file + ":11: sending.retryMinDelayMs: must be a whole number between 1 and 600000, got \"lots\"",
                file + ":13: routing: must be a mapping of keys indented below it (replyTimeoutMs, "
                        + "maxCommandAgeSeconds, confirmSeconds, confirmForcebuyAbove), got 5",
                file + ":16: logs: written twice (first at line 14); keep one, only this last one counts",
                "No Telegram bot token. Create a bot by sending /newbot to @BotFather in Telegram, then set "
                        + "BYNINJA_TELEGRAM_TOKEN (or telegram.token in the configuration file). Use --console to run "
                        + "without Telegram.");
    }

    @Test
    void aProblemFromTheEnvironmentNamesTheVariable() throws Exception {
        Path file = write("""
                link:
                  port: 7171
                """);
        Map<String, String> env = Map.of("BYNINJA_TELEGRAM_ALLOWED_CHATS", "12,abc", "BYNINJA_LINK_PORT", "http",
                "BYNINJA_TELEGRAM_API_URL", "ftp://x");

        assertThat(problems(env, Optional.of(file), true)).containsExactly(
                "BYNINJA_TELEGRAM_ALLOWED_CHATS: telegram.allowedChats[1]: must be a chat id (a whole number, "
                        + "negative for groups), got \"abc\"",
                "BYNINJA_TELEGRAM_API_URL: telegram.apiUrl: must be a base URL such as https://api.telegram.org or "
                        + "http://127.0.0.1:8081, without a path, got \"ftp://x\"",
                "BYNINJA_LINK_PORT: link.port: must be a whole number between 0 and 65535, got \"http\"");
    }

    @Test
    void aConfigFileThatCannotBeUsedSaysWhyAndWhatToDoInOneLine() throws Exception {
        Path broken = write("telegram:\n  allowedChats: [1, 2\nlink:\n  port: 1\n");

        assertThat(problems(Map.of(), Optional.of(dir), true)).containsExactly(
                "--config " + dir + ": is a directory; give a YAML file such as config/telegram-server.yml");
        assertThat(problems(Map.of(), Optional.of(dir.resolve("nope.yml")), true)).containsExactly(
                "--config " + dir.resolve("nope.yml") + ": no such file; give the path of a YAML file such as "
                        + "config/telegram-server.yml");
        assertThat(problems(Map.of(), Optional.of(broken), true)).containsExactly(
                broken + ":2:17: not valid YAML: this [ is not closed by a ] (or a comma is missing between its "
                        + "items)");
    }

    @Test
    void aMaximumCommandAgeOutsideOneSecondToADayIsRefusedSayingWhatItIsFor() throws Exception {
        Path file = write("""
                routing:
                  maxCommandAgeSeconds: 0
                """);

        assertThat(problems(Map.of(), Optional.of(file), true)).containsExactly(
                file + ":2: routing.maxCommandAgeSeconds: must be a whole number between 1 and 86400 (seconds; a "
                        + "command older than this when the server reads it is not run), got 0");
        Path valid = write("""
                routing:
                  maxCommandAgeSeconds: 120
                """);
        assertThat(loader(Map.of()).load(Optional.of(valid), true).routing().maxCommandAgeSeconds()).isEqualTo(120);
    }

    @Test
    void aFlappingWindowOutsideZeroToADayIsRefusedSayingWhatZeroDoes() throws Exception {
        Path file = write("""
                telegram:
                  flappingWindowSeconds: -1
                """);

        assertThat(problems(Map.of(), Optional.of(file), true)).containsExactly(
                file + ":2: telegram.flappingWindowSeconds: must be a whole number between 0 and 86400 (seconds; 0 "
                        + "announces every connection and drop of a bot), got -1");
        Path off = write("""
                telegram:
                  flappingWindowSeconds: 0
                """);
        assertThat(loader(Map.of()).load(Optional.of(off), true).telegram().flappingWindowSeconds()).isZero();
    }

    @Test
    void theWatchdogsKeysAreCheckedTogetherAndItCanBeTurnedOff() throws Exception {
        Path file = write("""
                watchdog:
                  enabled: maybe
                  downAfterSeconds: 0
                  stalePricesAfterSeconds: 90000
                  exchangeErrorsAfterSeconds: 1.5
                  repeatFirstSeconds: 600
                  repeatMaxSeconds: 300
                """);

        assertThat(problems(Map.of(), Optional.of(file), true)).containsExactly(
                file + ":2: watchdog.enabled: must be true or false, got \"maybe\"",
                file + ":3: watchdog.downAfterSeconds: must be a whole number between 1 and 86400, got 0",
                file + ":4: watchdog.stalePricesAfterSeconds: must be a whole number between 1 and 86400, got 90000",
                file + ":5: watchdog.exchangeErrorsAfterSeconds: must be a whole number between 1 and 86400, got 1.5",
                file + ":7: watchdog.repeatMaxSeconds: must be at least watchdog.repeatFirstSeconds (600), got 300");
        Path off = write("""
                watchdog:
                  enabled: false
                  downAfterSeconds: 30
                """);
        assertThat(loader(Map.of()).load(Optional.of(off), true).watchdog())
                .isEqualTo(new TelegramServerConfig.Watchdog(false, 30, 300, 300, 300, 3_600));
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

        assertThat(problems(Map.of(), Optional.of(file), true)).containsExactly(
                file + ":2: telegram.tokn: unknown key; did you mean telegram.token?",
                file + ":4: sending.burst: must be a whole number between 1 and 1000, got 0",
                file + ":5: extra: unknown key; the known keys at the top are dataDir, telegram, link, routing, "
                        + "sending, logs, notifications, watchdog");
    }

    @Test
    void theNotificationsTimeZoneIsAZoneOrAnOffset() throws Exception {
        assertThat(loader(Map.of()).load(Optional.of(write("notifications:\n  timeZone: Europe/Berlin\n")), true)
                .notifications().zone()).isEqualTo(java.time.ZoneId.of("Europe/Berlin"));
        assertThat(loader(Map.of()).load(Optional.of(write("notifications:\n  timeZone: \"+02:00\"\n")), true)
                .notifications().zone()).isEqualTo(java.time.ZoneOffset.ofHours(2));
        Path file = write("notifications:\n  timeZone: Europe/Berln\n");
        assertThat(problems(Map.of(), Optional.of(file), true)).containsExactly(file + ":2: notifications.timeZone: "
                + "must be a time zone such as UTC, Europe/Berlin or +02:00, got \"Europe/Berln\"");
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
