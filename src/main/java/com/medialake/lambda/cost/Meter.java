package com.medialake.lambda.cost;

/** What AWS bills a stack for, beside Lambda's GB-seconds ({@link Price}): one list price per region each. */
public enum Meter {
    NAT_GATEWAY_HOUR("NAT gateway", "hour"),
    NAT_GATEWAY_GB("NAT gateway data processed", "GB"),
    PUBLIC_IPV4_HOUR("public IPv4 address", "hour"),
    ALARM_MONTH("CloudWatch alarm, standard resolution", "alarm-month"),
    DASHBOARD_MONTH("CloudWatch dashboard", "dashboard-month"),
    CUSTOM_METRIC_MONTH("CloudWatch custom metric", "metric-month"),
    LOG_INGESTION_GB("CloudWatch Logs ingestion, Standard class", "GB"),
    LOG_STORAGE_GB_MONTH("CloudWatch Logs storage", "GB-month"),
    EFS_STORAGE_GB_MONTH("EFS Standard storage", "GB-month"),
    EFS_READ_GB("EFS elastic throughput, reads", "GB"),
    EFS_WRITE_GB("EFS elastic throughput, writes", "GB"),
    LAMBDA_REQUEST("Lambda request", "request"),
    HTTP_API_REQUEST("API Gateway HTTP API request (first 300 million)", "request"),
    SQS_REQUEST("SQS standard request", "request");

    private final String label;
    private final String unit;

    Meter(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }
}
