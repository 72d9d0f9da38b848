package com.byninja.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class CloserTest {

    private final List<String> events = new CopyOnWriteArrayList<>();

    private AutoCloseable part(String name) {
        return new AutoCloseable() {
            @Override
            public void close() {
                events.add("closed " + name);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    @Test
    void closesTheLastPartStartedFirstAndEachPartOnce() {
        Closer parts = new Closer((part, e) -> events.add("failed " + part));
        parts.add(part("senders"));
        parts.add(part("relay"));
        parts.add(part("link"));

        parts.close();
        parts.close();

        assertThat(events).containsExactly("closed link", "closed relay", "closed senders");
    }

    @Test
    void aPartThatFailsToCloseIsReportedAndTheOthersStillClose() {
        Closer parts = new Closer((part, e) -> events.add("failed " + part + ": " + e.getMessage()));
        parts.add(part("senders"));
        parts.add(new AutoCloseable() {
            @Override
            public void close() {
                throw new IllegalStateException("port stuck");
            }

            @Override
            public String toString() {
                return "link";
            }
        });

        parts.close();

        assertThat(events).containsExactly("failed link: port stuck", "closed senders");
    }
}
