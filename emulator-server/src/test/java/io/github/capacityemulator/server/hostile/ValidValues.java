package io.github.capacityemulator.server.hostile;

import io.github.capacityemulator.core.contract.ApiContract;
import io.github.capacityemulator.core.contract.Member;
import io.github.capacityemulator.core.contract.Shape;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Values that meet a shape's constraints: the valid skeleton a hostile mutation starts from. A structure gets its
 * required members, a list as few elements as it allows (at least one), a map no entry unless it needs one. A string
 * is the resource the suite seeded when the member names one (so that an Update or Delete that slipped through would
 * act on something real), else the first example that fits the shape's length, pattern and enum.
 */
final class ValidValues {

    /** Examples for the model's patterns, tried in order; the self-check fails if a required string fits none. */
    private static final List<String> EXAMPLES = List.of(
            "a", "a1", "hostile", "1", "File", "ml.t3.medium", "ml.p5.48xlarge", "s3://bucket/key",
            "arn:aws:iam::123456789012:role/hostile", "arn:aws:sagemaker:us-east-1:000000000000:cluster/abcdefghijkl",
            "arn:aws:sagemaker:us-east-1:000000000000:training-plan/hostile-plan",
            "arn:aws:kms:us-east-1:123456789012:key/hostile", "sg-0123456789abcdef0", "subnet-0123456789abcdef0",
            "i-0123456789abcdef0", "tpo-0123456789abcdef", "tpeo-0123456789abcdef",
            "123456789012.dkr.ecr.us-east-1.amazonaws.com/img:1", "img:1", "us-east-1a", "use1-az1", "/opt/ml/x",
            "on_create.sh", "https://example.com/x", "cron(0 0 * * ? *)", "2030-01-01T00:00:00Z", "0", "ab", "a-b",
            "fs-0123456789abcdef.fsx.us-east-1.amazonaws.com", "fs-0123456789abcdef", "ip-10-0-0-1.ec2.internal",
            "10.0.0.1", "arn:aws:eks:us-east-1:123456789012:cluster/hostile", "ami-0123456789abcdef0", "1.0.0", "8K",
            "arn:aws:sagemaker:us-east-1:aws:hub-content/hub/DataSet/ds", "arn:aws:sagemaker:us-east-1:aws:hub-content/hub/Model/m",
            "arn:aws:lambda:us-east-1:123456789012:function:hostile",
            "arn:aws:sagemaker:us-east-1:123456789012:reserved-capacity/hostile-reserved-capacity");
    /** The resource kinds of SageMaker ARNs the model's patterns name: arn:aws:sagemaker:...:KIND/hostile. */
    private static final List<String> ARN_KINDS = List.of("training-job", "automl-job", "hyper-parameter-tuning-job",
            "labeling-job", "processing-job", "model-package", "model-package-group", "mlflow-tracking-server");

    private final ApiContract contract;
    private final Map<String, String> seeded;

    /** @param seeded values of the resources the suite created, by the member that names them */
    ValidValues(ApiContract contract, Map<String, String> seeded) {
        this.contract = contract;
        this.seeded = Map.copyOf(seeded);
    }

    ApiContract contract() {
        return contract;
    }

    /** A valid value of {@code shape} held by {@code memberName}; {@link IllegalStateException} when none is known. */
    RawJson of(Shape shape, String memberName) {
        return switch (shape.type()) {
            case STRUCTURE -> structure(shape, null, null);
            case LIST -> {
                List<RawJson> items = new ArrayList<>();
                Shape element = contract.shape(shape.member());
                for (int i = 0; i < listSize(shape); i++) {
                    items.add(of(element, memberName));
                }
                yield new RawJson.Arr(items);
            }
            case MAP -> {
                List<Map.Entry<String, RawJson>> entries = new ArrayList<>();
                if (shape.min() != null && shape.min().signum() > 0) {
                    entries.add(Map.entry(text(contract.shape(shape.key()), memberName),
                            of(contract.shape(shape.value()), memberName)));
                }
                yield RawJson.object(entries);
            }
            case STRING -> RawJson.string(text(shape, memberName));
            case BLOB -> RawJson.string("aG9zdGlsZQ==");
            case BOOLEAN -> RawJson.token("true");
            case TIMESTAMP -> RawJson.token("1900000000");
            case INTEGER, LONG, FLOAT, DOUBLE -> RawJson.token(number(shape).toPlainString());
        };
    }

    /**
     * A structure with its required members, plus {@code extra} (valid or hostile) as member {@code extraName}. A
     * union gets exactly one member: {@code extraName} when given, else the first that has a valid value.
     */
    RawJson.Obj structure(Shape shape, String extraName, List<RawJson> extra) {
        List<Map.Entry<String, RawJson>> members = new ArrayList<>();
        if (shape.union()) {
            if (extraName == null) {
                Member first = shape.members().get(0);
                members.add(Map.entry(first.name(), of(contract.shape(first.shapeName()), first.name())));
            }
        } else {
            for (Member m : shape.members()) {
                if (m.required() && !m.name().equals(extraName)) {
                    members.add(Map.entry(m.name(), of(contract.shape(m.shapeName()), m.name())));
                }
            }
        }
        if (extraName != null) {
            extra.forEach(value -> members.add(Map.entry(extraName, value)));
        }
        return RawJson.object(members);
    }

    /** How many elements a valid list of {@code shape} has: its minimum, at least one. */
    static int listSize(Shape shape) {
        int min = shape.min() == null ? 1 : Math.max(1, shape.min().intValue());
        return shape.max() == null ? min : Math.min(min, shape.max().intValue());
    }

    String text(Shape shape, String memberName) {
        return textOrEmpty(shape, memberName).orElseThrow(() -> new IllegalStateException(
                "no valid example for " + memberName + " (" + shape.name() + ", pattern " + shape.pattern()
                        + ", length " + shape.min() + ".." + shape.max() + ")"));
    }

    Optional<String> textOrEmpty(Shape shape, String memberName) {
        String mine = seeded.get(memberName);
        if (mine != null && fits(shape, mine)) {
            return Optional.of(mine);
        }
        if (shape.hasEnum()) {
            return Optional.of(shape.enumValues().get(0));
        }
        return java.util.stream.Stream.concat(EXAMPLES.stream(),
                        ARN_KINDS.stream().map(k -> "arn:aws:sagemaker:us-east-1:123456789012:" + k + "/hostile"))
                .filter(e -> fits(shape, e)).findFirst()
                .or(() -> shape.min() != null && fits(shape, "a".repeat(shape.min().intValue()))
                        ? Optional.of("a".repeat(shape.min().intValue())) : Optional.empty());
    }

    /** Whether a string meets the shape's length (in code points), pattern and enum. */
    static boolean fits(Shape shape, String value) {
        int length = value.codePointCount(0, value.length());
        return (shape.min() == null || length >= shape.min().intValue())
                && (shape.max() == null || BigDecimal.valueOf(length).compareTo(shape.max()) <= 0)
                && (shape.pattern() == null || shape.pattern().matcher(value).matches())
                && (!shape.hasEnum() || shape.enumValues().contains(value));
    }

    /** A number within the shape's range: 1 when allowed, else the nearest bound. */
    static BigDecimal number(Shape shape) {
        BigDecimal v = BigDecimal.ONE;
        if (shape.min() != null && v.compareTo(shape.min()) < 0) {
            v = shape.min();
        }
        if (shape.max() != null && v.compareTo(shape.max()) > 0) {
            v = shape.max();
        }
        return v;
    }
}
