package com.byninja.bot.engine;

import com.byninja.bot.domain.OwnerStop;
import java.math.BigDecimal;

/** What became of a person's {@code /breakeven}: the stop moved up, or why it stayed where it was. */
public sealed interface StopMove {

    /**
     * The stop-loss was raised to the position's break-even price, saved before it counted.
     *
     * @param stop   the owner's stop now
     * @param before the stop-loss that applied before, or null when there was none
     */
    record Moved(OwnerStop stop, BigDecimal before) implements StopMove {
    }

    /**
     * Nothing changed.
     *
     * @param code    why, for a program: {@code no_position}, {@code protective_exits_off}, {@code no_price},
     *                {@code not_above_break_even}, {@code already_above}
     * @param message why, for a person
     */
    record Refused(String code, String message) implements StopMove {
    }
}
