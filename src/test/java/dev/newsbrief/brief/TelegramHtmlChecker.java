package dev.newsbrief.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A strict validator of Telegram's HTML parse mode, stricter than Telegram itself. */
final class TelegramHtmlChecker {
    private static final Set<String> ALLOWED = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del",
            "a", "code", "pre", "tg-spoiler", "blockquote");
    private static final Pattern OPEN = Pattern.compile("<([a-z-]+)((?: [a-z]+=\"[^\"<>]*\")*)>");
    private static final Pattern CLOSE = Pattern.compile("</([a-z-]+)>");
    private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|quot);");
    private static final Pattern HREF = Pattern.compile(" href=\"(https?://[^\"<>]*)\"");

    private TelegramHtmlChecker() {
    }

    static void assertValid(String html) {
        assertThat(html.length()).as("length").isLessThanOrEqualTo(4096);
        Deque<String> stack = new ArrayDeque<>();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                Matcher close = CLOSE.matcher(html).region(i, html.length());
                Matcher open = OPEN.matcher(html).region(i, html.length());
                if (close.lookingAt()) {
                    if (stack.isEmpty() || !stack.pop().equals(close.group(1))) {
                        fail("mis-nested </" + close.group(1) + "> at " + i + " in: " + html);
                    }
                    i = close.end();
                } else if (open.lookingAt()) {
                    String name = open.group(1);
                    if (!ALLOWED.contains(name)) {
                        fail("tag not allowed: " + name + " in: " + html);
                    }
                    String attrs = open.group(2);
                    if (name.equals("a")) {
                        if (!HREF.matcher(attrs).matches()) {
                            fail("<a> needs exactly one http(s) href: " + attrs);
                        }
                    } else if (!attrs.isEmpty()) {
                        fail("attributes not allowed on " + name);
                    }
                    if (stack.contains(name)) {
                        fail("nested " + name + " in: " + html);
                    }
                    stack.push(name);
                    i = open.end();
                } else {
                    fail("raw < at " + i + " in: " + html);
                }
            } else if (c == '&') {
                Matcher e = ENTITY.matcher(html).region(i, html.length());
                if (!e.lookingAt()) {
                    fail("raw & or unknown entity at " + i + " in: " + html);
                }
                i = e.end();
            } else if (c == '>') {
                fail("raw > at " + i + " in: " + html);
            } else {
                if (Character.isHighSurrogate(c) && (i + 1 >= html.length()
                        || !Character.isLowSurrogate(html.charAt(i + 1)))) {
                    fail("broken surrogate pair at " + i);
                }
                i++;
            }
        }
        assertThat(stack).as("unclosed tags in: " + html).isEmpty();
    }
}
