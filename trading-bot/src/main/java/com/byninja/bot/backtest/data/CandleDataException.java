package com.byninja.bot.backtest.data;

import java.nio.file.Path;

/**
 * Candle data a backtest cannot run on. The message is the whole text for the user, one problem a line, each in the
 * form {@code FILE:LINE: what is wrong; what to do} (or {@code FILE: ...} when no line is to blame); the command line
 * prints it as it is and exits with code 2.
 */
public final class CandleDataException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message the user-facing line(s) */
    public CandleDataException(String message) {
        super(message);
    }

    /** @return {@code FILE:LINE: what; todo} */
    static CandleDataException at(Path file, long line, String what, String todo) {
        return new CandleDataException(file + ":" + line + ": " + what + "; " + todo);
    }

    /** @return {@code WHERE: what; todo}, for a problem of a whole file, a directory or an argument */
    static CandleDataException in(Object where, String what, String todo) {
        return new CandleDataException(where + ": " + what + "; " + todo);
    }
}
