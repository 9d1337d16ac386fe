package dev.newsbrief.app;

import dev.newsbrief.core.Exhaustion;
import dev.newsbrief.core.NewsbriefException;
import dev.newsbrief.ops.Redactor;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The {@code newsbrief} command: subcommands for each job, and a chat or the bot by default. */
@Command(name = "newsbrief", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        versionProvider = Main.Version.class,
        description = "Answers news questions with short, cited briefings, in Telegram or in the terminal.",
        subcommands = {
            CommandLine.HelpCommand.class,
            CheckCli.class,
            SourcesCli.class,
            ConfigCli.class,
            StatsCli.class,
            StoriesCli.class,
            BackupCli.class,
            RestoreCli.class,
            AskCli.class,
            EvalCli.class,
            IngestCli.class,
            ReindexCli.class,
            BenchCli.class,
            RunCli.class,
            ChatCli.class,
            MigrateCli.class,
            WebhookCli.class,
        })
public final class Main implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(Main.class);
    /** Failure messages can carry a Bot API URL, and so the token; stderr gets them masked like the logs. */
    private static final Redactor REDACTOR = Redactor.tokenShapes().withSecret(System.getenv("TELEGRAM_BOT_TOKEN"));

    @Mixin
    CommonOptions common;

    /** No subcommand: the bot when a token is available, else the terminal chat with a banner saying so. */
    @Override
    public Integer call() throws InterruptedException {
        if (RunCli.token(common, System.getenv()).isPresent()) {
            return RunCli.run(common, System.getenv());
        }
        PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
        return ChatCli.chat(common, out, true);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code: 0 ok, 1 failure, 2 bad usage. */
    static int run(String... args) {
        routeJavaUtilLogging();
        CommandLine cli = new CommandLine(new Main());
        cli.setParameterExceptionHandler(Main::badUsage);
        cli.setExecutionExceptionHandler(Main::failure);
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli passes Errors through; this one still gets its one line, not a JVM stack trace
            PrintWriter err = cli.getErr();
            err.println("newsbrief: " + failureLine(e));
            err.flush();
            return CommandLine.ExitCode.SOFTWARE;
        }
    }

    /** Lucene reports through java.util.logging; send it to SLF4J so one config governs all logs. */
    private static void routeJavaUtilLogging() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    private static int badUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("newsbrief: " + e.getMessage());
        cmd.usage(err);
        return CommandLine.ExitCode.USAGE;
    }

    private static int failure(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        err.println("newsbrief: " + failureLine(e));
        log.debug("command failed", e);
        err.flush();
        return CommandLine.ExitCode.SOFTWARE;
    }

    /**
     * The one line a failed command prints: our own exceptions say what and where; running out of
     * heap or disk is named with what to do; anything else is an internal error (the trace goes to
     * the debug log only).
     */
    static String failureLine(Throwable e) {
        Optional<Exhaustion> exhausted = Exhaustion.of(e);
        if (exhausted.orElse(null) == Exhaustion.OUT_OF_MEMORY) {
            return "out of memory (" + Exhaustion.detail(e) + "); give Java more heap (java -Xmx1g, or "
                    + "JAVA_TOOL_OPTIONS=-Xmx1g) or lower index.ram-buffer-mb and ingest.batch-max-articles";
        }
        if (e instanceof NewsbriefException) {
            return REDACTOR.redact(e.getMessage());
        }
        if (exhausted.isPresent()) {
            return "disk full (" + REDACTOR.redact(Exhaustion.detail(e)) + "); free space and run it again";
        }
        return "internal error (" + e.getClass().getSimpleName() + ": " + REDACTOR.redact(e.getMessage()) + ")";
    }

    /** Reads the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"newsbrief " + (v == null ? "(development build)" : v)};
        }
    }
}
