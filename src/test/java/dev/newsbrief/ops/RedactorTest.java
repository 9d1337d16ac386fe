package dev.newsbrief.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTest {
    private static final String TOKEN = "7412589630:AAHkq3mZr9Xw-Lp0_QeT7sVbN4cYd8uJf2G";

    @Test
    void redactsTokenInsideBotApiUrls() {
        String url = "https://api.telegram.org/bot" + TOKEN + "/getUpdates?offset=5";
        assertThat(Redactor.tokenShapes().redact("GET " + url + " failed"))
                .isEqualTo("GET https://api.telegram.org/bot****/getUpdates?offset=5 failed");
    }

    @Test
    void redactsBareTokensButNotTimesOrIds() {
        Redactor r = Redactor.tokenShapes();
        assertThat(r.redact("token=" + TOKEN + ";")).isEqualTo("token=****;");
        assertThat(r.redact("at 12:30:05 chat 123456789: ok")).isEqualTo("at 12:30:05 chat 123456789: ok");
    }

    @Test
    void redactsKnownSecretsLiterallyEvenWithoutTokenShape() {
        Redactor r = Redactor.tokenShapes().withSecret("s3cr3t-db-password");
        assertThat(r.redact("login with s3cr3t-db-password failed")).isEqualTo("login with **** failed");
        assertThat(Redactor.tokenShapes().withSecret("abc").redact("abc")).isEqualTo("abc");
        assertThat(r.redact(null)).isNull();
    }
}
