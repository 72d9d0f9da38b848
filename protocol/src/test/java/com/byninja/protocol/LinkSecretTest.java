package com.byninja.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secret says where it came from, so that the daemons can tell a person which secret they use. */
class LinkSecretTest {
    @TempDir
    Path dir;

    @Test
    void aSecretFileCreatedNowSaysSoWithItsAbsolutePathAndTheNextReadDoesNot() throws Exception {
        Path file = dir.resolve("data").resolve("..").resolve("data").resolve("link.secret");

        LinkSecret created = LinkSecret.resolve(null, file);
        LinkSecret read = LinkSecret.resolve("  ", file);

        Path expected = dir.resolve("data").resolve("link.secret").toAbsolutePath();
        assertThat(created.created()).isTrue();
        assertThat(created.file()).isEqualTo(expected);
        assertThat(created.origin()).isEqualTo(expected.toString());
        assertThat(read.created()).isFalse();
        assertThat(read.file()).isEqualTo(expected);
        assertThat(read.key()).isEqualTo(created.key());
    }

    @Test
    void aSecretFromTheEnvironmentNamesTheVariableAndTouchesNoFile() throws Exception {
        Path file = dir.resolve("link.secret");

        LinkSecret secret = LinkSecret.resolve("an-environment-secret", file);

        assertThat(secret.origin()).isEqualTo("BYNINJA_LINK_SECRET");
        assertThat(secret.file()).isNull();
        assertThat(secret.created()).isFalse();
        assertThat(file).doesNotExist();
    }

    @Test
    void aDirectoryThatCannotBeCreatedIsNamedWithTheReasonAndWhatToDo() throws Exception {
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file, not a directory");
        Path file = blocker.resolve("data").resolve("link.secret");

        assertThatThrownBy(() -> LinkSecret.resolve(null, file))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot create the link secret file " + file.toAbsolutePath() + ": "
                        + blocker.resolve("data").toAbsolutePath() + ": Not a directory. Make "
                        + blocker.resolve("data").toAbsolutePath() + " writable (it is the data directory by "
                        + "default), or set BYNINJA_LINK_SECRET");
    }
}
