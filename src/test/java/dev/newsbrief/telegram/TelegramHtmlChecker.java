package dev.newsbrief.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict validator of Telegram's HTML parse mode, stricter than Telegram itself: only the
 * allowed tags, properly nested and never nested in themselves, {@code <a>} with exactly one
 * http(s) href, only the four entities our escaper writes, no raw {@code < > &}, no NUL, no broken
 * surrogate pair, not empty, at most 4096 characters. Shared by every package's tests.
 */
public final class TelegramHtmlChecker {
    private static final Set<String> ALLOWED = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del",
            "a", "code", "pre", "tg-spoiler", "blockquote");
    private static final Pattern OPEN = Pattern.compile("<([a-z-]+)((?: [a-z]+=\"[^\"<>]*\")*)>");
    private static final Pattern CLOSE = Pattern.compile("</([a-z-]+)>");
    private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|quot);");
    private static final Pattern HREF = Pattern.compile(" href=\"(https?://[^\"<>]*)\"");

    private TelegramHtmlChecker() {
    }

    /** Fails the test with the first problem of {@code html}. */
    public static void assertValid(String html) {
        assertThat(problem(html)).as("Telegram HTML problem in: %s", html).isNull();
    }

    /** The first problem of {@code html} as a Telegram message, or null when it is valid. */
    public static String problem(String html) {
        if (html.length() > 4096) {
            return "longer than 4096: " + html.length();
        }
        if (html.isBlank()) {
            return "empty message";
        }
        Deque<String> stack = new ArrayDeque<>();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                Matcher close = CLOSE.matcher(html).region(i, html.length());
                Matcher open = OPEN.matcher(html).region(i, html.length());
                if (close.lookingAt()) {
                    if (stack.isEmpty() || !stack.pop().equals(close.group(1))) {
                        return "mis-nested </" + close.group(1) + "> at " + i;
                    }
                    i = close.end();
                } else if (open.lookingAt()) {
                    String name = open.group(1);
                    String attrs = open.group(2);
                    if (!ALLOWED.contains(name)) {
                        return "tag not allowed: " + name;
                    } else if (name.equals("a") && !HREF.matcher(attrs).matches()) {
                        return "<a> needs exactly one http(s) href: " + attrs;
                    } else if (!name.equals("a") && !attrs.isEmpty()) {
                        return "attributes not allowed on " + name;
                    } else if (stack.contains(name)) {
                        return "nested " + name + " at " + i;
                    }
                    stack.push(name);
                    i = open.end();
                } else {
                    return "raw < at " + i;
                }
            } else if (c == '&') {
                if (!ENTITY.matcher(html).region(i, html.length()).lookingAt()) {
                    return "raw & or unknown entity at " + i;
                }
                i = html.indexOf(';', i) + 1;
            } else if (c == '>') {
                return "raw > at " + i;
            } else if (c == 0) {
                return "NUL at " + i;
            } else if (Character.isHighSurrogate(c)
                    && (i + 1 >= html.length() || !Character.isLowSurrogate(html.charAt(i + 1)))) {
                return "broken surrogate pair at " + i;
            } else {
                i++;
            }
        }
        return stack.isEmpty() ? null : "unclosed " + stack;
    }
}
