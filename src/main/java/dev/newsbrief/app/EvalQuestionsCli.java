package dev.newsbrief.app;

import dev.newsbrief.bench.QuestionEvaluation;
import dev.newsbrief.bench.QuestionSet;
import dev.newsbrief.config.Settings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsbrief eval questions FILE --corpus PATH}: runs {@link QuestionEvaluation} with the configured settings. */
@Command(name = "questions", mixinStandardHelpOptions = true,
        description = "Score briefings on a question set (JSONL) against a plain BM25 passage baseline.")
final class EvalQuestionsCli implements Callable<Integer> {
    @Mixin
    ConfigOptions common;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The question set, JSONL (id, question, articles, answers, type, lang).")
    Path file;

    @Option(names = "--corpus", required = true, arity = "1..*", paramLabel = "PATH",
            description = "What to ingest first: anything `newsbrief ingest` takes (a .jsonl file, a directory of "
                    + "files, pages or feeds).")
    List<Path> corpus;

    @Option(names = "--vectors", paramLabel = "DIR", description = "Keep the article vectors in DIR and reuse "
            + "them on the next run (default: in memory, embedded anew each run).")
    Path vectors;

    @Option(names = "--show-misses", defaultValue = "0", paramLabel = "N",
            description = "Print the first N questions not answered and cited, with what the user read.")
    int showMisses;

    @Override
    public Integer call() throws IOException, InterruptedException {
        List<QuestionSet.Question> questions = QuestionSet.read(file);
        Settings settings = common.loadConfig().settings();
        return new QuestionEvaluation(questions, new QuestionEvaluation.Setup(corpus, settings.brief(),
                settings.index(), settings.ingest().ingester(), settings.languages(), settings.retrieval(), vectors,
                showMisses)).run(spec.commandLine().getOut(), new ConsoleProgressBar(System.err,
                        settings.ingest().progressMinSize().bytes(), System.console() != null));
    }
}
