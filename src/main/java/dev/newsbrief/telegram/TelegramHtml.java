package dev.newsbrief.telegram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Helpers for Telegram's HTML parse mode: escaping, links, and packing rendered blocks into
 * messages, cutting markup (only when one block is longer than a message) without ever breaking a
 * tag, an entity or (when avoidable) a word, closing the tags left open at a cut and reopening
 * them in the next part.
 */
public final class TelegramHtml {
    /** Telegram's hard limit on a message's text, in characters after entity parsing; we count raw. */
    public static final int MAX_MESSAGE_CHARS = 4096;
    private static final String ELLIPSIS = "\u2026";
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private TelegramHtml() {
    }

    /**
     * Escapes text for Telegram HTML: {@code & < > "} become entities, NUL and other control
     * characters (which are not valid message text) are dropped, everything else is literal.
     */
    /**
     * {@code text} wrapped in Unicode first-strong isolates (U+2068 ... U+2069) when it holds
     * right-to-left letters (Arabic, Hebrew, Persian), so that an Arabic title in an English
     * citation line, or an English name in a Hebrew sentence, keeps the line's order: numbers,
     * dashes and brackets around it stay where they are. Left-to-right text is returned as it is.
     */
    public static String isolate(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            byte d = Character.getDirectionality(cp);
            if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return "\u2068" + text + "\u2069";
            }
            i += Character.charCount(cp);
        }
        return text;
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> {
                    if (c == 0 || (Character.isISOControl(c) && c != '\n' && c != '\t')) {
                        continue;
                    }
                    sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    /** Longest escaped href kept; a longer one would crowd the message and could not be split around. */
    private static final int MAX_HREF_CHARS = 1000;

    /**
     * A link, or just the escaped label when the URL is not http(s) (Telegram rejects other schemes)
     * or is absurdly long once escaped.
     */
    public static String link(String url, String label) {
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            return escape(label);
        }
        String href = escape(url);
        if (href.length() > MAX_HREF_CHARS) {
            return escape(label);
        }
        return "<a href=\"" + href + "\">" + escape(label) + "</a>";
    }

    /**
     * {@code html} cut to at most {@code max} characters at a safe place (preferring a space), with an
     * ellipsis and the open tags closed. Returned unchanged when it already fits.
     */
    public static String truncate(String html, int max) {
        if (html.length() <= max) {
            return html;
        }
        Cut cut = cut(html, max - ELLIPSIS.length());
        return html.substring(0, cut.at()).stripTrailing() + ELLIPSIS + closing(cut.open());
    }

    /**
     * Splits {@code html} into messages of at most {@code max} characters between its paragraphs
     * (blank lines); see {@link #pack}.
     */
    public static List<String> split(String html, int max) {
        return pack(List.of(html.split("\n\n")), max);
    }

    /**
     * Packs rendered blocks (paragraphs, items: each a complete piece of markup) into messages of at
     * most {@code max} characters, separated by a blank line, cutting only between blocks. A block
     * longer than a whole message is the one thing cut inside, at a space where possible, with the
     * tags open at the cut closed and reopened in the next part.
     */
    public static List<String> pack(List<String> blocks, int max) {
        if (max < 64) {
            throw new IllegalArgumentException("max must leave room for markup, got " + max);
        }
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String block : blocks) {
            String p = block;
            if (!current.isEmpty() && current.length() + 2 + p.length() <= max) {
                current.append("\n\n").append(p);
                continue;
            }
            if (!current.isEmpty()) {
                parts.add(current.toString());
                current.setLength(0);
            }
            while (p.length() > max) {
                Cut cut = cut(p, max);
                String rest = opening(cut.open()) + p.substring(cut.at()).stripLeading();
                if (cut.at() == 0 || rest.length() >= p.length()) {
                    // the open tags alone do not fit: keep the text and drop the markup, which always splits
                    p = TAG.matcher(p).replaceAll("");
                    continue;
                }
                parts.add(p.substring(0, cut.at()).stripTrailing() + closing(cut.open()));
                p = rest;
            }
            current.append(p);
        }
        if (!current.isEmpty() && !current.toString().isBlank()) {
            parts.add(current.toString());
        }
        return parts;
    }

    private record Cut(int at, List<String> open) {
    }

    /** Where to cut so that text before it plus closing tags fit in {@code budget}. */
    private static Cut cut(String html, int budget) {
        Deque<String> stack = new ArrayDeque<>();
        int i = 0;
        int bestSpace = -1;
        List<String> bestSpaceOpen = List.of();
        int bestAny = 0;
        List<String> bestAnyOpen = List.of();
        while (i < html.length()) {
            char c = html.charAt(i);
            int next;
            if (c == '<') {
                int close = html.indexOf('>', i);
                next = close < 0 ? html.length() : close + 1;
                String tag = html.substring(i, next);
                if (tag.startsWith("</")) {
                    if (!stack.isEmpty()) {
                        stack.pop();
                    }
                } else {
                    stack.push(tag);
                }
            } else if (c == '&') {
                int semi = html.indexOf(';', i);
                next = semi < 0 || semi - i > 10 ? i + 1 : semi + 1;
            } else {
                next = Character.isHighSurrogate(c) && i + 1 < html.length() ? i + 2 : i + 1;
            }
            // a cut before position `next` is possible once the unit [i, next) is complete
            List<String> open = new ArrayList<>(stack);
            int closingLength = closing(open).length();
            if (next + closingLength > budget) {
                break;
            }
            if (c != '<') {
                bestAny = next;
                bestAnyOpen = open;
                if (next < html.length() && Character.isWhitespace(html.charAt(next))) {
                    bestSpace = next;
                    bestSpaceOpen = open;
                }
            }
            i = next;
        }
        return bestSpace > 0 ? new Cut(bestSpace, bestSpaceOpen) : new Cut(bestAny, bestAnyOpen);
    }

    private static String closing(List<String> openInnermostFirst) {
        StringBuilder sb = new StringBuilder();
        for (String tag : openInnermostFirst) {
            sb.append("</").append(name(tag)).append('>');
        }
        return sb.toString();
    }

    private static String opening(List<String> openInnermostFirst) {
        StringBuilder sb = new StringBuilder();
        for (int k = openInnermostFirst.size() - 1; k >= 0; k--) {
            sb.append(openInnermostFirst.get(k));
        }
        return sb.toString();
    }

    private static String name(String tag) {
        int end = 1;
        while (end < tag.length() && Character.isLetterOrDigit(tag.charAt(end)) || end < tag.length()
                && tag.charAt(end) == '-') {
            end++;
        }
        return tag.substring(1, end);
    }
}
