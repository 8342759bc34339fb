package io.github.capacityemulator.server.auth;

import io.github.capacityemulator.core.caller.RequestContext;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The account and region a request acts in, read from its SigV4 {@code Authorization} header's credential scope.
 * An access key listed in {@code --accounts} acts as its account; a 12-digit access key id is taken as the account id;
 * any other key, an unsigned request, or a header that is not SigV4 uses the default account and region. Whether
 * the signature is right is {@link RequestAuthenticator}'s business, not this class's.
 */
public final class CallerIdentity {

    private static final Pattern CREDENTIAL = Pattern.compile(
            "Credential=([^/,\\s]+)/\\d{8}/([^/,\\s]+)/[^/,\\s]+/aws4_request");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    /**
     * Region names as AWS forms them (us-east-1, us-gov-west-1, ap-southeast-2), bounded so that ARNs and the
     * zone names built from them (region + letter) stay within the model's lengths.
     */
    static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]{1,10}){1,2}-\\d{1,2}");

    private final Map<String, String> accounts;

    public CallerIdentity(Map<String, String> accounts) {
        this.accounts = Map.copyOf(accounts);
    }

    public RequestContext of(String authorization, String requestId) {
        if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256")) {
            return new RequestContext(RequestContext.DEFAULT_ACCOUNT, RequestContext.DEFAULT_REGION, requestId);
        }
        Matcher m = CREDENTIAL.matcher(authorization);
        if (!m.find()) {
            return new RequestContext(RequestContext.DEFAULT_ACCOUNT, RequestContext.DEFAULT_REGION, requestId);
        }
        String region = m.group(2);
        return new RequestContext(accountOf(m.group(1)),
                REGION.matcher(region).matches() ? region : RequestContext.DEFAULT_REGION, requestId);
    }

    /** The account an access key acts as. */
    String accountOf(String accessKey) {
        String mapped = accounts.get(accessKey);
        if (mapped != null) {
            return mapped;
        }
        return ACCOUNT_ID.matcher(accessKey).matches() ? accessKey : RequestContext.DEFAULT_ACCOUNT;
    }
}
