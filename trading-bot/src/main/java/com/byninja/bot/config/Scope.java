package com.byninja.bot.config;

import com.byninja.runtime.config.YamlConfig;

/**
 * Where {@link ConfigReader} finds a key of the {@code strategy} and {@code risk} sections: for the global settings,
 * the key itself; for an entry of {@code symbols} with settings of its own ({@code symbols[2]}), the entry's key where
 * it writes one, else the global key, whose value it inherits. A value or a rule already reported at the global key
 * reads the same there, so it is reported once.
 */
final class Scope {

    private static final Scope GLOBAL = new Scope(null, null, false);

    private final YamlConfig config;
    private final String entry;
    private final boolean namesStrategy;

    private Scope(YamlConfig config, String entry, boolean namesStrategy) {
        this.config = config;
        this.entry = entry;
        this.namesStrategy = namesStrategy;
    }

    /** @return the global sections */
    static Scope global() {
        return GLOBAL;
    }

    /** @return the sections of the entry of {@code symbols} at {@code entry}, such as {@code symbols[2]} */
    static Scope entry(YamlConfig config, String entry) {
        return new Scope(config, entry, !config.node(entry + ".strategy.name").isMissingNode());
    }

    /** @return whether these are the global sections */
    boolean isGlobal() {
        return entry == null;
    }

    /**
     * @param key a key of the global sections, such as {@code risk.stakeAmount}
     * @return where its value is read: the entry's own key if it writes it, else {@code key}. The parameters of a
     *         strategy belong to it: an entry that names a strategy takes none of the global ones.
     */
    String of(String key) {
        if (entry == null) {
            return key;
        }
        String own = own(key);
        boolean params = key.equals("strategy.params") || key.startsWith("strategy.params.");
        return writes(key) || params && namesStrategy ? own : key;
    }

    /** @return the entry's own key for {@code key}, such as {@code symbols[2].risk.stakeAmount}; the key if global */
    String own(String key) {
        return entry == null ? key : entry + "." + key;
    }

    /** @return whether this entry writes {@code key} (or a section file it names does); never for the global ones */
    boolean writes(String key) {
        return entry != null && !config.node(own(key)).isMissingNode();
    }
}
