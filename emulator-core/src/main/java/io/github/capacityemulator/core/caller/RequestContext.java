package io.github.capacityemulator.core.caller;

/** Who is calling: the account and region that scope all state, and the request's id. */
public record RequestContext(String account, String region, String requestId) {

    /** The account of unsigned requests and of access keys that are not 12-digit account ids. */
    public static final String DEFAULT_ACCOUNT = "000000000000";
    /** The region of unsigned requests. */
    public static final String DEFAULT_REGION = "us-east-1";
}
