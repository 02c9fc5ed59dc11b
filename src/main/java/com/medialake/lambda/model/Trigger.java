package com.medialake.lambda.model;

/** What invokes a function, and so what must target its invoke target (the alias where it publishes). */
public enum Trigger {
    /** Invoked by other services or code through the exported invoke ARN. */
    DIRECT,
    /** A route of the stack's HTTP API. */
    HTTP_API,
    /** The bulk-download SQS queue, through an event source mapping. */
    BULK_QUEUE
}
