package dev.newsbrief.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/** The type and command an update is counted and logged under; never the text itself. */
class UpdateRouterLoggingTest {

    private static Update message(String text) {
        Message m = new Message();
        m.setText(text);
        m.setChat(Chat.builder().id(42L).type("private").build());
        Update u = new Update();
        u.setMessage(m);
        return u;
    }

    @Test
    void commandsAreNamedWithoutTheBotSuffixOrArguments() {
        Update u = message("/Subscribe@newsbrief_bot oil prices");
        assertThat(UpdateRouter.typeOf(u)).isEqualTo("command");
        assertThat(UpdateRouter.commandOf(u, "command")).isEqualTo("subscribe");
        assertThat(UpdateRouter.laneOf(u)).isEqualTo(42L);
    }

    @Test
    void plainTextIsAQuestionAndButtonsAreButtons() {
        Update q = message("what happened to the oil price?");
        assertThat(UpdateRouter.typeOf(q)).isEqualTo("message");
        assertThat(UpdateRouter.commandOf(q, "message")).isEqualTo("ask");

        Update b = new Update();
        CallbackQuery cq = new CallbackQuery();
        cq.setData("more:abc");
        b.setCallbackQuery(cq);
        assertThat(UpdateRouter.typeOf(b)).isEqualTo("callback");
        assertThat(UpdateRouter.commandOf(b, "callback")).isEqualTo("button");
        assertThat(UpdateRouter.typeOf(new Update())).isEqualTo("other");
    }
}
