package dev.newsbrief.app;

import dev.newsbrief.bench.DeliveryBenchmark;
import dev.newsbrief.config.Settings;
import dev.newsbrief.store.StoreSettings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsbrief bench delivery --instances N}: runs {@link DeliveryBenchmark} on the configured store. */
@Command(name = "delivery", mixinStandardHelpOptions = true,
        description = "Alerts per second by N instances against a Bot API enforcing Telegram's limits.")
final class BenchDeliveryCli implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions common;

    @Option(names = "--instances", defaultValue = "1", description = "Delivery instances (default ${DEFAULT-VALUE}).")
    int instances;

    @Option(names = "--chats", defaultValue = "600", description = "Chats, each sent one alert (default ${DEFAULT-VALUE}).")
    int chats;

    @Override
    public Integer call() throws Exception {
        Settings settings = common.loadConfig().settings();
        StoreSettings store = StoreSettings.from(settings.store(), System.getenv(), settings.autoPoolSize());
        return new DeliveryBenchmark(instances, chats, store, settings.telegram(), settings.alerts())
                .run(spec.commandLine().getOut());
    }
}
