package dev.newsbrief.telegram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Telegram HTML helpers: escaping, and splitting a long message into parts of at most 4096
 * characters at paragraph boundaries (then lines, then spaces) without cutting a tag or an
 * entity. Tags open at a cut are closed at the end of the part and reopened in the next one, so
 * every part is valid on its own.
 */
public final class TelegramHtml {
    /** Telegram's limit on a message's text, in characters. */
    public static final int MAX_MESSAGE_LENGTH = 4096;

    private TelegramHtml() {}

    /** Escapes text for HTML parse mode (and for attribute values). */
    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> {
                    if (c == 0 || (Character.isISOControl(c) && c != '\n' && c != '\t')) {
                        continue; // NUL and control characters are not valid message text
                    }
                    sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    /** Splits valid HTML into valid parts of at most {@code max} characters. */
    public static List<String> split(String html, int max) {
        List<String> parts = new ArrayList<>();
        String rest = html.strip();
        Deque<String> reopen = new ArrayDeque<>();
        while (!rest.isEmpty()) {
            String prefix = String.join("", reopen);
            if (prefix.length() + rest.length() <= max) {
                parts.add(prefix + rest);
                break;
            }
            // room for the reopened tags and for closing tags at the end (each at most ~12 chars)
            int budget = max - prefix.length() - 16 * (reopen.size() + 4);
            int cut = cutPoint(rest, Math.max(budget, 1));
            String piece = rest.substring(0, cut);
            Deque<String> open = openTagsAfter(reopen, piece);
            StringBuilder part = new StringBuilder(prefix).append(piece.stripTrailing());
            for (var it = open.descendingIterator(); it.hasNext(); ) {
                part.append("</").append(tagName(it.next())).append('>');
            }
            parts.add(part.toString());
            reopen = open;
            rest = rest.substring(cut).stripLeading();
        }
        return parts;
    }

    /** The best place to cut {@code s} at or before {@code budget}: paragraph, line, space, else any safe spot. */
    private static int cutPoint(String s, int budget) {
        int limit = Math.min(budget, s.length());
        for (String separator : new String[] {"\n\n", "\n", " "}) {
            int at = s.lastIndexOf(separator, limit - separator.length());
            while (at > 0 && !safe(s, at)) {
                at = s.lastIndexOf(separator, at - 1);
            }
            if (at > limit / 4) {
                return at + separator.length();
            }
        }
        int at = limit;
        while (at > 1 && !safe(s, at)) {
            at--;
        }
        if (Character.isLowSurrogate(s.charAt(at))) {
            at--;
        }
        return Math.max(at, 1);
    }

    /** True when position {@code i} is outside any tag and entity. */
    private static boolean safe(String s, int i) {
        int lt = s.lastIndexOf('<', i - 1);
        int gt = s.lastIndexOf('>', i - 1);
        if (lt > gt) {
            return false;
        }
        int amp = s.lastIndexOf('&', i - 1);
        int semi = s.lastIndexOf(';', i - 1);
        return amp <= semi || i - amp > 10;
    }

    /** The stack of open tags (outermost first) after {@code piece}, starting from {@code initial}. */
    private static Deque<String> openTagsAfter(Deque<String> initial, String piece) {
        Deque<String> stack = new ArrayDeque<>();
        initial.forEach(stack::addLast);
        int i = 0;
        while ((i = piece.indexOf('<', i)) >= 0) {
            int end = piece.indexOf('>', i);
            if (end < 0) {
                break;
            }
            String tag = piece.substring(i, end + 1);
            if (tag.startsWith("</")) {
                if (!stack.isEmpty()) {
                    stack.removeLast();
                }
            } else {
                stack.addLast(tag);
            }
            i = end + 1;
        }
        return stack;
    }

    private static String tagName(String openTag) {
        int end = 1;
        while (end < openTag.length() && Character.isLetterOrDigit(openTag.charAt(end))
                || end < openTag.length() && openTag.charAt(end) == '-') {
            end++;
        }
        return openTag.substring(1, end);
    }
}
