package com.byninja.bot.domain;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A fee charged for a fill, in the currency the exchange took it in: the quote currency, the coin bought, or a third
 * currency such as BNB. Fees in different currencies are never added together.
 *
 * @param amount   how much, positive
 * @param currency in what, such as {@code USDT}
 */
public record Fee(BigDecimal amount, String currency) {

    public Fee {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        amount = amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros();
    }

    /** @return the total of {@code fees} in {@code currency}, zero when none was charged in it. */
    public static BigDecimal total(Collection<Fee> fees, String currency) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Fee f : fees) {
            if (f.currency().equals(currency)) {
                sum = sum.add(f.amount());
            }
        }
        return sum;
    }

    /** @return {@code fees} with one entry per currency, in the order the currencies first appear; zeros left out. */
    public static List<Fee> merge(Collection<Fee> fees) {
        Map<String, BigDecimal> byCurrency = new LinkedHashMap<>();
        for (Fee f : fees) {
            byCurrency.merge(f.currency(), f.amount(), BigDecimal::add);
        }
        return byCurrency.entrySet().stream().filter(e -> e.getValue().signum() != 0)
                .map(e -> new Fee(e.getValue(), e.getKey())).toList();
    }

    /** @return {@code fees} less {@code taken}, currency by currency, one entry each; zeros left out. */
    public static List<Fee> minus(Collection<Fee> fees, Collection<Fee> taken) {
        List<Fee> all = new java.util.ArrayList<>(fees);
        taken.forEach(f -> all.add(new Fee(f.amount().negate(), f.currency())));
        return merge(all);
    }

    /** @return {@code "0.1 USDT"}: the exact amount and its currency. */
    @Override
    public String toString() {
        return amount.stripTrailingZeros().toPlainString() + " " + currency;
    }

    /**
     * @return fees written as {@code "0.1 USDT;0.00031 BNB"}, the form they are stored in; empty for none
     */
    public static String format(Collection<Fee> fees) {
        StringBuilder b = new StringBuilder();
        for (Fee f : fees) {
            b.append(b.length() == 0 ? "" : ";").append(f);
        }
        return b.toString();
    }

    /**
     * @param text fees as {@link #format} writes them
     * @return the fees
     * @throws IllegalArgumentException when {@code text} is not in that form
     */
    public static List<Fee> parse(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split(";")).map(part -> {
            String[] words = part.trim().split(" ");
            if (words.length != 2) {
                throw new IllegalArgumentException("not a fee: '" + part + "'");
            }
            return new Fee(new BigDecimal(words[0]), words[1]);
        }).toList();
    }
}
