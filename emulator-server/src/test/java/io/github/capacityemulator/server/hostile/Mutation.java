package io.github.capacityemulator.server.hostile;

/**
 * The ways the suite makes a request invalid. Each one makes it invalid by construction (the contract or the
 * awsJson1.1 protocol refuses it whatever the emulator's state), so the only right answer is a 4xx.
 */
enum Mutation {
    WRONG_JSON_TYPE("a member of the wrong JSON type"),
    MISSING_REQUIRED("a required member left out or null"),
    BELOW_MINIMUM("a length, size or value one below its minimum"),
    ABOVE_MAXIMUM("a length, size or value one above its maximum"),
    PATTERN_MISMATCH("a string, within its length, that breaks its pattern"),
    NOT_IN_ENUM("a string outside its enum"),
    DEEP_NESTING("arrays or objects nested hundreds to a hundred thousand deep"),
    HUGE_STRING("a string far over its limit, up to a few MB and past the body limit"),
    HUGE_ARRAY("an array far over its limit, or of wrong elements, up to hundreds of thousands"),
    NUMBER_BEYOND_LONG("a number beyond long (1e400, 30 digits) where a number is expected"),
    NON_JSON_NUMBER("NaN, Infinity and other tokens that are not JSON numbers"),
    LONE_SURROGATE("an escaped lone surrogate in a string its pattern or enum refuses"),
    INVALID_UTF8("raw bytes that are not UTF-8 inside a string"),
    DUPLICATE_KEY("a member written twice, valid first and invalid last"),
    TRUNCATED_BODY("a valid body cut short, its Content-Length saying so"),
    UNREADABLE_BODY("a body shorter than its Content-Length, or broken chunks"),
    WRONG_CONTENT_TYPE("a valid body under a content type that is not awsJson's"),
    BAD_TARGET("an X-Amz-Target that is missing, malformed or names no operation"),
    WRONG_METHOD("a method other than POST"),
    WRONG_PATH("a path other than /, or one that is not a valid URI path");

    final String description;

    Mutation(String description) {
        this.description = description;
    }
}
