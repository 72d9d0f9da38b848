package com.byninja.bot.domain;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.stream.Collectors;

/** How amounts read: exact in {@code data}, rounded for people in text. */
public final class Money {

    private Money() {
    }

    /**
     * @return an amount of quote currency for people that is neither had nor spent (a limit, an amount asked for):
     *         two decimals, such as {@code 99.99}; what the trader has or made reads {@link #down}, what was spent
     *         {@link #up}
     */
    public static String quote(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    /**
     * @return an amount the trader has or made, for people, rounded against the trader: two decimals rounded down,
     *         so that {@code 99.999} reads {@code 99.99} and a loss of {@code 0.001} reads {@code -0.01}
     */
    public static String down(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.FLOOR).toPlainString();
    }

    /** @return an amount the trader spent or uses, for people: two decimals rounded up, so never less than it is */
    public static String up(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.CEILING).toPlainString();
    }

    /**
     * @return a profit or loss for people as {@link #down}, signed: {@code +1.52}, {@code -0.41}; {@code 0.00} for
     *         nothing at all, {@code +0.00} for less than a cent of profit
     */
    public static String signedDown(BigDecimal amount) {
        String s = down(amount);
        return amount.signum() > 0 ? "+" + s : s;
    }

    /**
     * @return {@code part} in percent of {@code whole}, two decimals rounded down (against the trader): 1 of 3 is
     *         {@code 33.33}, -1 of 3 is {@code -33.34}; {@code 0.00} of a {@code whole} that is not positive (a
     *         position that cost nothing, an account that held nothing)
     */
    public static BigDecimal pct(BigDecimal part, BigDecimal whole) {
        return whole.signum() > 0 ? part.movePointRight(2).divide(whole, 2, RoundingMode.FLOOR)
                : BigDecimal.ZERO.setScale(2);
    }

    /**
     * @param whole a positive amount
     * @return {@code part} in percent of {@code whole}, two decimals rounded up: for a fall or a drawdown, so that it
     *         never reads smaller than it is
     */
    public static BigDecimal pctUp(BigDecimal part, BigDecimal whole) {
        return part.movePointRight(2).divide(whole, 2, RoundingMode.CEILING);
    }

    /** @return a percentage of two decimals for people, signed as {@link #signedDown}: {@code +0.78} */
    public static String signedPct(BigDecimal pct) {
        return pct.signum() > 0 ? "+" + pct.toPlainString() : pct.toPlainString();
    }

    /** @return an exact amount without trailing zeros, such as {@code 0.00166583}; for data and quantities. */
    public static String exact(BigDecimal amount) {
        if (amount.signum() == 0) {
            return "0";
        }
        return amount.stripTrailingZeros().toPlainString();
    }

    /**
     * @return a price for people: at most 8 decimals and 10 significant digits, without trailing zeros, such as
     *         {@code 60240.96386}; prices derived by division carry many more digits in {@code data}
     */
    public static String price(BigDecimal price) {
        BigDecimal p = price.round(new MathContext(10, RoundingMode.HALF_EVEN));
        if (p.scale() > 8) {
            p = p.setScale(8, RoundingMode.HALF_EVEN);
        }
        return exact(p);
    }

    /**
     * @param tick the market's price tick, zero when unknown
     * @return a price for people to the market's tick, such as {@code 3001.80} for a tick of 0.01, rounded half even
     *         to the tick's decimals; as {@link #price(BigDecimal)} when the tick is unknown
     */
    public static String price(BigDecimal price, BigDecimal tick) {
        if (tick == null || tick.signum() <= 0) {
            return price(price);
        }
        return price.setScale(Math.max(0, tick.stripTrailingZeros().scale()), RoundingMode.HALF_EVEN).toPlainString();
    }

    /** @return {@code count} and the noun, singular for one: {@code 1 trade}, {@code 0 trades}, {@code 3 trades} */
    public static String count(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }

    /**
     * @param quote the quote currency, whose amounts read with two decimals
     * @return fees for people, per currency, such as {@code 0.10 USDT} or {@code 0.00000166 BTC + 0.0003 BNB};
     *         {@code not known yet} when the exchange has not told them
     */
    public static String fees(List<Fee> fees, boolean known, String quote) {
        if (!known) {
            return "not known yet";
        }
        if (fees.isEmpty()) {
            return "0";
        }
        return fees.stream().map(f -> (f.currency().equals(quote) ? up(f.amount()) : exact(f.amount())) + " "
                + f.currency()).collect(Collectors.joining(" + "));
    }

    /** @return a new JSON object for {@code data}. */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }
}
