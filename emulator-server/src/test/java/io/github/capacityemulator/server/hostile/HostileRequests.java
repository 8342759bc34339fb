package io.github.capacityemulator.server.hostile;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import static io.github.capacityemulator.server.hostile.Expected.SERIALIZATION;
import static io.github.capacityemulator.server.hostile.Expected.UNKNOWN_OPERATION;
import static io.github.capacityemulator.server.hostile.ValueMutations.pick;

/**
 * The generator: a random emulated operation, a random mutation, and for a mutation of a value a random site of the
 * operation where it applies. Everything else in the request is valid, so that the mutation is why it is refused.
 */
final class HostileRequests {

    /** The edge's body limit (AwsJsonEdgeTest pins it): a larger body is a 413 whatever it holds. */
    static final int MAX_BODY_BYTES = 5 * 1024 * 1024;

    private static final List<Mutation> VALUE_MUTATIONS = List.of(Mutation.WRONG_JSON_TYPE, Mutation.MISSING_REQUIRED,
            Mutation.BELOW_MINIMUM, Mutation.ABOVE_MAXIMUM, Mutation.PATTERN_MISMATCH, Mutation.NOT_IN_ENUM,
            Mutation.DEEP_NESTING, Mutation.HUGE_STRING, Mutation.HUGE_ARRAY, Mutation.NUMBER_BEYOND_LONG,
            Mutation.NON_JSON_NUMBER, Mutation.LONE_SURROGATE, Mutation.INVALID_UTF8);
    private static final List<String> GOOD_CONTENT_TYPES = List.of("application/x-amz-json-1.1", "application/json",
            "application/x-amz-json-1.1; charset=utf-8");
    /**
     * Not awsJson's. Left out on purpose: application/x-amz-json-1.0 (which the real service may or may not take)
     * and a blank value (no content type is accepted, as with a bare curl -X POST).
     */
    private static final List<String> BAD_CONTENT_TYPES = List.of("text/plain", "application/xml", "text/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/cbor",
            "application/octet-stream", "text/html", "image/png", "application/jsonx", "application/x-amz-json-1.1x",
            "json", "application/", "/", ";", "x-amz-json-1.1", "application/json-patch+json", "application/x-amz-json",
            "application/vnd.amazon.eventstream", "application/x-amz-json-1.1/x", "text/plain; charset=\u00e4");
    private static final List<String> BAD_METHODS = List.of("GET", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "HEAD",
            "CONNECT", "BREW", "post", "PROPFIND", "POSTX");

    /**
     * Authorization headers sent now and then with an invalid body: garbage, huge, or SigV4 for another account and
     * region (without --require-signature the emulator takes the account from the key). None makes the body valid.
     */
    private static final List<String> AUTHORIZATIONS = List.of("garbage", "AWS4-HMAC-SHA256",
            "AWS4-HMAC-SHA256 Credential=111111111111/20300301/eu-west-1/sagemaker/aws4_request, SignedHeaders=host,"
                    + " Signature=00", "AWS4-HMAC-SHA256 Credential=/20300301//sagemaker/aws4_request",
            "AWS4-HMAC-SHA256 Credential=" + "k".repeat(5_000) + "/20300301/" + "r".repeat(300) + "/sagemaker/aws4_request",
            "Bearer \u00e9\u00e9", "AWS4-HMAC-SHA256 Credential=123456789012/2030/us-east-1/sagemaker/aws4_request");

    private final ContractSites sites;
    private final Skeletons skeletons;
    private final ValueMutations values;
    /** For each mutation of a value, the operations where it applies somewhere, with those sites. */
    private final Map<Mutation, Map<String, List<Site>>> applicable = new EnumMap<>(Mutation.class);

    HostileRequests(ContractSites sites, Skeletons skeletons) {
        this.sites = sites;
        this.skeletons = skeletons;
        this.values = new ValueMutations(skeletons);
        List<Mutation> siteMutations = new ArrayList<>(VALUE_MUTATIONS);
        siteMutations.add(Mutation.DUPLICATE_KEY);
        for (Mutation m : siteMutations) {
            Map<String, List<Site>> byOperation = new LinkedHashMap<>();
            for (String op : sites.operations()) {
                List<Site> fit = sites.sites(op).stream()
                        .filter(s -> m == Mutation.DUPLICATE_KEY ? s.isMember() : values.applies(m, s)).toList();
                if (!fit.isEmpty()) {
                    byOperation.put(op, fit);
                }
            }
            applicable.put(m, byOperation);
        }
    }

