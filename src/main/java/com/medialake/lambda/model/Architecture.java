package com.medialake.lambda.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Lambda instruction set architectures; each spelled as the Lambda API spells it, its name in lower case. */
public enum Architecture {
    X86_64,
    ARM64;

    /** x86_64 or arm64. */
    public String awsName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Architecture> fromAwsName(String name) {
        return Arrays.stream(values()).filter(a -> a.awsName().equals(name)).findFirst();
    }
}
