package io.github.capacityemulator.core.contract;

/** A structure member: its wire name, the shape it holds, and whether the model requires it. */
public record Member(String name, String shapeName, boolean required) {

    /** The name as SageMaker writes it in validation paths: the first letter in lower case. */
    public String pathName() {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
