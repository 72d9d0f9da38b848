package com.byninja.telegram.watchdog;

import com.byninja.telegram.telegram.Html;

/** What the watchdog escalates, each with the words its messages use. */
enum Trouble {
    /** The bot dropped and has not come back. */
    DOWN("being down", "when it is back"),
    /** The bot's status shows prices too old, or none. */
    STALE_PRICES("stale prices", "when they are fresh again"),
    /** The bot's alerts say calls to the exchange fail, and no alert says it is over. */
    EXCHANGE_ERRORS("exchange errors", "when they are over");

    private final String subject;
    private final String over;

    Trouble(String subject, String over) {
        this.subject = subject;
        this.over = over;
    }

    /** @return such as {@code <b>alpha</b>'s exchange errors} or {@code <b>alpha</b> being down} */
    String of(String bot) {
        return Html.bold(bot) + (this == DOWN ? " " : "'s ") + subject;
    }

    /** @return such as {@code exchange errors} */
    String subject() {
        return subject;
    }

    /** @return when it is over, as in "a message follows when it is back" */
    String over() {
        return over;
    }
}
