package dev.newsbrief.chat;

/**
 * An inline button: a label and the token of its server-side state.
 *
 * @param label what the user sees
 * @param token key into {@code callback_state}; at most 64 bytes
 */
public record Button(String label, String token) {
    public Button {
        if (token.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 64) {
            throw new IllegalArgumentException("callback token longer than 64 bytes");
        }
    }
}
