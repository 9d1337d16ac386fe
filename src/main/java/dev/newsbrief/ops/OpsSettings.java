package dev.newsbrief.ops;

import dev.newsbrief.config.Config;
import dev.newsbrief.config.ConfigException;
import java.time.Duration;

/**
 * The {@code ops.*} settings, validated.
 *
 * @param httpEnabled        whether to serve /healthz and /metrics
 * @param bind               address to listen on
 * @param port               port to listen on, 0 for any free port
 * @param pollingStaleAfter  Telegram polling is unhealthy after this long without a successful poll
 */
public record OpsSettings(boolean httpEnabled, String bind, int port, Duration pollingStaleAfter) {
    public static final OpsSettings DEFAULTS = from(Config.defaults());

    public OpsSettings {
        if (port < 0 || port > 65_535) {
            throw new ConfigException("setting ops.http.port must be between 0 and 65535 (got " + port + ")");
        }
        if (bind == null || bind.isBlank()) {
            throw new ConfigException("setting ops.http.bind must name an address such as 127.0.0.1 or 0.0.0.0");
        }
        if (pollingStaleAfter.isNegative() || pollingStaleAfter.isZero()) {
            throw new ConfigException("setting ops.polling-stale-after must be positive (got " + pollingStaleAfter + ")");
        }
    }

    public static OpsSettings from(Config config) {
        long port = config.number("ops.http.port");
        if (port < 0 || port > 65_535) {
            throw new ConfigException("setting ops.http.port must be between 0 and 65535 (got " + port + ") at "
                    + config.origin("ops.http.port"));
        }
        return new OpsSettings(config.bool("ops.http.enabled"), config.string("ops.http.bind"), (int) port,
                config.duration("ops.polling-stale-after"));
    }

    public OpsSettings withPort(int newPort) {
        return new OpsSettings(httpEnabled, bind, newPort, pollingStaleAfter);
    }
}
