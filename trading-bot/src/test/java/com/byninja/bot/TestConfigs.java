package com.byninja.bot;

import com.byninja.bot.config.BotConfig;
import com.byninja.bot.config.ConfigLoader;
import com.byninja.runtime.config.ConfigException;
import java.nio.file.Path;
import java.util.Map;

/** Real configurations for tests: the shipped defaults with YAML laid over them. */
public final class TestConfigs {

    private TestConfigs() {
    }

    /** @return the defaults with {@code yaml} over them, data in {@code dataDir}. */
    public static BotConfig config(Path dataDir, String yaml) {
        try {
            String all = "dataDir: " + dataDir.toString().replace("\\", "/") + "\n" + yaml;
            return new ConfigLoader(Map.of()).loadYaml(all, "test").config();
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
