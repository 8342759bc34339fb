package io.github.capacityemulator.core.caller;

/** Who is calling: the account and region that scope all state, and the request's id. */
public record RequestContext(String account, String region, String requestId) {

    /** The account of unsigned requests and of access keys that are not 12-digit account ids. */
    public static final String DEFAULT_ACCOUNT = "000000000000";
    /** The region of unsigned requests. */
    public static final String DEFAULT_REGION = "us-east-1";

    /** The partition of the caller's region, as ARNs name it: {@code aws-cn} in China, {@code aws-us-gov} in GovCloud. */
    public String partition() {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        if (region.startsWith("us-isob-")) {
            return "aws-iso-b";
        }
        if (region.startsWith("us-isof-")) {
            return "aws-iso-f";
        }
        if (region.startsWith("eu-isoe-")) {
            return "aws-iso-e";
        }
        return region.startsWith("us-iso-") ? "aws-iso" : "aws";
    }

    /** The ARN of a SageMaker resource of the caller's: {@code arn:<partition>:sagemaker:<region>:<account>:<resource>}. */
    public String arn(String resource) {
        return "arn:" + partition() + ":sagemaker:" + region + ":" + account + ":" + resource;
    }
}
