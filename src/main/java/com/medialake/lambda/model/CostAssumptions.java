package com.medialake.lambda.model;

/**
 * The usage no CloudWatch export holds, as the stack file states it (costAssumptions): what the bill's usage lines
 * are priced at. 0, the default, means not estimated, and the preview says so rather than pricing it at nothing.
 *
 * @param natGbPerMonth          GB a month through the NAT gateways (data processed, both directions)
 * @param efsStorageGb           GB stored on the shared file system, on average over the month
 * @param efsReadGbPerMonth      GB a month read from it (elastic throughput)
 * @param efsWriteGbPerMonth     GB a month written to it (elastic throughput)
 * @param logIngestionGbPerMonth GB a month the functions write to their log groups
 * @param flowLogGbPerMonth      GB a month of VPC flow log records
 * @param sqsRequestsPerMonth    API requests a month on the bulk-download queues (send, receive, delete)
 */
public record CostAssumptions(double natGbPerMonth, double efsStorageGb, double efsReadGbPerMonth,
                              double efsWriteGbPerMonth, double logIngestionGbPerMonth, double flowLogGbPerMonth,
                              double sqsRequestsPerMonth) {
    public static final CostAssumptions NONE = new CostAssumptions(0, 0, 0, 0, 0, 0, 0);
}