    /** How many sites each mutation of a value can hit, for the report. */
    Map<Mutation, Integer> siteCounts() {
        Map<Mutation, Integer> out = new EnumMap<>(Mutation.class);
        applicable.forEach((m, ops) -> out.put(m, ops.values().stream().mapToInt(List::size).sum()));
        return out;
    }

    HostileRequest next(SplittableRandom r, int size) {
        Mutation m = pick(r, List.of(Mutation.values()));
        if (m == Mutation.WRONG_JSON_TYPE && r.nextInt(10) == 0) {
            return wrongRoot(r);
        }
        if (applicable.containsKey(m)) {
            List<String> ops = List.copyOf(applicable.get(m).keySet());
            String op = pick(r, ops);
            Site site = pick(r, applicable.get(m).get(op));
            return m == Mutation.DUPLICATE_KEY ? duplicate(site, r, size) : atSite(m, site, values.make(m, site, r, size), r);
        }
        String op = pick(r, sites.operations());
        byte[] body = validBody(op, r);
        List<Map.Entry<String, String>> headers = goodHeaders(op, r);
        return switch (m) {
            case TRUNCATED_BODY -> {
                int cut = 1 + r.nextInt(body.length - 1);
                yield request(m, op, "the first " + cut + " of " + body.length + " bytes", "POST", "/", headers,
                        java.util.Arrays.copyOf(body, cut), HostileRequest.Framing.EXACT, Expected.of(SERIALIZATION));
            }
            case UNREADABLE_BODY -> {
                HostileRequest.Framing framing = pick(r, List.of(HostileRequest.Framing.SHORT_BY_100,
                        HostileRequest.Framing.BAD_CHUNK_SIZE, HostileRequest.Framing.TRUNCATED_CHUNK));
                Expected e = Expected.of(SERIALIZATION);
                yield request(m, op, framing.toString(), "POST", "/", headers, body, framing,
                        framing == HostileRequest.Framing.SHORT_BY_100 ? e : e.orClosed());
            }
            case WRONG_CONTENT_TYPE -> {
                String type = pick(r, BAD_CONTENT_TYPES);
                headers.set(1, Map.entry("Content-Type", type));
                yield request(m, op, "Content-Type " + type, "POST", "/", headers, body, HostileRequest.Framing.EXACT,
                        Expected.of(SERIALIZATION));
            }
            case BAD_TARGET -> {
                String target = badTarget(op, r);
                headers.remove(0);
                if (target != null) {
                    headers.add(0, Map.entry("X-Amz-Target", target));
                }
                yield request(m, op, target == null ? "no X-Amz-Target" : "X-Amz-Target '" + target + "'", "POST", "/",
                        headers, body, HostileRequest.Framing.EXACT, Expected.of(UNKNOWN_OPERATION));
            }
            case WRONG_METHOD -> {
                String method = pick(r, BAD_METHODS);
                yield request(m, op, method + " /", method, "/", headers, body, HostileRequest.Framing.EXACT,
                        Expected.of(UNKNOWN_OPERATION, SERIALIZATION));
            }
            case WRONG_PATH -> {
                String path = badPath(op, r);
                yield request(m, op, "POST " + (path.length() > 60 ? path.substring(0, 60) + "..." : path), "POST", path,
                        headers, body, HostileRequest.Framing.EXACT, Expected.of(UNKNOWN_OPERATION, SERIALIZATION));
            }
            default -> throw new IllegalStateException(m.toString());
        };
    }

    /** A body that is not a JSON object at all: the wrong type at the root. */
    private HostileRequest wrongRoot(SplittableRandom r) {
        String op = pick(r, sites.operations());
        RawJson root = pick(r, List.of(RawJson.token("null"), RawJson.token("1"), RawJson.token("true"),
                RawJson.string("{}"), new RawJson.Arr(List.of(skeletons.body(op)))));
        return request(Mutation.WRONG_JSON_TYPE, op, "a body of type " + ValueMutations.kind(root), "POST", "/",
                goodHeaders(op, r), root.bytes(), HostileRequest.Framing.EXACT, Expected.of(SERIALIZATION));
    }

