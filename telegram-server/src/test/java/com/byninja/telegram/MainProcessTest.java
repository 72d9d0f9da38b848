package com.byninja.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.byninja.telegram.testing.FakeBotApi;
import com.byninja.telegram.testing.TestConfigs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Main} as a real process: exit codes, SIGTERM, and console mode keeping logs off standard output. */
class MainProcessTest {
    @TempDir
    Path workDir;

    private Process process;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @AfterEach
    void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private Process launch(Map<String, String> env, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("BYNINJA_"));
        builder.environment().put("BYNINJA_LOG_DIR", workDir.resolve("logs").toString());
        builder.environment().putAll(env);
        process = builder.start();
        pump(process.getInputStream(), stdout);
        pump(process.getErrorStream(), stderr);
        return process;
    }

    private static void pump(InputStream from, ByteArrayOutputStream to) {
        Thread thread = new Thread(() -> {
            try {
                from.transferTo(to);
            } catch (IOException e) {
                // The process ended.
            }
        }, "process-output");
        thread.setDaemon(true);
        thread.start();
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutATokenItExitsWith2AndSaysHowToGetOne() throws Exception {
        Process p = launch(Map.of());

        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> text(stderr).contains("@BotFather"));
        assertThat(text(stderr)).contains("message.chat.id");
    }

    @Test
    void aDirectoryGivenAsTheConfigurationExitsWith2SayingWhichFileToGive() throws Exception {
        Files.createDirectory(workDir.resolve("config"));

        Process p = launch(Map.of(), "--config", "config", "--console");

        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> text(stderr).contains("config"));
        assertThat(text(stderr).lines()).containsExactly(
                "--config config: is a directory; give a YAML file such as config/telegram-server.yml");
    }

    @Test
    void pollsTelegramAndStopsCleanlyWithExit0OnSigterm() throws Exception {
        try (FakeBotApi api = new FakeBotApi(TestConfigs.TOKEN)) {
            Process p = launch(Map.of("BYNINJA_TELEGRAM_TOKEN", TestConfigs.TOKEN,
                    "BYNINJA_TELEGRAM_ALLOWED_CHATS", "42",
                    "BYNINJA_TELEGRAM_API_URL", api.url(),
                    "BYNINJA_LINK_PORT", "0",
                    "BYNINJA_LINK_SECRET", "process-test-secret-0123"));
            await().atMost(Duration.ofSeconds(20)).until(() -> api.calls().contains("getupdates"));
            api.userSends(42, "/help");
            await().atMost(Duration.ofSeconds(10)).until(() -> api.textsTo(42).stream()
                    .anyMatch(text -> text.contains("/forcebuy SYMBOL [AMOUNT]")));

            long before = System.nanoTime();
            p.destroy();

            assertThat(p.waitFor(5, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
            assertThat(System.nanoTime() - before).isLessThan(TimeUnit.SECONDS.toNanos(5));
            String log = Files.readString(workDir.resolve("logs").resolve("telegram-server.log"));
            assertThat(log).contains("telegram-server stopped").doesNotContain(" ERROR ", TestConfigs.TOKEN);
            assertThat(text(stdout)).doesNotContain(TestConfigs.TOKEN);
        }
    }

    @Test
    void consoleModeAnswersOnStdoutKeepsLogsOffItAndExits0OnSigterm() throws Exception {
        Process p = launch(Map.of("BYNINJA_LINK_PORT", "0", "BYNINJA_LINK_SECRET", "process-test-secret-0123"),
                "--console");
        OutputStream stdin = p.getOutputStream();
        stdin.write("/help\n".getBytes(StandardCharsets.UTF_8));
        stdin.flush();

        await().atMost(Duration.ofSeconds(20)).until(() -> text(stdout).contains("/forcesell SYMBOL|all"));
        long before = System.nanoTime();
        p.destroy();

        assertThat(p.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(System.nanoTime() - before).isLessThan(TimeUnit.SECONDS.toNanos(5));
        assertThat(text(stdout)).doesNotContain(" INFO ", " WARN ");
        assertThat(Files.readString(workDir.resolve("logs").resolve("telegram-server.log")))
                .contains("Starting telegram-server in console mode");
    }
}
