package com.byninja.system;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One daemon as a real OS process: {@code java -jar} in its own working directory, with its own environment, its
 * standard output and error in files of that directory. Always killed on {@link #close()}.
 */
public final class Daemon implements AutoCloseable {
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
    private static final boolean RUNNING_AS_ROOT = "root".equals(System.getProperty("user.name"));

    /** The user {@link #startUnprivileged} runs a daemon as. */
    public static final String UNPRIVILEGED_USER = RUNNING_AS_ROOT ? "nobody" : System.getProperty("user.name");

    private final String name;
    private final Path workDir;
    private final Path stdout;
    private final Path stderr;
    private final Process process;

    private Daemon(String name, Path workDir, Process process) {
        this.name = name;
        this.workDir = workDir;
        this.stdout = workDir.resolve(name + ".stdout");
        this.stderr = workDir.resolve(name + ".stderr");
        this.process = process;
    }

    /** The JVM flags docs/operations.md and the systemd units recommend. */
    public static final List<String> JVM_FLAGS = List.of("-Xms32m", "-Xmx128m", "-XX:+UseSerialGC",
            "-XX:MaxMetaspaceSize=128m", "-Xss512k", "-XX:ReservedCodeCacheSize=48m", "-XX:+ExitOnOutOfMemoryError");

    /** Starts {@code jar} with the JVM flags the docs recommend, in {@code workDir}, with {@code env} added. */
    public static Daemon start(String name, Path jar, Path workDir, Map<String, String> env, String... args)
            throws IOException {
        return start(List.of(), name, jar, workDir, env, args);
    }

    /**
     * As {@link #start}, as a user to whom file permissions apply: {@link #UNPRIVILEGED_USER} when the tests run as
     * root (who may write anywhere), else the tests' own user. Its directories must be open to that user.
     */
    public static Daemon startUnprivileged(String name, Path jar, Path workDir, Map<String, String> env,
                                           String... args) throws IOException {
        return start(RUNNING_AS_ROOT ? List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups")
                                     : List.of(), name, jar, workDir, env, args);
    }

    private static Daemon start(List<String> asUser, String name, Path jar, Path workDir, Map<String, String> env,
                                String... args) throws IOException {
        Files.createDirectories(workDir);
        List<String> command = new ArrayList<>(asUser);
        command.add(JAVA);
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("BYNINJA_"));
        pb.environment().putAll(env);
        Path out = workDir.resolve(name + ".stdout");
        Path err = workDir.resolve(name + ".stderr");
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()));
        pb.redirectError(ProcessBuilder.Redirect.appendTo(err.toFile()));
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        return new Daemon(name, workDir, pb.start());
    }

    public Process process() {
        return process;
    }

    public Path workDir() {
        return workDir;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** @return what the process printed so far, standard output then standard error. */
    public String output() {
        return read(stdout) + read(stderr);
    }

    /** @return the content of a file under the working directory, or "" when it does not exist yet. */
    public String read(String relative) {
        return read(workDir.resolve(relative));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits until the daemon's output or log file shows a line matching {@code regex}. */
    public void awaitOutput(String regex, Duration timeout) {
        Pattern p = Pattern.compile(regex, Pattern.MULTILINE);
        await().atMost(timeout).pollInterval(Duration.ofMillis(50))
                .failFast(name + " exited with " + exitCodeOrNone() + ":\n" + tail(), () -> !process.isAlive())
                .until(() -> p.matcher(output()).find());
    }

    /**
     * @param log lines as a daemon logs them: time, level, name, thread and logger, then {@code " - "} and the message;
     *            lines that continue a message (indented) are left out
     * @return the messages, in order
     */
    public static List<String> messages(String log) {
        return log.lines().filter(line -> !line.startsWith(" ") && !line.startsWith("\t"))
                .map(line -> line.contains(" - ") ? line.substring(line.indexOf(" - ") + 3) : line)
                .toList();
    }

    private String exitCodeOrNone() {
        return process.isAlive() ? "nothing" : String.valueOf(process.exitValue());
    }

    /** @return the last lines of output, for failure messages. */
    public String tail() {
        String all = output();
        return all.length() <= 4000 ? all : all.substring(all.length() - 4000);
    }

    /** SIGKILL: no shutdown hook runs. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /**
     * SIGTERM, then waits.
     *
     * @return the exit code, or -1 when it had not exited within {@code timeout}
     */
    public int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return -1;
        }
        return process.exitValue();
    }

    /** Kills the process if it still runs and waits for it; an interrupt is kept for the caller. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
