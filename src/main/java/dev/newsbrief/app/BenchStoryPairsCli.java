package dev.newsbrief.app;

import dev.newsbrief.bench.StoryPairGenerator;
import dev.newsbrief.bench.StoryPairs;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsbrief bench story-pairs}: writes the labelled pair file that {@code bench stories} reads. */
@Command(name = "story-pairs", mixinStandardHelpOptions = true,
        description = "Generate the labelled story pairs: rewrites of Reuters articles and hand-labelled Reuters pairs.")
final class BenchStoryPairsCli implements Callable<Integer> {
    @Option(names = "--reuters", required = true, paramLabel = "FILE", description = "reuters21578.jsonl")
    Path reuters;

    @Option(names = "--labels", required = true, paramLabel = "FILE",
            description = "Hand-labelled Reuters pairs: id, id, same|different, kind, note (tab-separated).")
    Path labels;

    @Option(names = "--rewrites", paramLabel = "N", defaultValue = "300", description = "Rewrites to generate.")
    int rewrites;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "13", description = "Random seed.")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the pairs.")
    Path out;

    @Override
    public Integer call() {
        List<StoryPairs.Pair> pairs = new StoryPairGenerator().generate(reuters, labels, rewrites, seed);
        StoryPairs.write(out, pairs);
        long same = pairs.stream().filter(StoryPairs.Pair::same).count();
        System.out.println("wrote " + pairs.size() + " pairs (" + same + " same, " + (pairs.size() - same)
                + " different) to " + out);
        return 0;
    }
}
