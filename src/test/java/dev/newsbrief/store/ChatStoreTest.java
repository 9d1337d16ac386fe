package dev.newsbrief.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(StoreBackend.class)
class ChatStoreTest {
    @Parameter
    StoreBackend backend;

    @TempDir
    Path dir;

    @Test
    void migrationMovesOrMergesSubscriptionsAndStopDeletesEverything() {
        try (Database db = backend.open(dir, "c.db")) {
            ChatStore chats = new ChatStore(db);
            SubscriptionStore subs = new SubscriptionStore(db);
            chats.touch(-1, "group", "G");
            subs.add(-1, "oil", "Oil");
            chats.migrate(-1, -100);
            assertThat(chats.find(-100)).hasValueSatisfying(c -> assertThat(c.type()).isEqualTo("supergroup"));
            assertThat(subs.forChat(-100)).extracting(Subscription::topic).containsExactly("oil");

            // the new id already exists (its first message raced the migration): topics are merged
            chats.touch(-2, "group", "H");
            subs.add(-2, "gas", "Gas");
            subs.add(-2, "oil", "Oil");
            chats.migrate(-2, -100);
            assertThat(subs.forChat(-100)).extracting(Subscription::topic).containsExactlyInAnyOrder("oil", "gas");
            assertThat(chats.find(-2)).isEmpty();

            CallbackStateStore buttons = new CallbackStateStore(db);
            String token = buttons.create(-100, "more", "cursor");
            assertThat(token.length()).isLessThanOrEqualTo(64);
            chats.delete(-100);
            assertThat(subs.forChat(-100)).isEmpty();
            assertThat(buttons.find(token)).isEmpty();
        }
    }

    @Test
    void deactivationAndExpiryOfButtons() {
        try (Database db = backend.open(dir, "d.db")) {
            ChatStore chats = new ChatStore(db);
            assertThat(chats.isActive(5)).isTrue();
            chats.touch(5, "private", null);
            assertThat(chats.deactivate(5)).isTrue();
            assertThat(chats.isActive(5)).isFalse();
            assertThat(chats.deactivate(5)).isFalse();
            chats.touch(5, "private", null);
            assertThat(chats.isActive(5)).isTrue();

            CallbackStateStore buttons = new CallbackStateStore(db);
            String token = buttons.create(5, "subscribe", "oil");
            assertThat(buttons.deleteOlderThan(Instant.now().minusSeconds(60))).isZero();
            assertThat(buttons.deleteOlderThan(Instant.now().plusSeconds(1))).isEqualTo(1);
            assertThat(buttons.find(token)).isEmpty();
        }
    }

    @Test
    void subscriptionAndOffsetFiguresComeFromTheirOwners() {
        try (Database db = backend.open(dir, "f.db")) {
            ChatStore chats = new ChatStore(db);
            SubscriptionStore subs = new SubscriptionStore(db);
            UpdateOffsetStore offsets = new UpdateOffsetStore(db);
            assertThat(subs.chatsFollowing()).isZero();
            assertThat(offsets.highestProcessed()).isZero();
            chats.touch(1, "private", null);
            chats.touch(2, "private", null);
            subs.add(1, "oil", "Oil");
            subs.add(1, "gold", "Gold");
            subs.add(2, "oil", "Oil");
            assertThat(subs.chatsFollowing()).isEqualTo(2);
            assertThat(subs.topicsFollowed()).isEqualTo(2);
            offsets.advance("bot-a", 41);
            offsets.advance("bot-b", 17);
            assertThat(offsets.highestProcessed()).isEqualTo(41);
        }
    }
}
