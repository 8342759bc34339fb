package io.github.capacityemulator.core.clusters;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.capacityemulator.core.requests.ClusterInstanceGroupSpecification;

import java.util.ArrayList;
import java.util.List;

/** An instance group as a request specifies it: the typed specification, and the same one as sent (for its echo). */
record GroupRequest(ClusterInstanceGroupSpecification spec, JsonNode raw) {

    String name() {
        return spec.instanceGroupName();
    }

    /** The groups of a request: typed ones beside the raw items of the same list. */
    static List<GroupRequest> all(List<ClusterInstanceGroupSpecification> specs, JsonNode rawList) {
        List<GroupRequest> out = new ArrayList<>();
        if (specs != null) {
            for (int i = 0; i < specs.size(); i++) {
                out.add(new GroupRequest(specs.get(i), rawList.get(i)));
            }
        }
        return out;
    }

    GroupFacts facts(String zone, long createdAt) {
        return GroupFacts.of(spec, raw, zone, createdAt);
    }
}
