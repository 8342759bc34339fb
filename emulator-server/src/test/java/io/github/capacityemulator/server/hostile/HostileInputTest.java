package io.github.capacityemulator.server.hostile;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.capacityemulator.core.Emulator;
import io.github.capacityemulator.core.EmulatorSettings;
import io.github.capacityemulator.core.clock.ClockState;
import io.github.capacityemulator.core.contract.ApiContract;
import io.github.capacityemulator.core.contract.ContractValidator;
import io.github.capacityemulator.core.journal.RequestJournal;
import io.github.capacityemulator.core.store.StateDump;
import io.github.capacityemulator.server.EmulatorServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Hostile input, as a property over every emulated operation: whatever a request gets wrong (see {@link Mutation};
 * the values come from the contract's shapes and constraints), the answer is a 4xx in the AWS envelope with the
 * error the mutation calls for, the server stays healthy, the journal within its budget, and nothing changes: the
 * dump of every state table and the clock are as they were after seeding.
 *
 * <p>CI runs {@link #TRIES} tries with seed {@link #SEED}; {@code -Dhostile.tries=N} runs more,
 * {@code -Dhostile.seed=S} others, {@code -Dhostile.try=I} one, {@code -Dhostile.maxFailures=N} counts failures
 * instead of stopping at the first (docs/measurements/hostile-input.md).
 */
class HostileInputTest {

    static final long SEED = 20_261_202L;
    static final int TRIES = 3_000;
    /** Used heap after a GC at the end of a run; the emulator, its seeded state and the test need far less. */
    static final long HEAP_BOUND_BYTES = 256L * 1024 * 1024;

    private static Emulator emulator;
    private static EmulatorServer server;
    private static RawHttp http;
    private static ContractSites sites;
    private static Skeletons skeletons;
    private static HostileRequests requests;
    private static StateDump seeded;
    private static ClockState clock;

    @BeforeAll
    static void startAndSeed() throws Exception {
        emulator = Emulator.start(EmulatorSettings.defaults().withClockFrozen(true));
        emulator.admin().setClock(Instant.parse("2030-03-01T00:00:00Z"), true);
        server = EmulatorServer.start(emulator, "127.0.0.1", 0);
        http = new RawHttp(server.port());
        Map<String, String> byMember = SeededState.seed(http, emulator);
        sites = new ContractSites(emulator.contract());
        skeletons = new Skeletons(new ValidValues(emulator.contract(), byMember));
        requests = new HostileRequests(sites, skeletons);
        seeded = emulator.stateDump();
        clock = emulator.admin().clock();
        emulator.admin().clearRequests();
    }

    @AfterAll
    static void stop() {
        server.close();
        emulator.close();
    }

    /** The generator's premise: without its mutation, every body it builds is valid by the contract. */
    @Test
    void everySkeletonIsValidWithoutItsMutation() throws Exception {
        ApiContract contract = emulator.contract();
        ContractValidator validator = new ContractValidator(contract);
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        List<String> invalid = new ArrayList<>();
        for (String op : sites.operations()) {
            List<byte[]> bodies = new ArrayList<>(List.of(skeletons.body(op).bytes()));
            for (Site site : sites.sites(op)) {
                bodies.add(skeletons.bodyWith(site, List.of(skeletons.validAt(site))).bytes());
            }
            for (byte[] body : bodies) {
                try {
                    validator.validateInput(contract.operation(op).orElseThrow(), json.readTree(body));
                } catch (RuntimeException e) {
                    invalid.add(op + " " + new String(body, java.nio.charset.StandardCharsets.UTF_8) + ": " + e.getMessage());
                }
            }
        }
        assertThat(invalid).isEmpty();
        assertThat(sites.operations()).containsExactlyInAnyOrderElementsOf(contract.emulatedOperations());
        assertThat(sites.count()).isGreaterThan(400);
    }

    @Test
    void everyHostileRequestIsA4xxInTheAwsEnvelopeAndChangesNothing() {
        PropertyRun.Settings settings = PropertyRun.Settings.fromSystemProperties("hostile", SEED, TRIES);
        Map<String, Integer> answered = new TreeMap<>();
        long[] peakHeap = {0};
        PropertyRun<HostileRequest> run = new PropertyRun<>(settings, requests::next, r -> {
            RawHttp.Answer answer = http.send(r);
            List<String> problems = new ArrayList<>(AwsErrorAnswers.problems(r, answer));
            answered.merge(answer.closed() ? "(closed)" : answer.status() + " " + answer.header("x-amzn-ErrorType"), 1,
                    Integer::sum);
            RawHttp.Answer health = http.get("/_emulator/health");
            if (health.status() != 200 || !health.text().contains("\"status\":\"ok\"")) {
                problems.add("unhealthy afterwards: " + health);
            }
            List<String> changes = seeded.differences(emulator.stateDump());
            if (!changes.isEmpty()) {
                problems.add("state changed, " + changes.size() + " row(s), e.g. " + changes.stream().limit(3)
                        .map(c -> c.length() > 300 ? c.substring(0, 300) + "..." : c).toList());
            }
            if (!emulator.admin().clock().equals(clock)) {
                problems.add("the clock changed: " + emulator.admin().clock());
            }
            if (emulator.journalBodyBytes() > RequestJournal.BODY_BYTES_BUDGET) {
                problems.add("the journal keeps " + emulator.journalBodyBytes() + " bytes of bodies");
            }
            Runtime rt = Runtime.getRuntime();
            peakHeap[0] = Math.max(peakHeap[0], rt.totalMemory() - rt.freeMemory());
            if (!problems.isEmpty()) {
                throw new AssertionError(String.join("\n", problems) + "\nanswer: " + answer);
            }
        }, r -> r.mutation().name());
        PropertyRun.Result result = run.run();

        System.gc();
        Runtime rt = Runtime.getRuntime();
        long heapAfter = rt.totalMemory() - rt.freeMemory();
        System.out.println(report(settings, result, answered, heapAfter, peakHeap[0]));
        if (!result.failures().isEmpty()) {
            fail(result.failures().size() + " failure(s); the first " + PropertyRun.describe(settings,
                    result.failures().get(0), getClass().getSimpleName()));
        }
        assertThat(result.tries()).as("tries run").isEqualTo(settings.onlyTry() >= 0 ? 1 : settings.tries());
        if (settings.onlyTry() < 0 && settings.tries() >= 500) {
            Set<Mutation> seen = EnumSet.noneOf(Mutation.class);
            result.byLabel().keySet().forEach(l -> seen.add(Mutation.valueOf(l)));
            assertThat(seen).as("every mutation tried").containsExactlyInAnyOrder(Mutation.values());
        }
        assertThat(emulator.journalBodyBytes()).isLessThanOrEqualTo(RequestJournal.BODY_BYTES_BUDGET);
        assertThat(heapAfter).as("used heap after a GC").isLessThan(HEAP_BOUND_BYTES);
    }

    private static String report(PropertyRun.Settings settings, PropertyRun.Result result, Map<String, Integer> answered,
                                 long heapAfter, long peakHeap) {
        StringBuilder out = new StringBuilder("Hostile input: ").append(result.tries()).append(" tries, seed ")
                .append(settings.seed()).append(", ").append(result.elapsed().toMillis()).append(" ms, ")
                .append(result.failures().size()).append(" failure(s); ").append(sites.count())
                .append(" sites in ").append(sites.operations().size()).append(" operations\n");
        Map<Mutation, Integer> siteCounts = requests.siteCounts();
        for (Mutation m : Mutation.values()) {
            out.append(String.format("  %-20s %7d tries%s%n", m, result.byLabel().getOrDefault(m.name(), 0),
                    siteCounts.containsKey(m) ? " (" + siteCounts.get(m) + " sites)" : ""));
        }
        out.append("  answers: ").append(answered).append('\n');
        Map<String, List<Integer>> kinds = new TreeMap<>();
        for (PropertyRun.Failure f : result.failures()) {
            String first = f.problem().lines().findFirst().orElse("").replaceAll("[0-9]{3,}", "N");
            first = first.length() > 160 ? first.substring(0, 160) + "..." : first;
            kinds.computeIfAbsent(f.label() + ": " + first, k -> new ArrayList<>()).add(f.tryIndex());
        }
        kinds.forEach((k, tries) -> out.append("  failed ").append(tries.size()).append("x ").append(k)
                .append(" (tries ").append(tries.subList(0, Math.min(5, tries.size()))).append(")\n"));
        out.append(String.format("  heap: peak %d MB during the run, %d MB after a GC; journal %d bytes of bodies%n",
                peakHeap >> 20, heapAfter >> 20, emulator.journalBodyBytes()));
        return out.toString();
    }
}
