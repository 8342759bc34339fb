package io.github.capacityemulator.core.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.capacityemulator.core.contract.ApiContract;
import io.github.capacityemulator.core.contract.Member;
import io.github.capacityemulator.core.contract.Shape;

import java.util.ArrayList;
import java.util.List;

/**
 * The members of CreateTrainingJob that DescribeTrainingJob gives back as sent: driven by the contract, every input
 * member that the output has with the same shape (the name and tags aside). StoppingCondition comes back with
 * MaxRuntimeInSeconds filled in.
 */
final class JobEcho {

    private final List<String> members;

    JobEcho(ApiContract contract) {
        Shape input = contract.shape(contract.operation("CreateTrainingJob").orElseThrow().input());
        Shape output = contract.shape(contract.operation("DescribeTrainingJob").orElseThrow().output());
        List<String> echoed = new ArrayList<>();
        for (Member m : input.members()) {
            boolean same = output.findMember(m.name()).map(o -> o.shapeName().equals(m.shapeName())).orElse(false);
            if (same && !m.name().equals("TrainingJobName") && !m.name().equals("Tags")) {
                echoed.add(m.name());
            }
        }
        this.members = List.copyOf(echoed);
    }

    ObjectNode of(JsonNode raw, long maxRuntimeSeconds) {
        ObjectNode out = JobJson.object();
        for (String m : members) {
            if (raw.hasNonNull(m)) {
                out.set(m, raw.get(m));
            }
        }
        ObjectNode stopping = out.has("StoppingCondition") ? ((ObjectNode) out.get("StoppingCondition")).deepCopy()
                : JobJson.object();
        stopping.put("MaxRuntimeInSeconds", maxRuntimeSeconds);
        out.set("StoppingCondition", stopping);
        return out;
    }
}
