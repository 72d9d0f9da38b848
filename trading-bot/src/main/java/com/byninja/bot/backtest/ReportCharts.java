package com.byninja.bot.backtest;

import com.byninja.charts.Charts;
import com.byninja.charts.PricePath;
import com.byninja.charts.TradeMark;
import com.byninja.bot.domain.Candle;
import com.byninja.bot.domain.ClosedTrade;
import com.byninja.bot.domain.Symbol;
import java.io.IOException;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A backtest's pictures: {@code equity.png}, and {@code price-BTCUSDT.png} per symbol with its entries and exits. */
final class ReportCharts {

    private ReportCharts() {
    }

    static void write(Path dir, BacktestResult r) throws IOException {
        String strategies = String.join(" and ", r.config().symbols().stream()
                .map(s -> r.config().strategyFor(s).name()).distinct().toList());
        Charts.equity(dir.resolve("equity.png"), "Equity of " + strategies,
                r.config().quoteCurrency(), r.equity().points());
        for (Symbol s : r.config().symbols()) {
            List<TradeMark> marks = new ArrayList<>();
            for (ClosedTrade t : r.trades()) {
                if (t.symbol().equals(s)) {
                    marks.add(new TradeMark(t.openedAt(), t.entryCost().divide(t.quantity(), MathContext.DECIMAL64),
                            true, "entry"));
                    marks.add(new TradeMark(t.closedAt(), t.exitPrice(), false, t.exitPurpose().label()));
                }
            }
            Charts.price(dir.resolve("price-" + s.base() + s.quote() + ".png"), s + " with entries and exits",
                    r.pricePaths().getOrDefault(s, new PricePath(0, s.quote())), marks);
        }
    }
}
