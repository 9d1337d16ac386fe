package dev.newsbrief.ingest.html;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeTraversor;

/**
 * The page body read once, in document order: every element a reader could see gets an id (its
 * pre-order position) with its parent, depth and the end of its subtree, so "is inside" is a
 * comparison; and the text is cut into {@link TextBlock}s. Everything later works on these arrays,
 * so each step is linear in the size of the page whatever its nesting.
 */
final class DomIndex {
    /** Elements by id. */
    final List<Element> elements;
    /** Lower-case tag names by id. */
    final String[] tags;
    /** Parent id, -1 for the root. */
    final int[] parent;
    /** One past the last id inside the element: descendants of i are the ids in (i, end[i]). */
    final int[] end;
    /** {@link ClassHints} bits by id. */
    final int[] hints;
    /** Blocks of element i are blocks[blockStart[i] .. blockEnd[i]). */
    final int[] blockStart;
    final int[] blockEnd;
    final List<TextBlock> blocks;
    /** How many blocks each element owns itself. */
    final int[] ownBlocks;

    private DomIndex(BlockSegmenter b) {
        int n = b.elements.size();
        elements = b.elements;
        tags = b.tags.toArray(String[]::new);
        parent = Arrays.copyOf(b.parent, n);
        end = Arrays.copyOf(b.end, n);
        hints = Arrays.copyOf(b.hints, n);
        blockStart = Arrays.copyOf(b.blockStart, n);
        blockEnd = Arrays.copyOf(b.blockEnd, n);
        blocks = b.blocks;
        ownBlocks = new int[n];
        for (TextBlock block : blocks) {
            ownBlocks[block.owner()]++;
        }
    }

    /** Thrown when the page nests deeper than the limit; the index is not built. */
    static final class TooDeep extends Exception {
        TooDeep() {
            super(null, null, false, false);
        }
    }

    /** Indexes {@code root} (normally the body); at most {@code maxDepth} levels of elements. */
    static DomIndex of(Element root, int maxDepth) throws TooDeep {
        return of(root, maxDepth, new ClassHints.Cache());
    }

    static DomIndex of(Element root, int maxDepth, ClassHints.Cache hints) throws TooDeep {
        BlockSegmenter b = new BlockSegmenter(maxDepth, hints);
        NodeTraversor.filter(b, root);
        if (b.tooDeep) {
            throw new TooDeep();
        }
        return new DomIndex(b);
    }

    int size() {
        return elements.size();
    }

    boolean contains(int ancestor, int id) {
        return id >= ancestor && id < end[ancestor];
    }

    /** Whether all the text inside {@code id} is its own: a paragraph rather than a container of blocks. */
    boolean isParagraph(int id) {
        return ownBlocks[id] == blockEnd[id] - blockStart[id];
    }

    /** The blocks inside element {@code id}. */
    List<TextBlock> blocksOf(int id) {
        return blocks.subList(blockStart[id], blockEnd[id]);
    }
}
