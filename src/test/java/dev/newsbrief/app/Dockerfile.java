package dev.newsbrief.app;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's Dockerfile, parsed just enough for tests to run the image's exact command line
 * without a Docker engine: stages, and the final stage's WORKDIR, ENV, COPY, USER, VOLUME,
 * HEALTHCHECK, ENTRYPOINT and CMD.
 */
record Dockerfile(List<String> stages, String workdir, Map<String, String> env, List<Copy> copies, String user,
        List<String> volumes, String healthcheck, List<String> entrypoint, List<String> cmd) {

    /** A COPY instruction of the final stage; {@code fromStage} is null for the build context. */
    record Copy(String fromStage, String source, String target) {
    }

    private static final Pattern ENV_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S+)");

    static Dockerfile read(Path file) throws IOException {
        List<String> instructions = joinContinuations(Files.readAllLines(file));
        List<String> stages = new ArrayList<>();
        String workdir = "/";
        Map<String, String> env = new LinkedHashMap<>();
        List<Copy> copies = new ArrayList<>();
        String user = "root";
        List<String> volumes = new ArrayList<>();
        String healthcheck = null;
        List<String> entrypoint = List.of();
        List<String> cmd = List.of();
        for (String line : instructions) {
            String keyword = line.split("\\s+", 2)[0].toUpperCase();
            String rest = line.length() > keyword.length() ? line.substring(keyword.length()).strip() : "";
            if (keyword.equals("FROM")) {
                // a new stage: everything below describes it alone
                stages.add(rest);
                workdir = "/";
                env.clear();
                copies.clear();
                user = "root";
                volumes.clear();
                healthcheck = null;
                entrypoint = List.of();
                cmd = List.of();
                continue;
            }
            switch (keyword) {
                case "WORKDIR" -> workdir = rest;
                case "ENV" -> {
                    Matcher m = ENV_PAIR.matcher(rest);
                    while (m.find()) {
                        env.put(m.group(1), m.group(2).replaceAll("^\"|\"$", ""));
                    }
                }
                case "COPY" -> {
                    String from = null;
                    List<String> parts = new ArrayList<>(List.of(rest.split("\\s+")));
                    while (parts.getFirst().startsWith("--")) {
                        String flag = parts.removeFirst();
                        if (flag.startsWith("--from=")) {
                            from = flag.substring("--from=".length());
                        }
                    }
                    copies.add(new Copy(from, parts.get(0), parts.get(parts.size() - 1)));
                }
                case "USER" -> user = rest;
                case "VOLUME" -> volumes.addAll(rest.startsWith("[") ? json(rest) : List.of(rest.split("\\s+")));
                case "HEALTHCHECK" -> healthcheck = rest;
                case "ENTRYPOINT" -> entrypoint = json(rest);
                case "CMD" -> cmd = json(rest);
                default -> {
                    // RUN, EXPOSE, ... do not change how the process starts
                }
            }
        }
        return new Dockerfile(List.copyOf(stages), workdir, Map.copyOf(env), List.copyOf(copies), user,
                List.copyOf(volumes), healthcheck, entrypoint, cmd);
    }

    /** ENTRYPOINT followed by CMD, as Docker runs them in exec form. */
    List<String> commandLine() {
        List<String> all = new ArrayList<>(entrypoint);
        all.addAll(cmd);
        return all;
    }

    /** The URL the HEALTHCHECK command requests. */
    String healthcheckUrl() {
        Matcher m = Pattern.compile("https?://\\S+").matcher(healthcheck);
        if (!m.find()) {
            throw new IllegalStateException("HEALTHCHECK calls no URL: " + healthcheck);
        }
        return m.group();
    }

    private static List<String> json(String text) {
        try {
            return new ObjectMapper().readValue(text, new TypeReference<List<String>>() {});
        } catch (IOException e) {
            throw new IllegalStateException("not the exec (JSON) form: " + text, e);
        }
    }

    private static List<String> joinContinuations(List<String> lines) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("#") || (line.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            if (!current.toString().isBlank()) {
                out.add(current.toString().strip());
            }
            current.setLength(0);
        }
        return out;
    }
}
