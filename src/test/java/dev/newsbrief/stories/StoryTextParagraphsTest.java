package dev.newsbrief.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StoryTextParagraphsTest {

    private static List<String> nonEmpty(List<String> pieces) {
        return pieces.stream().filter(p -> !p.isEmpty()).toList();
    }

    @Test
    void paragraphsAreWhatTheBlankLineRegexSplitsOff() {
        assertThat(StoryText.paragraphs("One.\n\nTwo.\n \t\r\n Three.\nStill three.\n\n"))
                .containsExactly("One.", "Two.", " Three.\nStill three.");
        assertThat(StoryText.paragraphs("No break at all.")).containsExactly("No break at all.");
        assertThat(StoryText.paragraphs("")).isEmpty();
    }

    @Test
    void agreesWithTheRegexOnRandomText() {
        Random random = new Random(13);
        char[] alphabet = {'a', 'b', ' ', '\n', '\t', '\r', '\f', 0x0B, '.'};
        for (int round = 0; round < 20_000; round++) {
            char[] text = new char[random.nextInt(30)];
            for (int i = 0; i < text.length; i++) {
                text[i] = alphabet[random.nextInt(alphabet.length)];
            }
            String body = new String(text);
            assertThat(nonEmpty(StoryText.paragraphs(body))).as("%s", body.replace("\n", "\\n"))
                    .isEqualTo(nonEmpty(Arrays.asList(body.split("\\n\\s*\\n"))));
        }
    }
}
