package io.github.capacityemulator.server;

import io.github.capacityemulator.core.caller.RequestContext;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the account and region from a SigV4 {@code Authorization} header's credential scope. The
 * signature itself is not verified: any key signs, as in other local AWS emulators. A 12-digit access
 * key id is taken as the account id; any other key, an unsigned request, or a header that is not SigV4
 * uses the default account and region.
 */
final class CallerIdentity {

    private static final Pattern CREDENTIAL = Pattern.compile(
            "Credential=([^/,\\s]+)/\\d{8}/([^/,\\s]+)/[^/,\\s]+/aws4_request");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    /**
     * Region names as AWS forms them (us-east-1, us-gov-west-1, ap-southeast-2), bounded so that ARNs and the
     * zone names built from them (region + letter) stay within the model's lengths.
     */
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]{1,10}){1,2}-\\d{1,2}");

    private CallerIdentity() {
    }

    static RequestContext of(String authorization, String requestId) {
        if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256")) {
            return new RequestContext(RequestContext.DEFAULT_ACCOUNT, RequestContext.DEFAULT_REGION, requestId);
        }
        Matcher m = CREDENTIAL.matcher(authorization);
        if (!m.find()) {
            return new RequestContext(RequestContext.DEFAULT_ACCOUNT, RequestContext.DEFAULT_REGION, requestId);
        }
        String accessKey = m.group(1);
        String region = m.group(2);
        String account = ACCOUNT_ID.matcher(accessKey).matches() ? accessKey : RequestContext.DEFAULT_ACCOUNT;
        return new RequestContext(account, REGION.matcher(region).matches() ? region : RequestContext.DEFAULT_REGION,
                requestId);
    }
}
