package com.byninja.runtime.config;

import java.util.List;

/**
 * A configuration file that cannot be used at all: missing, a directory, unreadable, not UTF-8, not YAML, or not a
 * mapping of keys. Its one problem is one line for a person: what failed, why, and what to do, such as
 * {@code --config config: is a directory; give a YAML file such as config/trading-bot.yml} or
 * {@code config/my.yml:3:16: not valid YAML: this [ is not closed by a ]}.
 */
public final class ConfigFileException extends ConfigException {

    private static final long serialVersionUID = 1L;

    /** @param line the one-line explanation */
    public ConfigFileException(String line) {
        super(List.of(line));
    }
}
