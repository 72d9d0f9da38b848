package com.byninja.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

    @Test
    void readsTheCommandLine() {
        assertThat(Main.Arguments.parse(new String[] {"--config", "x.yml", "--console"}))
                .isEqualTo(new Main.Arguments(Optional.of(Path.of("x.yml")), true, false));
        assertThat(Main.Arguments.parse(new String[] {"--help"}).help()).isTrue();
        assertThatThrownBy(() -> Main.Arguments.parse(new String[] {"--config"})).hasMessageContaining("--config");
        assertThatThrownBy(() -> Main.Arguments.parse(new String[] {"--verbose"})).hasMessageContaining("--verbose");
        assertThat(Main.USAGE).contains("--config FILE", "--console", "BYNINJA_TELEGRAM_TOKEN");
    }

    @Test
    void withoutTokenOrChatsItExplainsHowToGetThem() {
        Optional<Main.Launch> launch = Main.prepare(Main.Arguments.parse(new String[0]), Map.of(), errStream);

        assertThat(launch).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("@BotFather", "message.chat.id");
    }

    @Test
    void aBadConfigurationPrintsOneLinePerProblemAndNothingElse(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("server.yml"), "link:\n  prot: 7070\nlogs:\n  level: LOUD\n");

        Optional<Main.Launch> launch = Main.prepare(Main.Arguments.parse(new String[] {"--config", file.toString(),
            "--console"}), Map.of("BYNINJA_LINK_PORT", "70000"), errStream);

        assertThat(launch).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                file + ":2: link.prot: unknown key; did you mean link.port?",
                file + ":4: logs.level: must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF, got \"LOUD\"",
                "BYNINJA_LINK_PORT: link.port: must be a whole number between 0 and 65535, got 70000");
    }

    @Test
    void consoleModeNeedsOnlyALinkSecret() {
        Optional<Main.Launch> launch = Main.prepare(Main.Arguments.parse(new String[] {"--console"}),
                Map.of("BYNINJA_LINK_SECRET", "a-long-enough-link-secret"), errStream);

        assertThat(launch).hasValueSatisfying(l -> {
            assertThat(l.console()).isTrue();
            assertThat(l.secret().toString()).doesNotContain("a-long-enough-link-secret");
        });
    }

    @Test
    void aTooShortSecretIsRefusedWithAHint() {
        Optional<Main.Launch> launch = Main.prepare(Main.Arguments.parse(new String[] {"--console"}),
                Map.of("BYNINJA_LINK_SECRET", "short"), errStream);

        assertThat(launch).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("BYNINJA_LINK_SECRET");
    }
}
