package com.medialake.lambda.tune;

import com.medialake.lambda.model.FunctionSettings;
import com.medialake.lambda.rules.PerformanceTargets;
import java.util.Locale;
import java.util.Optional;

/** The sentence that says what bin/tune decided about a function's memory, and why. */
final class MemoryAdvice {
    private MemoryAdvice() {
    }

    static String text(FunctionSettings fn, FunctionStats s, Optional<Integer> proposed, Tuning.CpuJudgement cpu) {
        double p99 = s.memoryUsed().p99();
        String use = String.format(Locale.ROOT, "p99 use %.0f MB is %.0f%% of %d MB", p99, 100 * p99 / fn.memoryMb(),
                fn.memoryMb());
        if (proposed.isPresent()) {
            int mb = proposed.get();
            String at = String.format(Locale.ROOT, "; at %d MB it is %.0f%%", mb, 100 * p99 / mb);
            if (mb > fn.memoryMb()) {
                return "raise to " + mb + " MB: " + use + ", above " + percent(PerformanceTargets.MEMORY_HIGH_SHARE) + at;
            }
            String floor = mb == PerformanceTargets.memoryFloorMb(fn) ? " (the strategy's floor for this function)" : "";
            return "lower to " + mb + " MB" + floor + ": " + use + ", under " + percent(PerformanceTargets.MEMORY_LOW_SHARE)
                    + at + ". Duration assumed unchanged; " + cpu.reason() + (cpu.verdict() == Tuning.Cpu.UNKNOWN
                    ? ": compare p50 duration after the deploy (bin/tune again)" : "");
        }
        if (p99 > fn.memoryMb() * PerformanceTargets.MEMORY_HIGH_SHARE) {
            return "keep " + fn.memoryMb() + " MB, Lambda's most: " + use;
        }
        if (p99 < fn.memoryMb() * PerformanceTargets.MEMORY_LOW_SHARE) {
            if (cpu.verdict() == Tuning.Cpu.BOUND) {
                return "keep " + fn.memoryMb() + " MB: " + use + ", under " + percent(PerformanceTargets.MEMORY_LOW_SHARE)
                        + ", but its duration is CPU-bound (" + cpu.reason() + "): less memory is less CPU";
            }
            return "keep " + fn.memoryMb() + " MB: " + use + ", under " + percent(PerformanceTargets.MEMORY_LOW_SHARE)
                    + ", but " + PerformanceTargets.memoryFloorMb(fn) + " MB is " + (fn.attachment().inVpc()
                    ? "the strategy's floor for a VPC function" : "Lambda's least");
        }
        return "keep " + fn.memoryMb() + " MB: " + use + ", within " + percent(PerformanceTargets.MEMORY_LOW_SHARE) + "-"
                + percent(PerformanceTargets.MEMORY_HIGH_SHARE);
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }
}
