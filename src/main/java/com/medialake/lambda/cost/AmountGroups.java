package com.medialake.lambda.cost;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Amounts summed by a key with their count, as the bill and the diff print them: "2 x NAT gateway". */
public final class AmountGroups {
    /** @param detail what the first amount of the group said beside it (its basis) */
    public record Group(String key, int count, BigDecimal total, String detail) {
        /** "2 x what", or "what" for one. */
        public String counted(String what) {
            return (count > 1 ? count + " x " : "") + what;
        }
    }

    private final Map<String, Group> groups = new LinkedHashMap<>();

    public void add(String key, BigDecimal amount, String detail) {
        groups.merge(key, new Group(key, 1, amount, detail),
                (a, b) -> new Group(key, a.count() + 1, a.total().add(b.total()), a.detail()));
    }

    /** The largest (in size, up or down) first; equal ones by key, so the same input prints the same way. */
    public List<Group> largestFirst() {
        var out = new ArrayList<>(groups.values());
        out.sort(Comparator.comparing((Group g) -> g.total().abs()).reversed().thenComparing(Group::key));
        return out;
    }
}
