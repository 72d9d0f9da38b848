package com.byninja.bot.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.byninja.bot.exchange.Symbol;
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
    void symbolsParseFromEitherSeparatorAndRejectTheRest() {
        assertThat(Symbol.parse("eth-usdt")).isEqualTo(ETH);
        assertThat(Symbol.parse("ETH/USDT").compact()).isEqualTo("ETHUSDT");
        assertThatThrownBy(() -> Symbol.parse("ETHUSDT")).hasMessageContaining("expected BASE/QUOTE");
        assertThatThrownBy(() -> Symbol.parse("E$/USDT")).hasMessageContaining("not a BASE/QUOTE symbol");
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
