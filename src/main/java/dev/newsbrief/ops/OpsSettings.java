package dev.newsbrief.ops;

import dev.newsbrief.core.OptionException;
import java.time.Duration;
import java.util.Objects;

/**
 * The operations settings (section {@code ops:} of the config).
 *
 * @param http               the /healthz and /metrics listener
 * @param pollingStaleAfter  Telegram polling is unhealthy after this long without a successful poll
 * @param backupTimeout      a {@code backup} still copying after this long is stopped with a clear error
 */
public record OpsSettings(Http http, Duration pollingStaleAfter, Duration backupTimeout) {
    public static final OpsSettings DEFAULTS = new OpsSettings(new Http(true, "127.0.0.1", 8080,
            Duration.ofSeconds(5), Duration.ofSeconds(10)), Duration.ofMinutes(3), Duration.ofMinutes(30));

    public OpsSettings {
        Objects.requireNonNull(http, "http");
        if (pollingStaleAfter.isNegative() || pollingStaleAfter.isZero()) {
            throw new OptionException("pollingStaleAfter", "must be positive (got " + pollingStaleAfter + ")");
        }
        if (!backupTimeout.isPositive()) {
            throw new OptionException("backupTimeout", "must be positive (got " + backupTimeout + ")");
        }
    }

    /**
     * The health and metrics listener.
     *
     * @param enabled        whether to serve /healthz and /metrics
     * @param bind           address to listen on
     * @param port           port to listen on, 0 for any free port
     * @param readTimeout    a connection that sends nothing for this long is closed
     * @param requestTimeout every connection is closed this long after it opened
     */
    public record Http(boolean enabled, String bind, int port, Duration readTimeout, Duration requestTimeout) {
        public Http {
            if (port < 0 || port > 65_535) {
                throw new OptionException("port", "must be between 0 and 65535 (got " + port + ")");
            }
            if (bind == null || bind.isBlank()) {
                throw new OptionException("bind", "must name an address such as 127.0.0.1 or 0.0.0.0");
            }
            if (!readTimeout.isPositive()) {
                throw new OptionException("readTimeout", "must be positive (got " + readTimeout + ")");
            }
            if (!requestTimeout.isPositive()) {
                throw new OptionException("requestTimeout", "must be positive (got " + requestTimeout + ")");
            }
        }
    }

    public OpsSettings withPort(int newPort) {
        return new OpsSettings(new Http(http.enabled(), http.bind(), newPort, http.readTimeout(),
                http.requestTimeout()), pollingStaleAfter, backupTimeout);
    }

    public OpsSettings withTimeouts(Duration read, Duration request) {
        return new OpsSettings(new Http(http.enabled(), http.bind(), http.port(), read, request), pollingStaleAfter,
                backupTimeout);
    }
}
