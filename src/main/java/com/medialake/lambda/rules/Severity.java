package com.medialake.lambda.rules;

/** Mandatory problems stop the preview and the deploy; advisory ones are printed as warnings. */
public enum Severity {
    MANDATORY,
    ADVISORY
}
