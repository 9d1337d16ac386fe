package dev.newsbrief.ops;

import dev.newsbrief.core.OptionException;
import java.time.Duration;
import java.util.Objects;

/**
 * The operations settings (section {@code ops:} of the config).
 *
 * @param http               the /healthz and /metrics listener
 * @param pollingStaleAfter  Telegram polling is unhealthy after this long without a successful poll
 */
public record OpsSettings(Http http, Duration pollingStaleAfter) {
    public static final OpsSettings DEFAULTS = new OpsSettings(new Http(true, "127.0.0.1", 8080), Duration.ofMinutes(3));

    public OpsSettings {
        Objects.requireNonNull(http, "http");
        if (pollingStaleAfter.isNegative() || pollingStaleAfter.isZero()) {
            throw new OptionException("pollingStaleAfter", "must be positive (got " + pollingStaleAfter + ")");
        }
    }

    /**
     * The health and metrics listener.
     *
     * @param enabled whether to serve /healthz and /metrics
     * @param bind    address to listen on
     * @param port    port to listen on, 0 for any free port
     */
    public record Http(boolean enabled, String bind, int port) {
        public Http {
            if (port < 0 || port > 65_535) {
                throw new OptionException("port", "must be between 0 and 65535 (got " + port + ")");
            }
            if (bind == null || bind.isBlank()) {
                throw new OptionException("bind", "must name an address such as 127.0.0.1 or 0.0.0.0");
            }
        }
    }

    public OpsSettings withPort(int newPort) {
        return new OpsSettings(new Http(http.enabled(), http.bind(), newPort), pollingStaleAfter);
    }
}
