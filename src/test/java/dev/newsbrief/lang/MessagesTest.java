package dev.newsbrief.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MessagesTest {
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    private static Properties bundle(String language) throws IOException {
        String name = "/" + Messages.BUNDLE + (language.equals("en") ? "" : "_" + language) + ".properties";
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<Integer> arguments(String pattern) {
        Set<Integer> out = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }

    @Test
    void everyBundleHasExactlyTheKeysOfTheEnglishOne() throws IOException {
        Set<String> english = bundle("en").stringPropertyNames();
        for (String language : Messages.LANGUAGES) {
            assertThat(bundle(language).stringPropertyNames()).as("keys of messages_%s", language)
                    .containsExactlyInAnyOrderElementsOf(english);
        }
    }

    @Test
    void everyPatternParsesAndUsesTheEnglishArguments() throws IOException {
        Properties english = bundle("en");
        for (String language : Messages.LANGUAGES) {
            Properties p = bundle(language);
            for (String key : p.stringPropertyNames()) {
                String pattern = p.getProperty(key);
                new MessageFormat(pattern); // throws on a broken pattern
                assertThat(pattern).as("%s in %s", key, language).isNotBlank();
                assertThat(arguments(pattern)).as("arguments of %s in %s", key, language)
                        .isEqualTo(arguments(english.getProperty(key)));
            }
        }
    }

    @Test
    void languagesTheBotDoesNotSpeakFallBackToEnglish() {
        assertThat(Messages.of("de-AT").get("button.more")).isEqualTo("Mehr");
        assertThat(Messages.of("pt-BR").language()).isEqualTo("pt");
        assertThat(Messages.of("ja").language()).isEqualTo("en");
        assertThat(Messages.of(null).get("more.none")).isEqualTo("That's all I have on this.");
        assertThat(Messages.chatLanguage(null, "ru")).isEqualTo("ru");
        assertThat(Messages.chatLanguage("es", "ru")).isEqualTo("es");
        assertThat(Messages.chatLanguage("xx", "ja")).isEqualTo("en");
    }

    @Test
    void argumentsAndDatesFollowTheLocale() {
        assertThat(Messages.of("de").get("subscriptions.title", 1)).isEqualTo("Du folgst einem Thema");
        assertThat(Messages.of("de").get("subscriptions.title", 3)).isEqualTo("Du folgst 3 Themen");
        assertThat(Messages.english().get("subscriptions.title", 1)).isEqualTo("You follow 1 topic");
        Instant t = Instant.parse("2026-03-05T10:00:00Z");
        assertThat(Messages.english().date(t, ZoneOffset.UTC)).isEqualTo("5 Mar 2026");
        assertThat(Messages.of("de").date(t, ZoneOffset.UTC)).isEqualTo("05.03.2026");
        assertThat(Messages.of("ru").date(t, ZoneOffset.UTC)).contains("2026").contains("5");
    }
}
