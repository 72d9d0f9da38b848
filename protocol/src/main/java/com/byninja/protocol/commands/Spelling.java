package com.byninja.protocol.commands;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The name a misspelt one most likely meant, by the rules the configuration's key suggestions follow (the protocol
 * depends on no other module, so it keeps its own few lines): short names tolerate one slip, longer ones two or
 * three, and the start of a name of four letters or more counts as one slip.
 */
final class Spelling {
    /** Longer than any name, by far: not worth comparing. */
    private static final int MAX_LENGTH = 64;

    private Spelling() {
    }

    /**
     * @param written    the name as written, lowercase
     * @param candidates the names it may have meant, lowercase
     * @return the closest candidates, those equally close in their order, or none when none is close
     */
    static List<String> nearest(String written, Collection<String> candidates) {
        if (written.isEmpty() || written.length() > MAX_LENGTH) {
            return List.of();
        }
        List<String> best = new ArrayList<>();
        int bestDistance = written.length() <= 4 ? 1 : written.length() <= 10 ? 2 : 3;
        for (String candidate : candidates) {
            int distance = written.length() >= 4 && candidate.startsWith(written) ? 1 : distance(written, candidate);
            if (distance < bestDistance) {
                best.clear();
                bestDistance = distance;
            }
            if (distance == bestDistance) {
                best.add(candidate);
            }
        }
        return best;
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
