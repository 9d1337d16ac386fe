package dev.newsbrief.app;

import picocli.CommandLine.Command;

/** {@code newsbrief check ...}: corpus-scale checks that CI runs against real data. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Checks inputs against real data.",
        subcommands = {CheckFeedsCli.class})
final class CheckCli {}
