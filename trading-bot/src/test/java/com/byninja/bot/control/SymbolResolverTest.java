package com.byninja.bot.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.byninja.bot.domain.Flag;
import com.byninja.bot.domain.Flags;
import com.byninja.bot.domain.Symbol;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SymbolResolverTest {

    static final Symbol BTC = new Symbol("BTC", "USDT");
    static final Symbol ETH = new Symbol("ETH", "USDT");
    final SymbolResolver resolver = new SymbolResolver(List.of(BTC, ETH));

    @ParameterizedTest
    @ValueSource(strings = {"BTC/USDT", "btc/usdt", "BTC-USDT", "btcusdt", " BtcUsdt ", "btc_usdt"})
    void everyUsualSpellingFindsTheSymbol(String typed) {
        assertThat(resolver.resolve(typed)).contains(BTC);
    }

    @Test
    void symbolsThatAreNotConfiguredAreNotFound() {
        assertThat(resolver.resolve("XRP/USDT")).isEmpty();
        assertThat(resolver.resolve("BTC")).isEmpty();
        assertThat(resolver.resolve(null)).isEmpty();
        assertThat(resolver.listed()).isEqualTo("BTC/USDT, ETH/USDT");
    }

    @Test
    void symbolsParseFromEverySpellingAndSayHowToWriteTheRest() {
        assertThat(Symbol.parse("eth-usdt")).isEqualTo(ETH);
        assertThat(Symbol.parse("ETHUSDT")).isEqualTo(ETH);
        assertThat(Symbol.parse("ETH/USDT").compact()).isEqualTo("ETHUSDT");
        assertThat(Symbol.parse("bnbfdusd")).isEqualTo(new Symbol("BNB", "FDUSD"));
        assertThat(Symbol.parse("ETHBTC")).isEqualTo(new Symbol("ETH", "BTC"));
        assertThat(Symbol.parse("BTCTRY")).isEqualTo(new Symbol("BTC", "TRY"));
        assertThat(Symbol.parse("ABCXYZ", List.of("XYZ"))).isEqualTo(new Symbol("ABC", "XYZ"));
        assertThatThrownBy(() -> Symbol.parse("ABCXYZ")).hasMessage("cannot tell the base from the quote currency "
                + "in \"ABCXYZ\"; write it as BASE/QUOTE, such as BTC/USDT");
        assertThatThrownBy(() -> Symbol.parse("E$/USDT")).hasMessage("\"E$/USDT\" is not a market: write BASE/QUOTE "
                + "with 2 to 12 letters or digits each, such as BTC/USDT");
    }

    @Test
    void aConfiguredSymbolWithAnUnusualQuoteIsFoundInItsCompactSpelling() {
        Symbol abc = new Symbol("ABC", "XYZ");

        assertThat(new SymbolResolver(List.of(abc)).resolve("abcxyz")).contains(abc);
        assertThat(new SymbolResolver(List.of(abc)).resolve("btc-usdt")).isEmpty();
    }

    @Test
    void aSymbolTradesOnlyWhereItsOwnAndTheGlobalSwitchAllowIt() {
        ControlState control = new ControlState(new Flags(false, true, true), Map.of(ETH, new Flags(true, false,
                true)), List.of(BTC, ETH));

        assertThat(control.allows(BTC, Flag.TRADING)).isFalse();
        control.setGlobal(Flag.TRADING, true);
        assertThat(control.allows(BTC, Flag.TRADING)).isTrue();
        assertThat(control.allows(ETH, Flag.BUY)).isFalse();
        assertThat(control.allows(BTC, Flag.BUY)).isTrue();
        control.set(BTC, Flag.SELL, false);
        assertThat(control.allows(BTC, Flag.SELL)).isFalse();
        assertThat(control.global().sell()).isTrue();
    }
}
