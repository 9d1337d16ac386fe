package dev.newsbrief.ingest.html;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/**
 * The one walk over a page's body behind {@link DomIndex}: gives each element an id and cuts the
 * text into {@link TextBlock}s as a browser lays it out (block elements and runs of {@code <br>}
 * end a block, inline elements do not). Iterative, so any nesting costs one step per node.
 */
final class BlockSegmenter implements NodeFilter {
    private final int maxDepth;
    final List<Element> elements = new ArrayList<>();
    final List<String> tags = new ArrayList<>();
    int[] parent = new int[256];
    int[] end = new int[256];
    int[] blockStart = new int[256];
    int[] blockEnd = new int[256];
    int[] hints = new int[256];
    boolean[] isBlock = new boolean[256];
    final List<TextBlock> blocks = new ArrayList<>();
    boolean tooDeep;
    private final ClassHints.Cache hintCache;

    /** Open elements (ids), innermost last. */
    private int[] open = new int[64];
    private int openCount;
    /** Open block owners (ids), with whether each has had a block child yet and its context kind. */
    private int[] owners = new int[64];
    private boolean[] hadBlockChild = new boolean[64];
    private TextBlock.Kind[] ownerKind = new TextBlock.Kind[64];
    private int[] ownerLevel = new int[64];
    private int ownerCount;

    private final StringBuilder text = new StringBuilder();
    private boolean pendingSpace;
    private boolean lastWasBreak;
    private int linkChars;
    private int commas;
    private int linkDepth;
    private int preDepth;

    BlockSegmenter(int maxDepth, ClassHints.Cache hintCache) {
        this.maxDepth = maxDepth;
        this.hintCache = hintCache;
    }

    @Override
    public FilterResult head(Node node, int d) {
        if (node instanceof TextNode t) {
            append(t.getWholeText());
            return FilterResult.CONTINUE;
        }
        if (!(node instanceof Element e)) {
            return FilterResult.SKIP_ENTIRELY;
        }
        String tag = e.normalName();
        if (Tags.DROPPED.contains(tag)) {
            return FilterResult.SKIP_ENTIRELY;
        }
        if (openCount >= maxDepth) {
            tooDeep = true;
            return FilterResult.STOP;
        }
        int bits = ClassHints.of(e, hintCache);
        // chrome and hidden inline elements are blocks of their own, so that they can be removed
        boolean block = Tags.isBlock(tag) || (bits & (ClassHints.CHROME | ClassHints.HIDDEN | ClassHints.INSET)) != 0
                && !Tags.OPAQUE.contains(tag) && !tag.equals("br");
        if (block) {
            if (ownerCount > 0) {
                hadBlockChild[ownerCount - 1] = true;
            }
            flush();
        }
        int id = add(e, tag, bits, block);
        if (Tags.OPAQUE.contains(tag)) {
            return FilterResult.SKIP_CHILDREN;
        }
        if (tag.equals("br")) {
            lineBreak();
        } else if (block) {
            pushOwner(id, tag);
        }
        if (tag.equals("a")) {
            linkDepth++;
        }
        if (Tags.isPreformatted(tag)) {
            preDepth++;
        }
        return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int d) {
        if (!(node instanceof Element e) || openCount == 0 || elements.get(open[openCount - 1]) != e) {
            return FilterResult.CONTINUE;
        }
        String tag = tags.get(open[openCount - 1]);
        if (isBlock[open[openCount - 1]]) {
            flush();
            ownerCount--;
        }
        if (tag.equals("a")) {
            linkDepth--;
        }
        if (Tags.isPreformatted(tag)) {
            preDepth--;
        }
        int id = open[--openCount];
        end[id] = elements.size();
        blockEnd[id] = blocks.size();
        return FilterResult.CONTINUE;
    }