    private HostileRequest atSite(Mutation m, Site site, Hostile hostile, SplittableRandom r) {
        byte[] body = skeletons.bodyWith(site, hostile.values()).bytes();
        Expected expected = body.length > MAX_BODY_BYTES ? Expected.tooLarge() : hostile.expected();
        List<Map.Entry<String, String>> headers = goodHeaders(site.operation(), r);
        if (r.nextInt(8) == 0) {
            headers.add(Map.entry("Authorization", pick(r, AUTHORIZATIONS)));
        }
        return request(m, site.operation(), "at " + site.path() + " (" + site.shape().name() + "): " + hostile.detail(),
                "POST", "/", headers, body, HostileRequest.Framing.EXACT, expected);
    }

    /**
     * The member twice: first valid, then hostile. Readers that keep the last value (Jackson, and so, as far as
     * anyone outside can tell, the service) see the hostile one; a valid last value would be a valid request.
     */
    private HostileRequest duplicate(Site site, SplittableRandom r, int size) {
        List<Mutation> fit = VALUE_MUTATIONS.stream().filter(m -> values.applies(m, site)).toList();
        Mutation sub = pick(r, fit);
        Hostile hostile = values.make(sub, site, r, size);
        RawJson last = hostile.values().isEmpty() ? RawJson.token("null") : hostile.values().get(0);
        return atSite(Mutation.DUPLICATE_KEY, site, new Hostile(List.of(skeletons.validAt(site), last),
                "valid, then " + sub + " " + (hostile.values().isEmpty() ? "null" : hostile.detail()), hostile.expected()), r);
    }

    /** A valid body of the operation: its required members, or those and the valid value of one more site. */
    private byte[] validBody(String op, SplittableRandom r) {
        List<Site> of = sites.sites(op);
        if (of.isEmpty() || r.nextBoolean()) {
            return skeletons.body(op).bytes();
        }
        Site site = pick(r, of);
        return skeletons.bodyWith(site, List.of(skeletons.validAt(site))).bytes();
    }

    private static List<Map.Entry<String, String>> goodHeaders(String op, SplittableRandom r) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("X-Amz-Target", "SageMaker." + op));
        headers.add(Map.entry("Content-Type", pick(r, GOOD_CONTENT_TYPES)));
        return headers;
    }

    /** A target naming no operation (none at all when null); never one the contract lists, emulated or not. */
    private String badTarget(String op, SplittableRandom r) {
        String lowerFirst = Character.toLowerCase(op.charAt(0)) + op.substring(1);
        List<String> candidates = new ArrayList<>(java.util.Arrays.asList(null, "", "SageMaker", "SageMaker.",
                "sagemaker." + op, "SAGEMAKER." + op, "SageMaker." + lowerFirst, "SageMaker." + op.toUpperCase(Locale.ROOT),
                "SageMaker." + op + "X", "SageMaker." + op + "." + op, "SageMaker.." + op, "DynamoDB_20120810." + op,
                "AmazonSageMaker." + op, "SageMaker." + op + " " + op, "SageMaker.\u00e9" + op, "SageMaker." + letters(r)));
        candidates.removeIf(t -> t != null && t.startsWith("SageMaker.") && names(t.substring("SageMaker.".length())));
        return pick(r, candidates);
    }

    private boolean names(String operation) {
        return skeletons.contract().operation(operation).isPresent() || skeletons.contract().isOtherOperation(operation);
    }

    /**
     * A path other than {@code /}. Left out: paths that normalise to {@code /} ({@code //}, {@code /a/..}), a query
     * on {@code /} (the service ignores it), and the admin API under {@code /_emulator}.
     */
    private static String badPath(String op, SplittableRandom r) {
        return pick(r, List.of("/" + letters(r), "/" + letters(r) + "/" + letters(r), "/v1/clusters", "/SageMaker." + op,
                "/%zz", "/%", "/..", "/../x", "/a/../..", "/a%00b", "/" + "a".repeat(9_000), "/x?y=1", "/index.html",
                "/a b", "/\u00e9"));
    }

    private static String letters(SplittableRandom r) {
        StringBuilder out = new StringBuilder();
        int n = 1 + r.nextInt(20);
        for (int i = 0; i < n; i++) {
            out.append("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-".charAt(r.nextInt(63)));
        }
        return out.toString();
    }

    private static HostileRequest request(Mutation m, String op, String detail, String method, String path,
                                          List<Map.Entry<String, String>> headers, byte[] body,
                                          HostileRequest.Framing framing, Expected expected) {
        return new HostileRequest(m, op, detail, method, path, List.copyOf(headers), body, framing, expected);
    }
}
