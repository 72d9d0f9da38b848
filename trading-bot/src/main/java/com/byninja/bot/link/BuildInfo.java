package com.byninja.bot.link;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * What the build of the running bot says of itself, from its jar's manifest: the version ({@code
 * Implementation-Version}), when it was built ({@code Build-Time}) and from which commit ({@code Git-Commit}), each when
 * the build recorded it. Run from classes rather than a jar (tests, an IDE), the version is {@code dev} and the rest
 * unknown.
 *
 * @param version the version, such as {@code 0.1.0-SNAPSHOT}
 * @param builtAt when the jar was built, if recorded
 * @param commit  the source commit, if recorded
 */
public record BuildInfo(String version, Optional<Instant> builtAt, Optional<String> commit) {

    /** The manifest attribute of the build's time, ISO-8601 in UTC. */
    public static final String BUILD_TIME = "Build-Time";
    /** The manifest attribute of the source commit. */
    public static final String GIT_COMMIT = "Git-Commit";

    /** @return what is known of the build that holds {@code type} */
    public static BuildInfo of(Class<?> type) {
        try {
            Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(location)) {
                try (JarFile jar = new JarFile(location.toFile())) {
                    Manifest manifest = jar.getManifest();
                    if (manifest != null) {
                        return of(manifest.getMainAttributes());
                    }
                }
            }
        } catch (IOException | URISyntaxException | SecurityException | IllegalArgumentException e) {
            // A build that cannot be read says nothing of itself: it is told as unknown.
        }
        return new BuildInfo("dev", Optional.empty(), Optional.empty());
    }

    static BuildInfo of(Attributes attributes) {
        String version = attributes.getValue(Attributes.Name.IMPLEMENTATION_VERSION);
        Optional<Instant> builtAt = Optional.ofNullable(attributes.getValue(BUILD_TIME)).flatMap(BuildInfo::instant);
        Optional<String> commit = Optional.ofNullable(attributes.getValue(GIT_COMMIT)).map(String::strip)
                .filter(c -> !c.isEmpty());
        return new BuildInfo(version == null ? "dev" : version, builtAt, commit);
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
