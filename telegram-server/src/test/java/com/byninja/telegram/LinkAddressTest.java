package com.byninja.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.byninja.protocol.LinkSecret;
import com.byninja.protocol.LinkServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** What the owner is told about where bots connect, and why the link server could not listen. */
class LinkAddressTest {

    @Test
    void anAddressOfItsOwnIsWhereTheBotsConnect() {
        assertThat(LinkAddress.whereBotsConnect("127.0.0.1", 7075)).isEqualTo("127.0.0.1:7075");
    }

    @Test
    void listeningOnEveryAddressNamesThisMachinesAddressesInsteadOfTheWildcard() {
        String where = LinkAddress.whereBotsConnect("0.0.0.0", 7075);

        assertThat(where).startsWith("port 7075 at any address of this machine (")
                .endsWith("): set BYNINJA_LINK_HOST on each bot to one of them")
                .doesNotContain("0.0.0.0");
    }

    @Test
    void aTakenPortSaysAnotherTelegramServerMayHoldItAndWhatToChange() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> LinkServer.builder(LinkSecret.of("test-secret-0123456789abcdef"))
                    .bindAddress("127.0.0.1").port(port).start())
                    .isInstanceOf(IOException.class)
                    .satisfies(e -> assertThat(LinkAddress.describeFailure((IOException) e, "127.0.0.1", port))
                            .isEqualTo("port " + port + " on 127.0.0.1 is already in use: another telegram-server may "
                                    + "be running (ss -ltnp 'sport = :" + port + "' shows which process holds it). "
                                    + "Stop it, or give this one another port with link.port or BYNINJA_LINK_PORT, "
                                    + "and the trading bots the same."));
        }
    }
}
