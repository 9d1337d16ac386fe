package dev.newsbrief.brief;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The state behind "More": the query and the articles already shown, so the next page repeats
 * none of them even if the index changed in between. Encoded as URL-safe base64 text; the chat
 * layer maps it to a short callback token when it is longer than Telegram's 64-byte limit.
 */
record BriefCursor(String query, List<String> shownArticleIds) {
    private static final String VERSION = "b1";
    /** Bounds the token: after this many articles "More" stops rather than growing without limit. */
    static final int MAX_SHOWN = 60;

    BriefCursor {
        shownArticleIds = List.copyOf(shownArticleIds);
    }

    String encode() {
        StringBuilder sb = new StringBuilder(VERSION).append('\n').append(query);
        shownArticleIds.forEach(id -> sb.append('\n').append(id));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Optional<BriefCursor> decode(String token) {
        if (token == null || token.isBlank() || token.length() > 20_000) {
            return Optional.empty();
        }
        try {
            String s = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8);
            List<String> parts = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
            if (parts.size() < 2 || !VERSION.equals(parts.get(0))) {
                return Optional.empty();
            }
            return Optional.of(new BriefCursor(parts.get(1), parts.subList(2, parts.size())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
