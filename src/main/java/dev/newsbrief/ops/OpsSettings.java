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
 * @param readTimeout        the listener closes a connection that sends nothing for this long
 * @param requestTimeout     the listener closes every connection this long after it opened
 * @param backupTimeout      a {@code backup} still copying after this long is stopped with a clear error
 */
public record OpsSettings(boolean httpEnabled, String bind, int port, Duration pollingStaleAfter,
        Duration readTimeout, Duration requestTimeout, Duration backupTimeout) {
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
        if (!readTimeout.isPositive() || !requestTimeout.isPositive() || !backupTimeout.isPositive()) {
            throw new ConfigException("settings ops.http.read-timeout, ops.http.request-timeout and "
                    + "ops.backup-timeout must be positive (got " + readTimeout + ", " + requestTimeout + " and "
                    + backupTimeout + ")");
        }
    }

    public static OpsSettings from(Config config) {
        long port = config.number("ops.http.port");
        if (port < 0 || port > 65_535) {
            throw new ConfigException("setting ops.http.port must be between 0 and 65535 (got " + port + ") at "
                    + config.origin("ops.http.port"));
        }
        return new OpsSettings(config.bool("ops.http.enabled"), config.string("ops.http.bind"), (int) port,
                config.duration("ops.polling-stale-after"), config.duration("ops.http.read-timeout"),
                config.duration("ops.http.request-timeout"), config.duration("ops.backup-timeout"));
    }

    public OpsSettings withPort(int newPort) {
        return new OpsSettings(httpEnabled, bind, newPort, pollingStaleAfter, readTimeout, requestTimeout, backupTimeout);
    }

    public OpsSettings withTimeouts(Duration read, Duration request) {
        return new OpsSettings(httpEnabled, bind, port, pollingStaleAfter, read, request, backupTimeout);
    }
}
