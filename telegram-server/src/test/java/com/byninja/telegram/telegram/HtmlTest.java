package com.byninja.telegram.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesTheCharactersTelegramParses() {
        assertThat(Html.escape("a < b && c > \"d\"")).isEqualTo("a &lt; b &amp;&amp; c &gt; &quot;d&quot;");
        assertThat(Html.escape("plain")).isEqualTo("plain");
        assertThat(Html.bold("<x>")).isEqualTo("<b>&lt;x&gt;</b>");
        assertThat(Html.code("1 & 2")).isEqualTo("<code>1 &amp; 2</code>");
    }

    @Test
    void thePlainFormDropsTagsAndDecodesEntities() {
        String html = Html.bold("alpha") + ": " + Html.escape("PnL <5%> & \"ok\"") + " &unknown;";

        assertThat(Html.toPlain(html)).isEqualTo("alpha: PnL <5%> & \"ok\" &unknown;");
    }
}
