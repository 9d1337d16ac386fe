package dev.newsbrief.telegram;

import dev.newsbrief.brief.TelegramHtml;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A strict checker for Telegram's HTML parse mode: allowed tags only, nested, escaped, ≤ 4096 chars. */
final class StrictTelegramHtml {
    private static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a",
            "code", "pre", "tg-spoiler", "blockquote", "span");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-z-]+)((?:\\s+[a-z-]+=\"[^\"<>]*\")*)\\s*>");
    private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|quot|#\\d+|#x[0-9a-fA-F]+);");

    private StrictTelegramHtml() {}

    /** Returns null when valid, else what is wrong. */
    static String problem(String html) {
        if (html.length() > 4096) {
            return "longer than 4096: " + html.length();
        }
        if (html.isBlank()) {
            return "empty message";
        }
        Deque<String> open = new ArrayDeque<>();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                Matcher m = TAG.matcher(html);
                m.region(i, html.length());
                if (!m.lookingAt()) {
                    return "bad tag at " + i + ": " + html.substring(i, Math.min(html.length(), i + 20));
                }
                String name = m.group(2);
                if (!TAGS.contains(name)) {
                    return "tag not allowed: " + name;
                }
                if (m.group(1).isEmpty()) {
                    open.push(name);
                } else if (open.isEmpty() || !open.pop().equals(name)) {
                    return "misnested </" + name + "> at " + i;
                }
                i = m.end();
            } else if (c == '&') {
                Matcher m = ENTITY.matcher(html);
                m.region(i, html.length());
                if (!m.lookingAt()) {
                    return "bad entity at " + i;
                }
                i = m.end();
            } else if (c == '>') {
                return "unescaped > at " + i;
            } else if (c == 0) {
                return "NUL at " + i;
            } else {
                i++;
            }
        }
        return open.isEmpty() ? null : "unclosed " + open;
    }
}