    private int add(Element e, String tag, int bits, boolean block) {
        int id = elements.size();
        if (id == parent.length) {
            int n = id * 2;
            hints = Arrays.copyOf(hints, n);
            isBlock = Arrays.copyOf(isBlock, n);
            parent = Arrays.copyOf(parent, n);
            end = Arrays.copyOf(end, n);
            blockStart = Arrays.copyOf(blockStart, n);
            blockEnd = Arrays.copyOf(blockEnd, n);
        }
        elements.add(e);
        tags.add(tag);
        hints[id] = bits;
        isBlock[id] = block;
        parent[id] = openCount == 0 ? -1 : open[openCount - 1];
        end[id] = id + 1;
        blockStart[id] = blocks.size();
        blockEnd[id] = blockStart[id];
        if (openCount == open.length) {
            open = Arrays.copyOf(open, openCount * 2);
        }
        open[openCount++] = id;
        return id;
    }

    private void pushOwner(int id, String tag) {
        if (ownerCount == owners.length) {
            int n = ownerCount * 2;
            owners = Arrays.copyOf(owners, n);
            hadBlockChild = Arrays.copyOf(hadBlockChild, n);
            ownerKind = Arrays.copyOf(ownerKind, n);
            ownerLevel = Arrays.copyOf(ownerLevel, n);
        }
        TextBlock.Kind inherited = ownerCount == 0 ? TextBlock.Kind.PARAGRAPH : ownerKind[ownerCount - 1];
        int level = Tags.headingLevel(tag);
        TextBlock.Kind kind;
        if (level > 0) {
            kind = TextBlock.Kind.HEADING;
        } else if (Tags.isListItem(tag)) {
            kind = TextBlock.Kind.LIST_ITEM;
        } else if (Tags.isCell(tag)) {
            kind = TextBlock.Kind.CELL;
        } else if (Tags.isPreformatted(tag)) {
            kind = TextBlock.Kind.PREFORMATTED;
        } else if (tag.equals("blockquote")) {
            kind = TextBlock.Kind.QUOTE;
        } else if (inherited == TextBlock.Kind.HEADING || inherited == TextBlock.Kind.LIST_ITEM
                || inherited == TextBlock.Kind.PREFORMATTED) {
            kind = inherited;
            level = ownerLevel[ownerCount - 1];
        } else {
            kind = TextBlock.Kind.PARAGRAPH;
        }
        owners[ownerCount] = id;
        hadBlockChild[ownerCount] = false;
        ownerKind[ownerCount] = kind;
        ownerLevel[ownerCount] = level;
        ownerCount++;
    }

    private void append(String s) {
        if (preDepth > 0) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\r') {
                    continue;
                }
                add(c);
            }
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace && !text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
                add(' ');
            }
            pendingSpace = false;
            lastWasBreak = false;
            add(c);
        }
    }

    private void add(char c) {
        text.append(c);
        if (linkDepth > 0) {
            linkChars++;
        }
        if (c == ',' || c == '，' || c == '、' || c == '،' || c == '٫') {
            commas++;
        }
    }

    /** One {@code <br>} is a line break; a second with nothing but space between ends the paragraph. */
    private void lineBreak() {
        if (lastWasBreak) {
            flush();
            return;
        }
        if (!text.isEmpty()) {
            text.append('\n');
            lastWasBreak = true;
        }
        pendingSpace = false;
    }

    private void flush() {
        int len = text.length();
        while (len > 0 && Character.isWhitespace(text.charAt(len - 1))) {
            len--;
        }
        if (len > 0 && ownerCount > 0) {
            int top = ownerCount - 1;
            int level = ownerKind[top] == TextBlock.Kind.HEADING ? ownerLevel[top] : 0;
            blocks.add(new TextBlock(owners[top], !hadBlockChild[top], ownerKind[top], level,
                    text.substring(0, len), Math.min(linkChars, len), commas));
        }
        text.setLength(0);
        pendingSpace = false;
        lastWasBreak = false;
        linkChars = 0;
        commas = 0;
    }
}
