package com.byninja.runtime;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Remembers which signal asked the JVM to stop, so that a daemon can say who stopped it: SIGTERM ({@code kill},
 * {@code systemctl stop}), SIGINT (Ctrl-C) or SIGHUP (the terminal closed). The JVM's own handler still runs after,
 * so shutdown is unchanged. This uses {@code sun.misc.Signal} (module {@code jdk.unsupported}, the JDK's way to
 * observe a signal), reflectively so that the build stays free of its internal-API warnings; where it is not
 * available, nothing is remembered and the stop is told without the signal's name.
 */
final class StopSignals {

    private static final AtomicBoolean WATCHING = new AtomicBoolean();
    private static volatile String received;

    private StopSignals() {
    }

    /** Starts watching SIGTERM, SIGINT and SIGHUP, where the JVM handles them; once per JVM. */
    static void watch() {
        if (!WATCHING.compareAndSet(false, true)) {
            return;
        }
        try {
            Class<?> signalType = Class.forName("sun.misc.Signal");
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            Method handle = signalType.getMethod("handle", signalType, handlerType);
            Method nameOf = signalType.getMethod("getName");
            Method passOn = handlerType.getMethod("handle", signalType);
            Object systemDefault = handlerType.getField("SIG_DFL").get(null);
            Object ignored = handlerType.getField("SIG_IGN").get(null);
            for (String name : new String[] {"TERM", "INT", "HUP"}) {
                Object signal = signalType.getConstructor(String.class).newInstance(name);
                Object[] previous = new Object[1];
                Object remember = Proxy.newProxyInstance(StopSignals.class.getClassLoader(),
                        new Class<?>[] {handlerType}, (proxy, method, args) -> switch (method.getName()) {
                            case "handle" -> {
                                received = "SIG" + nameOf.invoke(args[0]);
                                passOn.invoke(previous[0], args[0]);
                                yield null;
                            }
                            case "equals" -> proxy == args[0];
                            case "hashCode" -> System.identityHashCode(proxy);
                            default -> "the daemon's stop-signal watcher";
                        });
                try {
                    previous[0] = handle.invoke(null, signal, remember);
                } catch (java.lang.reflect.InvocationTargetException e) {
                    continue;
                }
                if (previous[0] == systemDefault || previous[0] == ignored) {
                    // Not the JVM's handler (the signal was ignored when the JVM started, or -Xrs): leave it as it was.
                    handle.invoke(null, signal, previous[0]);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // No sun.misc.Signal here: the stop is told without the signal's name.
        }
    }

    /** @return the signal that asked the JVM to stop, such as {@code SIGTERM}, if one did */
    static Optional<String> received() {
        return Optional.ofNullable(received);
    }
}
