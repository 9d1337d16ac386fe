package dev.newsbrief;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/ARCHITECTURE.md, checked on the compiled classes: the "uses" column of
 * its package table is exactly what each package imports (so a new import fails until the
 * document says it is meant), nothing imports {@code app}, only {@code telegram} uses TelegramBots,
 * only {@code app} reads the configuration, and the packages have no cycles.
 */
class ArchitectureTest {
    private static final String BASE = "dev.newsbrief";
    private static final Path DOCUMENT = Path.of("docs", "ARCHITECTURE.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z]+)` \\|.*\\| ([^|]*) \\|\\s*$");
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(BASE);

    /** The top-level package under dev.newsbrief a class is in, e.g. {@code alerts}. */
    private static String packageOf(JavaClass c) {
        String rest = c.getPackageName().substring(BASE.length());
        rest = rest.startsWith(".") ? rest.substring(1) : rest;
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static boolean ours(JavaClass c) {
        return c.getPackageName().equals(BASE) || c.getPackageName().startsWith(BASE + ".");
    }

    /** For each package, the packages its classes use, with one example dependency per pair. */
    static Map<String, Map<String, String>> actualUses() {
        Map<String, Map<String, String>> uses = new TreeMap<>();
        for (JavaClass c : CLASSES) {
            String from = packageOf(c);
            uses.computeIfAbsent(from, k -> new TreeMap<>());
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass();
                if (ours(target) && !packageOf(target).equals(from) && !packageOf(target).isEmpty()) {
                    uses.get(from).putIfAbsent(packageOf(target), d.getDescription());
                }
            }
        }
        return uses;
    }

    /** The "uses" column of the package table in docs/ARCHITECTURE.md. */
    static Map<String, Set<String>> documentedUses() throws IOException {
        Map<String, Set<String>> out = new TreeMap<>();
        for (String line : Files.readAllLines(DOCUMENT)) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                Set<String> used = new TreeSet<>();
                Matcher name = Pattern.compile("`([a-z]+)`").matcher(m.group(2));
                while (name.find()) {
                    used.add(name.group(1));
                }
                out.put(m.group(1), used);
            }
        }
        return out;
    }

    @Test
    void everyPackageImportsOnlyWhatTheArchitectureDocumentSays() throws IOException {
        Map<String, Set<String>> documented = documentedUses();
        List<String> problems = new ArrayList<>();
        actualUses().forEach((pkg, used) -> {
            if (!documented.containsKey(pkg)) {
                problems.add("package " + pkg + " has no row in " + DOCUMENT);
                return;
            }
            used.forEach((target, example) -> {
                if (!documented.get(pkg).contains(target)) {
                    problems.add(pkg + " must not use " + target + " (the document does not allow it): " + example);
                }
            });
            documented.get(pkg).stream().filter(t -> !used.containsKey(t)).forEach(t ->
                    problems.add(DOCUMENT + " says " + pkg + " uses " + t + ", but it does not: update the document"));
        });
        assertThat(problems).as("package dependencies vs " + DOCUMENT).isEmpty();
    }

    @Test
    void nothingImportsApp() {
        noClasses().that().resideOutsideOfPackage(BASE + ".app..")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".app..")
                .check(CLASSES);
    }

    @Test
    void onlyTelegramUsesTelegramBots() {
        noClasses().that().resideOutsideOfPackage(BASE + ".telegram..")
                .should().dependOnClassesThat().resideInAPackage("org.telegram..")
                .check(CLASSES);
    }

    @Test
    void onlyAppReadsTheConfiguration() {
        noClasses().that().resideOutsideOfPackages(BASE + ".app..", BASE + ".config..")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".config..")
                .check(CLASSES);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
