package com.medialake.lambda.rules;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean" for misspelt keys and function names. */
public final class Suggestions {
    private Suggestions() {
    }

    /** The candidate closest to the typo, if it is close enough to be what was meant. */
    public static Optional<String> closest(String typo, Collection<String> candidates) {
        String lower = typo.toLowerCase();
        return candidates.stream()
                .min(Comparator.comparingInt((String c) -> distance(lower, c.toLowerCase())).thenComparing(c -> c))
                .filter(c -> distance(lower, c.toLowerCase()) <= Math.max(2, c.length() / 3));
    }

    public static String didYouMean(String typo, Collection<String> candidates) {
        return closest(typo, candidates)
                .map(c -> "did you mean " + c + "? Known: " + String.join(", ", candidates))
                .orElse("known: " + String.join(", ", candidates));
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
