package dev.newsbrief.chat;

import dev.newsbrief.config.Config;
import dev.newsbrief.config.ConfigException;
import java.util.LinkedHashSet;
import java.util.Set;

/** Reads {@link ChatSettings} from the {@code chat:} section and {@code telegram.admins}. */
public final class ChatSettingsReader {
    private ChatSettingsReader() {}

    public static ChatSettings from(Config config) {
        Set<Long> admins = new LinkedHashSet<>();
        for (String id : config.strings("telegram.admins")) {
            try {
                admins.add(Long.parseLong(id.strip()));
            } catch (NumberFormatException e) {
                throw new ConfigException("telegram.admins holds a non-numeric user id: " + id, e);
            }
        }
        return new ChatSettings(config.strings("chat.examples"), config.duration("chat.button-ttl"),
                config.integer("chat.max-topic-length"), config.integer("chat.inline-results"), admins);
    }
}
