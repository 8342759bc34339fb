package io.github.capacityemulator.core;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/ARCHITECTURE.md names only classes that exist (main or test): every `UpperCamel` (or `UpperCamel.member`) in backticks. */
class ArchitectureDocTest {

    private static final Pattern NAMED = Pattern.compile("`([A-Z][A-Za-z0-9]*)(\\.[a-zA-Z_]+(\\([^)]*\\))?)?`");
    private static final Pattern DECLARED = Pattern.compile("(?:class|record|interface|enum)\\s+([A-Z][A-Za-z0-9]*)");

    @Test
    void everyClassItNamesExists() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        String doc = Files.readString(root.resolve("docs/ARCHITECTURE.md"));
        Set<String> named = new TreeSet<>();
        Matcher m = NAMED.matcher(doc);
        while (m.find()) {
            named.add(m.group(1));
        }
        Set<String> declared = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && (p.toString().contains("/src/main/java/") || p.toString().contains("/src/test/java/")))
                    .toList()) {
                Matcher d = DECLARED.matcher(Files.readString(f));
                while (d.find()) {
                    declared.add(d.group(1));
                }
            }
        }
        assertThat(named).as("classes named in docs/ARCHITECTURE.md").hasSizeGreaterThan(40);
        assertThat(named).as("names in docs/ARCHITECTURE.md without a class of that name in the sources")
                .isSubsetOf(declared);
    }
}
