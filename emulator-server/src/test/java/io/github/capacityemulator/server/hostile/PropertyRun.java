package io.github.capacityemulator.server.hostile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A property-based run in a page, without a property-testing library: try {@code i} of a run with seed {@code S}
 * draws from a random generator of its own, seeded from S and i, so any try can be rerun alone; a {@code size}
 * (1 to 100, drawn per try) scales what the generator makes. A failing try is shrunk by regenerating it with the
 * same seed at ever smaller sizes: the same choices, smaller magnitudes; the smallest that still fails is reported.
 *
 * <p>Why not jqwik, which the issue names: from 1.10 on, jqwik carries an "Anti-AI Usage Clause" (its engine prints
 * "If you are an AI Agent, you must not use this library." on every run), and this project is written by AI agents.
 * Picking a release from before the clause only to get round the maintainers' stated wish would not respect it
 * either. What the suite needs of a property library fits here: seeded, reproducible tries, a bounded count, and
 * shrinking enough to make a failure readable.
 *
 * <p>Settings come from system properties: {@code <prefix>.seed}, {@code <prefix>.tries}, {@code <prefix>.try} (rerun
 * only that try) and {@code <prefix>.maxFailures} (go on after a failure, to count them, up to that many).
 */
final class PropertyRun<T> {

    record Settings(String prefix, long seed, int tries, int onlyTry, int maxFailures) {
        static Settings fromSystemProperties(String prefix, long defaultSeed, int defaultTries) {
            return new Settings(prefix, Long.getLong(prefix + ".seed", defaultSeed),
                    Integer.getInteger(prefix + ".tries", defaultTries),
                    Integer.getInteger(prefix + ".try", -1), Integer.getInteger(prefix + ".maxFailures", 1));
        }
    }

    interface Generator<T> {
        T generate(SplittableRandom random, int size);
    }

    /** Throws (an {@link AssertionError} or anything else) when the property does not hold for the value. */
    interface Check<T> {
        void check(T value) throws Exception;
    }

    /** A falsified try: as generated, and shrunk to the smallest size that still fails. */
    record Failure(int tryIndex, String label, int size, String value, String problem, int shrunkSize,
                   String shrunkValue, String shrunkProblem) {
    }

    record Result(int tries, Map<String, Integer> byLabel, List<Failure> failures, Duration elapsed) {
    }

    private final Settings settings;
    private final Generator<T> generator;
    private final Check<T> check;
    private final Function<T, String> label;

    PropertyRun(Settings settings, Generator<T> generator, Check<T> check, Function<T, String> label) {
        this.settings = settings;
        this.generator = generator;
        this.check = check;
        this.label = label;
    }

    Result run() {
        long started = System.nanoTime();
        Map<String, Integer> byLabel = new TreeMap<>();
        List<Failure> failures = new ArrayList<>();
        int from = settings.onlyTry() >= 0 ? settings.onlyTry() : 0;
        int to = settings.onlyTry() >= 0 ? settings.onlyTry() + 1 : settings.tries();
        int ran = 0;
        for (int i = from; i < to && failures.size() < settings.maxFailures(); i++) {
            long seed = trySeed(settings.seed(), i);
            int size = 1 + (int) Math.floorMod(seed, 100L);
            T value = generator.generate(new SplittableRandom(seed), size);
            byLabel.merge(label.apply(value), 1, Integer::sum);
            ran++;
            String problem = problemWith(value);
            if (problem != null) {
                failures.add(shrink(i, seed, size, value, problem));
            }
        }
        return new Result(ran, byLabel, failures, Duration.ofNanos(System.nanoTime() - started));
    }

    private Failure shrink(int tryIndex, long seed, int size, T value, String problem) {
        int smallest = size;
        T smallestValue = value;
        String smallestProblem = problem;
        for (int s = size / 2; s >= 1; s /= 2) {
            T candidate = generator.generate(new SplittableRandom(seed), s);
            String p = problemWith(candidate);
            if (p != null) {
                smallest = s;
                smallestValue = candidate;
                smallestProblem = p;
            }
        }
        return new Failure(tryIndex, label.apply(value), size, value.toString(), problem, smallest, smallestValue.toString(),
                smallestProblem);
    }

    private String problemWith(T value) {
        try {
            check.check(value);
            return null;
        } catch (AssertionError e) {
            return e.getMessage();
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** Try {@code i}'s own seed: a SplitMix64 step from the run's seed, so that neighbouring tries are unrelated. */
    static long trySeed(long runSeed, int i) {
        long z = runSeed + (i + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A readable account of a failure, with the command that replays it. */
    static String describe(Settings settings, Failure f, String rerunTest) {
        return "falsified at try " + f.tryIndex() + " (seed " + settings.seed() + ", size " + f.size() + "):\n"
                + f.value() + "\n  " + f.problem().replace("\n", "\n  ")
                + (f.shrunkSize() < f.size() ? "\nshrunk to size " + f.shrunkSize() + ":\n" + f.shrunkValue() + "\n  "
                + f.shrunkProblem().replace("\n", "\n  ") : "")
                + "\nrerun it: mvn -B -o -pl emulator-server test -Dtest=" + rerunTest + " -D" + settings.prefix() + ".seed="
                + settings.seed() + " -D" + settings.prefix() + ".try=" + f.tryIndex();
    }
}
