package io.github.capacityemulator.tools;

import javax.lang.model.SourceVersion;
import java.util.Locale;
import java.util.Set;

/** Java names for the model's member names, as the request records use them. */
final class JavaNames {

    /**
     * Names a record component cannot take although they are not keywords: the methods of {@code Object}
     * a record may not declare or override with an accessor, and the restricted identifiers.
     */
    private static final Set<String> UNUSABLE = Set.of(
            "clone", "finalize", "getClass", "hashCode", "notify", "notifyAll", "toString", "wait",
            "var", "yield", "record", "sealed", "permits");

    private JavaNames() {
    }

    /**
     * The member name in lowerCamel: a leading run of capitals is lower-cased, except its last capital
     * when a lower-case letter follows, which starts the next word ({@code VpcConfig -> vpcConfig},
     * {@code KMSKeyId -> kmsKeyId}, {@code IAMRole -> iamRole}, {@code EC2Type -> ec2Type},
     * {@code FSxLustreConfig -> fSxLustreConfig}, the AWS SDK's own names).
     */
    static String lowerCamel(String memberName) {
        int run = 0;
        while (run < memberName.length() && Character.isUpperCase(memberName.charAt(run))) {
            run++;
        }
        if (run > 1 && run < memberName.length() && Character.isLowerCase(memberName.charAt(run))) {
            run--;
        }
        return memberName.substring(0, run).toLowerCase(Locale.ROOT) + memberName.substring(run);
    }

    /** A component name for the member: its lowerCamel, with {@code Value} appended while it is unusable or taken. */
    static String componentName(String memberName, Set<String> taken) {
        String name = lowerCamel(memberName);
        while (SourceVersion.isKeyword(name) || UNUSABLE.contains(name) || taken.contains(name)) {
            name = name + "Value";
        }
        if (!SourceVersion.isIdentifier(name)) {
            throw new IllegalArgumentException("member " + memberName + " has no Java name (" + name + ")");
        }
        return name;
    }

    /** A shape name as a record name; refuses what is not a Java type name or would hide a type the records use. */
    static String recordName(String shapeName, Set<String> hidden) {
        if (!SourceVersion.isName(shapeName) || shapeName.contains(".") || UNUSABLE.contains(shapeName)
                || hidden.contains(shapeName)) {
            throw new IllegalArgumentException("structure " + shapeName + " cannot be a record name");
        }
        return shapeName;
    }
}
