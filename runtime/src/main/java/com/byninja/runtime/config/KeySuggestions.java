package com.byninja.runtime.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The known key a misspelt one most likely meant: a near spelling beside it (or the key with its unit, such as
 * volatilityPct for volatility), else the same name elsewhere. {@link #nearest} serves other names a user writes, such
 * as the indicators of a strategy's rules.
 */
public final class KeySuggestions {

    private KeySuggestions() {
    }

    /**
     * @param unknown  the unknown key's full path, such as {@code risk.stoplossPct}
     * @param siblings full paths of the known keys in the same mapping
     * @param all      full paths of every known key
     * @return the suggestion, or empty when none is close
     */
    static Optional<String> closest(String unknown, Collection<String> siblings, Collection<String> all) {
        String name = lastSegment(unknown);
        Optional<String> beside = nearest(name, siblings);
        if (beside.isPresent()) {
            return beside;
        }
        // A known key put in the wrong section, such as stopLossPct at the top instead of under risk.
        return nearest(name, all.stream().filter(path -> !siblings.contains(path)).toList());
    }

    /**
     * @param name       a name as written, such as {@code rsl}; case does not count
     * @param candidates the names it may have meant (a dotted path counts by its last part)
     * @return the candidate it most likely meant, or empty when none is close
     */
    public static Optional<String> nearest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String written = name.toLowerCase(Locale.ROOT);
        for (String candidate : candidates) {
            String known = lastSegment(candidate).toLowerCase(Locale.ROOT);
            // A key written without its unit or ending, such as volatility for volatilityPct, is one slip.
            int distance = written.length() >= 4 && known.startsWith(written) ? 1 : distance(written, known);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= allowed(name) ? Optional.of(best) : Optional.empty();
    }

    /** Short keys tolerate one slip, longer ones a few; beyond that a guess would mislead more than help. */
    private static int allowed(String name) {
        return name.length() <= 4 ? 1 : name.length() <= 10 ? 2 : 3;
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost one. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
