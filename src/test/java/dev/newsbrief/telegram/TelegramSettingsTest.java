package dev.newsbrief.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbrief.config.Config;
import dev.newsbrief.config.ConfigException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.TelegramUrl;

class TelegramSettingsTest {
    private static final String ENV = "NEWSBRIEF_TELEGRAM_BASE_URL";

    private static Config withBaseUrl(String url) {
        return Config.defaults().withEnvironment(Map.of(ENV, url));
    }

    private static TelegramSettings telegramOf(Config config) {
        return config.settings().telegram();
    }

    @Test
    void aMalformedBaseUrlIsAConfigErrorNamingTheSettingAndWhereItWasSet() {
        assertThatThrownBy(() -> telegramOf(withBaseUrl("http://bad host:80")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("telegram.base-url")
                .hasMessageContaining("environment variable " + ENV);
        assertThatThrownBy(() -> telegramOf(withBaseUrl("ftp://example.com")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("telegram.base-url must be an http:// or https:// URL")
                .hasMessageContaining("environment variable " + ENV);
        assertThatThrownBy(() -> telegramOf(withBaseUrl("https:///nohost")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("must name a host");
    }

    @Test
    void aPathIsRefusedBecauseTheClientWouldDropItAndTheTokenIsNotEchoed() {
        assertThatThrownBy(() -> telegramOf(withBaseUrl("http://host:8081/tg")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("telegram.base-url must not have a path");
        assertThatThrownBy(() -> telegramOf(withBaseUrl("https://api.telegram.org/bot123:SECRET")))
                .isInstanceOf(ConfigException.class)
                .message().doesNotContain("SECRET");
    }

    @Test
    void schemeHostAndPortAreKeptWithOrWithoutATrailingSlash() {
        TelegramSettings settings = telegramOf(withBaseUrl("http://127.0.0.1:8081/"));
        TelegramUrl url = TelegramBot.telegramUrl(settings.baseUrl());
        assertThat(url.getSchema()).isEqualTo("http");
        assertThat(url.getHost()).isEqualTo("127.0.0.1");
        assertThat(url.getPort()).isEqualTo(8081);
        TelegramUrl defaults = TelegramBot.telegramUrl(Config.defaults().settings().telegram().baseUrl());
        assertThat(defaults.getHost()).isEqualTo("api.telegram.org");
        assertThat(defaults.getPort()).isEqualTo(443);
        assertThat(TelegramSettings.baseUrlProblem(URI.create("https://api.telegram.org"))).isNull();
    }
}
