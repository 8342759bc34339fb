package io.github.capacityemulator.core;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/ARCHITECTURE.md and INVARIANTS.md name only classes that exist (main or test): every `UpperCamel` (or
 * `UpperCamel.member`) in backticks; in INVARIANTS.md every test it names (`SomeTest`, `SomeTest.method`) exists.
 */
class ArchitectureDocTest {

    private static final Pattern NAMED = Pattern.compile("`([A-Z][A-Za-z0-9]*)(\\.[a-zA-Z_]+(\\([^)]*\\))?)?`");
    private static final Pattern DECLARED = Pattern.compile("(?:class|record|interface|enum)\\s+([A-Z][A-Za-z0-9]*)");

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** Simple class name -> the text of the file declaring it, over every module's main and test sources. */
    private static Map<String, String> declared() throws IOException {
        Map<String, String> declared = new TreeMap<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")
                    && (p.toString().contains("/src/main/java/") || p.toString().contains("/src/test/java/"))).toList()) {
                String text = Files.readString(f);
                Matcher d = DECLARED.matcher(text);
                while (d.find()) {
                    declared.merge(d.group(1), text, String::concat);
                }
            }
        }
        return declared;
    }

    @Test
    void everyClassTheArchitecturePageNamesExists() throws IOException {
        Set<String> named = new TreeSet<>();
        Matcher m = NAMED.matcher(Files.readString(ROOT.resolve("docs/ARCHITECTURE.md")));
        while (m.find()) {
            named.add(m.group(1));
        }
        assertThat(named).as("classes named in docs/ARCHITECTURE.md").hasSizeGreaterThan(40);
        assertThat(named).as("names in docs/ARCHITECTURE.md without a class of that name in the sources")
                .isSubsetOf(declared().keySet());
    }

    @Test
    void everyTestTheInvariantsNameExists() throws IOException {
        Map<String, String> declared = declared();
        Set<String> missing = new TreeSet<>();
        Matcher m = NAMED.matcher(Files.readString(ROOT.resolve("INVARIANTS.md")));
        int named = 0;
        while (m.find()) {
            if (!m.group(1).endsWith("Test") && !m.group(1).endsWith("Benchmark")) {
                continue; // wire members, JDBC types: only the tests that enforce a rule are checked
            }
            named++;
            String source = declared.get(m.group(1));
            String member = m.group(2) == null ? null : m.group(2).substring(1).replaceAll("\\(.*", "");
            if (source == null) {
                missing.add(m.group(1));
            } else if (member != null && !source.contains(" " + member + "(") && !source.contains(" " + member + " ")) {
                missing.add(m.group(1) + "." + member);
            }
        }
        assertThat(named).as("tests named in INVARIANTS.md").isGreaterThan(20);
        assertThat(missing).as("classes or methods INVARIANTS.md names that the sources lack").isEmpty();
    }
}
