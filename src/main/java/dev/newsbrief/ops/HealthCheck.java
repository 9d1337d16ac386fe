package dev.newsbrief.ops;

import java.util.Objects;

/**
 * One component's health, asked on every {@code /healthz} request. Implementations should answer
 * quickly (milliseconds) and may throw: a thrown exception counts as unhealthy with its message.
 */
@FunctionalInterface
public interface HealthCheck {

    Result check();

    /** The outcome of a check; {@code detail} is a short reason an operator can act on. */
    record Result(boolean healthy, String detail) {
        public Result {
            Objects.requireNonNull(detail, "detail");
        }

        public static Result healthy(String detail) {
            return new Result(true, detail);
        }

        public static Result unhealthy(String detail) {
            return new Result(false, detail);
        }
    }
}
