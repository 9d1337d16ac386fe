package dev.newsbrief.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressingTest {
    private final Addressing a = new Addressing("NewsBot");

    @Test
    void privateChatsGetEverythingWithTheBotNameStripped() {
        assertThat(a.forBot("oil prices", false, false)).contains("oil prices");
        assertThat(a.forBot("/start@NewsBot", false, false)).contains("/start");
        assertThat(a.forBot("  ", false, false)).isEmpty();
    }

    @Test
    void groupsOnlyGetCommandsMentionsAndReplies() {
        assertThat(a.forBot("hello all", true, false)).isEmpty();
        assertThat(a.forBot("/help", true, false)).contains("/help");
        assertThat(a.forBot("/help@newsbot now", true, false)).contains("/help now");
        assertThat(a.forBot("/help@OtherBot", true, false)).isEmpty();
        assertThat(a.forBot("@NewsBot what about oil?", true, false)).contains("what about oil?");
        assertThat(a.forBot("ask @newsbot", true, false)).contains("ask");
        assertThat(a.forBot("@NewsBotFan hi", true, false)).isEmpty();
        assertThat(a.forBot("mail me@NewsBot.com", true, false)).isEmpty();
        assertThat(a.forBot("@NewsBot", true, false)).contains("/help");
        assertThat(a.forBot("and oil?", true, true)).contains("and oil?");
    }
}
