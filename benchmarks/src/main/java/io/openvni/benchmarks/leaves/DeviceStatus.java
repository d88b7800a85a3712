package io.openvni.benchmarks.leaves;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvni.testlib.controller.RestconfClient;
import java.util.HashMap;
import java.util.Map;

/**
 * One device's entry in {@code openvni-status:status}, as far as the benchmark cares.
 *
 * @param syncState pending, in-sync, failed, unreachable or drifted
 * @param desired desired-generation, 0 when absent
 * @param applied applied-generation, 0 when absent
 * @param lastError last-error, empty when absent
 */
public record DeviceStatus(String syncState, long desired, long applied, String lastError) {
    private static final String PATH = RestconfClient.DATA + "openvni-status:status?content=nonconfig";

    public boolean inSync() {
        return "in-sync".equals(syncState) && applied >= desired;
    }

    @Override
    public String toString() {
        return syncState + " desired " + desired + " applied " + applied
            + (lastError.isEmpty() ? "" : ", last-error: " + lastError);
    }

    /** Every device's status, by name; devices the controller does not report yet are absent. */
    public static Map<String, DeviceStatus> read(final RestconfClient restconf) {
        final var response = restconf.get(PATH);
        final var result = new HashMap<String, DeviceStatus>();
        if (response.status() != 200) {
            // 409 data-missing before the controller wrote its first status
            return result;
        }
        for (JsonNode device : response.json().path("openvni-status:status").path("device")) {
            // uint64 leaves are JSON strings (RFC 7951); asLong parses them
            result.put(device.path("name").asText(), new DeviceStatus(device.path("sync-state").asText(),
                device.path("desired-generation").asLong(), device.path("applied-generation").asLong(),
                device.path("last-error").asText()));
        }
        return result;
    }
}
