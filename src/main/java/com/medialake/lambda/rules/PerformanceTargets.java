package com.medialake.lambda.rules;

import com.medialake.lambda.model.FunctionSettings;
import com.medialake.lambda.model.NetworkAttachment;
import java.util.Optional;

/**
 * The strategy's targets for the two signals Lambda only writes to logs (its "Monitoring" section): cold start
 * duration "<1 second with SnapStart, <100ms with provisioned concurrency", and memory ("if consistently using >80%
 * of allocated memory, increase allocation; if consistently using <50%, consider reducing (except VPC Lambdas)").
 * The stack's alarms and bin/tune read the same numbers from here.
 */
public final class PerformanceTargets {
    /** p99 cold start (init, or restore with SnapStart) above this alarms and gets advice. */
    public static final double COLD_START_MS = 1000;
    /** A PC function's callers should not see cold starts: more than this share of its invocations is spillover. */
    public static final double PC_COLD_START_RATE = 0.01;
    /** p99 memory used above this share of the memory alarms, and bin/tune raises the memory. */
    public static final double MEMORY_HIGH_SHARE = 0.8;
    /** p99 memory used below this share: bin/tune proposes less memory, down to the floor. */
    public static final double MEMORY_LOW_SHARE = 0.5;
    /** A new memory size puts p99 use at or under this share: room below the alarm. */
    public static final double MEMORY_TARGET_SHARE = 0.7;
    /** bin/tune proposes memory in these steps (Lambda takes any MB from 128; steps keep proposals stable). */
    public static final int MEMORY_STEP_MB = 64;

    private PerformanceTargets() {
    }

    /** The memory alarm's threshold in MB: moves with the function's memory. */
    public static double memoryAlarmMb(FunctionSettings fn) {
        return fn.memoryMb() * MEMORY_HIGH_SHARE;
    }

    /**
     * The least memory the strategy lets this function have: 512 MB in a VPC ("VPC Lambdas must have at least 512 MB
     * memory", its troubleshooting checklist, which also covers the EFS functions; with PC it is also a refusal,
     * {@code vpc-pc-memory}), else Lambda's 128 MB.
     */
    public static int memoryFloorMb(FunctionSettings fn) {
        return fn.attachment() == NetworkAttachment.NONE ? LambdaLimits.MIN_MEMORY_MB : LambdaLimits.MIN_VPC_PC_MEMORY_MB;
    }

    /** The least memory in {@link #MEMORY_STEP_MB} steps at which {@code usedMb} is at most the target share. */
    public static int sizeFor(double usedMb) {
        int size = (int) Math.ceil(usedMb / MEMORY_TARGET_SHARE / MEMORY_STEP_MB - 1e-9) * MEMORY_STEP_MB;
        return Math.min(LambdaLimits.MAX_MEMORY_MB, Math.max(LambdaLimits.MIN_MEMORY_MB, size));
    }

    /**
     * The memory to propose from p99 memory used, or empty to keep it: raised above {@link #MEMORY_HIGH_SHARE};
     * lowered below {@link #MEMORY_LOW_SHARE} unless {@code cpuBound}, never under the floor.
     */
    public static Optional<Integer> proposedMemoryMb(FunctionSettings fn, double p99UsedMb, boolean cpuBound) {
        double share = p99UsedMb / fn.memoryMb();
        if (share > MEMORY_HIGH_SHARE) {
            int higher = Math.min(LambdaLimits.MAX_MEMORY_MB, Math.max(sizeFor(p99UsedMb), fn.memoryMb() + MEMORY_STEP_MB));
            return higher > fn.memoryMb() ? Optional.of(higher) : Optional.empty();
        }
        if (share < MEMORY_LOW_SHARE && !cpuBound) {
            int lower = Math.max(memoryFloorMb(fn), sizeFor(p99UsedMb));
            return lower < fn.memoryMb() ? Optional.of(lower) : Optional.empty();
        }
        return Optional.empty();
    }
}
