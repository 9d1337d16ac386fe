package dev.newsbrief.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The named health checks of a running process. Components (store, index, Telegram polling, ...)
 * register here; {@link #run()} asks each one and the process is healthy only when all are.
 */
public final class HealthChecks {
    private final Map<String, HealthCheck> checks = new ConcurrentHashMap<>();
    private final Redactor redactor;

    public HealthChecks(Redactor redactor) {
        this.redactor = redactor;
    }

    /** Adds or replaces the check called {@code name}. */
    public HealthChecks register(String name, HealthCheck check) {
        checks.put(name, check);
        return this;
    }

    public void unregister(String name) {
        checks.remove(name);
    }

    /** Runs every check, in name order; a check that throws is unhealthy with its (redacted) message. */
    public HealthReport run() {
        Map<String, HealthCheck.Result> results = new LinkedHashMap<>();
        checks.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            HealthCheck.Result r;
            try {
                r = e.getValue().check();
                if (r == null) {
                    r = HealthCheck.Result.unhealthy("check returned nothing");
                }
            } catch (RuntimeException ex) {
                r = HealthCheck.Result.unhealthy(ex.getClass().getSimpleName() + ": " + ex.getMessage());
            }
            results.put(e.getKey(), new HealthCheck.Result(r.healthy(), redactor.redact(r.detail())));
        });
        return new HealthReport(results);
    }
}
