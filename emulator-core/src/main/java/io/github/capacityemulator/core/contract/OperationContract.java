package io.github.capacityemulator.core.contract;

import java.util.List;

/** An emulated operation: its input and output shape names and the error codes the model lists. */
public record OperationContract(String name, String input, String output, List<String> errors) {
}
