package com.byninja.telegram.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextSplitterTest {

    @Test
    void aTextThatFitsStaysWhole() {
        assertThat(TextSplitter.split("short\ntext", 4096)).containsExactly("short\ntext");
        assertThat(TextSplitter.split("", 4096)).containsExactly("");
    }

    @Test
    void aLongTextIsSplitAtTheLastLineBreakThatFits() {
        String line = "x".repeat(9);
        String text = String.join("\n", line, line, line, line);

        List<String> parts = TextSplitter.split(text, 20);

        assertThat(parts).containsExactly(line + "\n" + line, line + "\n" + line);
    }

    @Test
    void aTelegramSizedSplitKeepsEveryLineAndRespectsTheLimit() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            text.append("line ").append(i).append(" &amp; more\n");
        }

        List<String> parts = TextSplitter.split(text.toString(), TextSplitter.TELEGRAM_LIMIT);

        assertThat(parts).hasSizeGreaterThan(1)
                .allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(TextSplitter.TELEGRAM_LIMIT));
        assertThat(String.join("\n", parts).stripTrailing()).isEqualTo(text.toString().stripTrailing());
    }

    @Test
    void aLineLongerThanTheLimitIsCutOutsideEntitiesAndTags() {
        String text = "a".repeat(15) + "&amp;" + "b".repeat(10);

        List<String> parts = TextSplitter.split(text, 17);

        assertThat(parts.get(0)).isEqualTo("a".repeat(15));
        assertThat(parts.get(1)).startsWith("&amp;");
        assertThat(String.join("", parts)).isEqualTo(text);

        List<String> tagged = TextSplitter.split("c".repeat(14) + "<b>x</b>", 16);
        assertThat(tagged.get(0)).isEqualTo("c".repeat(14));
    }

    @Test
    void aSurrogatePairIsNeverCut() {
        String text = "a".repeat(15) + "🚀" + "b";

        List<String> parts = TextSplitter.split(text, 16);

        assertThat(parts).containsExactly("a".repeat(15), "🚀b");
    }

    @Test
    void aMonospaceBlockCutInTwoIsClosedBeforeTheCutAndOpenedAgainAfterIt() {
        String text = "title\n<pre>" + "row 1\nrow 2\nrow 3\nrow 4" + "</pre>\nend";

        List<String> parts = TextSplitter.split(text, 24);

        assertThat(parts).containsExactly("title\n<pre>row 1</pre>", "<pre>row 2\nrow 3</pre>",
                "<pre>row 4</pre>\nend");
        assertThat(parts).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(24));
    }
}
