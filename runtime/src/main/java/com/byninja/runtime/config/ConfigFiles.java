package com.byninja.runtime.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a daemon's configuration text comes from: its built-in defaults, a resource in its jar, and the file named by
 * {@code --config}, else the working directory's {@code config/DAEMON.yml} when there is one. A file that cannot be
 * used is one line saying what failed, why and what to do.
 */
public final class ConfigFiles {

    private ConfigFiles() {
    }

    /**
     * @param given              the file named by {@code --config}, if one was
     * @param inWorkingDirectory the file read without {@code --config}, such as {@code config/trading-bot.yml}
     * @return the file to read, or empty for the built-in defaults alone
     */
    public static Optional<Path> choose(Optional<Path> given, Path inWorkingDirectory) {
        return given.or(() -> Files.isRegularFile(inWorkingDirectory) ? Optional.of(inWorkingDirectory)
                                                                      : Optional.empty());
    }

    /**
     * @param owner    a class of the jar that carries the resource
     * @param resource the resource's absolute name, such as {@code /telegram-server.yml}
     * @return its text
     * @throws ConfigException when the jar lacks it or it cannot be read: the jar is broken
     */
    public static String resource(Class<?> owner, String resource) throws ConfigException {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ConfigException(List.of("The built-in defaults " + resource + " are missing from "
                        + "the classpath: the jar is broken."));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("Cannot read the built-in defaults: " + e.getMessage(), e);
        }
    }

    /**
     * @param file            the file
     * @param fromCommandLine whether {@code --config} named it, which messages then say
     * @param example         a file to suggest, such as {@code config/trading-bot.yml}
     * @return its text
     * @throws ConfigFileException when the file cannot be used at all: one line saying what failed, why and what to do
     */
    public static String read(Path file, boolean fromCommandLine, String example) throws ConfigFileException {
        String named = fromCommandLine ? "--config " + file : file.toString();
        if (Files.isDirectory(file)) {
            throw new ConfigFileException(named + ": is a directory; give a YAML file such as " + example);
        }
        if (!Files.exists(file)) {
            throw new ConfigFileException(named + ": no such file"
                    + (file.isAbsolute() ? "" : " in " + Path.of("").toAbsolutePath())
                    + "; give the path of a YAML file such as " + example);
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (AccessDeniedException e) {
            throw new ConfigFileException(named + ": permission denied; let the user running the daemon ("
                    + System.getProperty("user.name") + ") read it");
        } catch (CharacterCodingException e) {
            throw new ConfigFileException(named + ": is not UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            throw new ConfigFileException(named + ": cannot be read (" + e.getMessage() + "); check the file");
        }
    }
}
