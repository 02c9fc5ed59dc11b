package com.medialake.lambda.model;

/**
 * The function types of the strategy document's "Memory Configuration by Function Type" table.
 * A profile gives a function its defaults; the function table and the stack config override them.
 */
public enum FunctionProfile {
    SIMPLE_API("Simple API (no VPC)", 128, NetworkAttachment.NONE),
    VPC_API("VPC API (standard)", 512, NetworkAttachment.VPC),
    VPC_API_COMPLEX("VPC API (complex)", 1024, NetworkAttachment.VPC),
    /** The strategy gives 1024-9000 MB; the profile starts at the low end, functions size up. */
    SEARCH("Search/Analytics", 1024, NetworkAttachment.VPC),
    BACKGROUND("Background processing", 2048, NetworkAttachment.NONE),
    EFS_BULK("EFS bulk download", 1024, NetworkAttachment.VPC_WITH_EFS);

    /** Strategy defaults shared by every profile (lambda_base.py). */
    public static final int DEFAULT_TIMEOUT_SECONDS = 300;
    /**
     * Functions behind the HTTP API: the API waits at most 30 s for an integration (API Gateway HTTP API
     * quotas; apigatewayv2 Integration timeoutMilliseconds 50-30,000), so a longer run only holds a warm
     * instance after the caller got a 503. 29 s leaves the API its own second.
     */
    public static final int DEFAULT_API_TIMEOUT_SECONDS = 29;
    public static final String DEFAULT_RUNTIME = "python3.12";
    public static final Architecture DEFAULT_ARCHITECTURE = Architecture.X86_64;

    private final String title;
    private final int memoryMb;
    private final NetworkAttachment attachment;

    FunctionProfile(String title, int memoryMb, NetworkAttachment attachment) {
        this.title = title;
        this.memoryMb = memoryMb;
        this.attachment = attachment;
    }

    public String title() {
        return title;
    }

    public int memoryMb() {
        return memoryMb;
    }

    public NetworkAttachment attachment() {
        return attachment;
    }
}
