package com.byninja.telegram.console;

import com.byninja.telegram.telegram.Html;
import com.byninja.telegram.telegram.MessageApi;
import java.io.PrintStream;

/** The console's stand-in for Telegram: prints each message as plain text on its own lines. */
public final class ConsolePrinter implements MessageApi {
    private final PrintStream out;

    public ConsolePrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public SendResult send(long chatId, String text, boolean html) {
        String plain = html ? Html.toPlain(text) : text;
        synchronized (out) {
            out.println(plain);
            out.flush();
        }
        return out.checkError() ? new SendResult.Transient("standard output is closed") : new SendResult.Sent();
    }
}
