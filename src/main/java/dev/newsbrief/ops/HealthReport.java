package dev.newsbrief.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.stream.Collectors;

/** The results of all health checks at one moment; healthy when every check is (and there is at least one). */
public record HealthReport(Map<String, HealthCheck.Result> results) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public HealthReport {
        results = Map.copyOf(results);
    }

    public boolean healthy() {
        return !results.isEmpty() && results.values().stream().allMatch(HealthCheck.Result::healthy);
    }

    /** The names of the failing checks, in name order: what changes when the state changes (details tick). */
    public java.util.List<String> failing() {
        return results.entrySet().stream().filter(e -> !e.getValue().healthy()).map(Map.Entry::getKey).sorted()
                .toList();
    }

    /** One line naming the failing checks and why, e.g. {@code telegram: no successful poll for 4m}. */
    public String reason() {
        if (results.isEmpty()) {
            return "no health checks registered";
        }
        return results.entrySet().stream().filter(e -> !e.getValue().healthy()).sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ": " + e.getValue().detail()).collect(Collectors.joining("; "));
    }

    /** {@code {"status":"ok"|"unhealthy","reason":...,"checks":{name:{"healthy":..,"detail":..}}}}. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("status", healthy() ? "ok" : "unhealthy");
        if (!healthy()) {
            root.put("reason", reason());
        }
        ObjectNode checks = root.putObject("checks");
        results.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            ObjectNode c = checks.putObject(e.getKey());
            c.put("healthy", e.getValue().healthy());
            c.put("detail", e.getValue().detail());
        });
        return root.toString();
    }
}
