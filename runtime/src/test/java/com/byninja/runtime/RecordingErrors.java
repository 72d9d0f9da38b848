package com.byninja.runtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An {@link ErrorHandler} that keeps what it was told, one line per failure: phase, role, message. */
final class RecordingErrors implements ErrorHandler {
    private final List<String> told = new CopyOnWriteArrayList<>();

    @Override
    public void onWorkError(String role, Throwable error) {
        told.add("work " + role + " " + error.getMessage());
    }

    @Override
    public void onStartError(String role, Throwable error) {
        told.add("start " + role + " " + error.getMessage());
    }

    @Override
    public void onCloseError(String role, Throwable error) {
        told.add("close " + role + " " + error.getMessage());
    }

    List<String> told() {
        return List.copyOf(told);
    }
}
