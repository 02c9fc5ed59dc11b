package com.medialake.lambda.model;

import java.util.Arrays;
import java.util.Optional;

/** Lambda instruction set architectures, spelled as the Lambda API spells them. */
public enum Architecture {
    X86_64("x86_64"),
    ARM64("arm64");

    private final String awsName;

    Architecture(String awsName) {
        this.awsName = awsName;
    }

    public String awsName() {
        return awsName;
    }

    public static Optional<Architecture> fromAwsName(String name) {
        return Arrays.stream(values()).filter(a -> a.awsName.equals(name)).findFirst();
    }
}
