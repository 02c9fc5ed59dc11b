package com.medialake.lambda.policy;

/** Mandatory violations fail the preview; advisory ones are printed as warnings. */
public enum Severity {
    MANDATORY,
    ADVISORY
}
