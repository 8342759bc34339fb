package io.github.capacityemulator.server;

import io.github.capacityemulator.core.clusters.ClusterSettings;
import io.github.capacityemulator.core.jobs.TrainingJobSettings;
import io.github.capacityemulator.core.EmulatorSettings;
import io.github.capacityemulator.core.plans.PlanSettings;
import io.github.capacityemulator.server.auth.AccessSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The command line: each flag ({@code --port 4590} or {@code --port=4590}) beats its environment
 * variable, which beats the default.
 */
record ServerOptions(String host, int port, Path dataDir, boolean clockFrozen, Path inventory,
                     Duration paymentDelay, int maxTrainingPlans, ClusterSettings clusters, double clockRate,
                     int journalSize, TrainingJobSettings jobs, Duration requestTimeout, AccessSettings access,
                     boolean help) {

    static final int DEFAULT_PORT = 4590;
    static final String DEFAULT_HOST = "127.0.0.1";

    /** A flag, the environment variable it overrides, its value's name and what it does. */
    private record Flag(String name, String env, String valueName, String help) {
    }

    private static final Flag PORT = new Flag("--port", "EMULATOR_PORT", "PORT",
            "port to listen on; 0 picks a free one (default " + DEFAULT_PORT + ")");
    private static final Flag HOST = new Flag("--host", "EMULATOR_HOST", "HOST",
            "address to bind (default " + DEFAULT_HOST + "; 0.0.0.0 for all)");
    private static final Flag DATA_DIR = new Flag("--data-dir", "EMULATOR_DATA_DIR", "DIR",
            "keep state in an H2 file in DIR (default: in memory)");
    private static final Flag CLOCK = new Flag("--clock", "EMULATOR_CLOCK", "real|frozen",
            "start the clock running (real) or frozen (default real)");
    private static final Flag INVENTORY = new Flag("--inventory", "EMULATOR_INVENTORY", "FILE",
            "capacity inventory JSON file (default: the built-in inventory)");
    private static final Flag PAYMENT_DELAY = new Flag("--payment-delay", "EMULATOR_PAYMENT_DELAY", "SECONDS",
            "clock seconds a plan stays Pending while payment is collected (default "
                    + PlanSettings.DEFAULT_PAYMENT_DELAY.toSeconds() + ")");
    private static final Flag MAX_PLANS = new Flag("--max-training-plans", "EMULATOR_MAX_TRAINING_PLANS", "N",
            "quota of live training plans per account and region (default "
                    + PlanSettings.DEFAULT_MAX_PLANS_PER_REGION + ")");
    private static final ClusterSettings CLUSTER_DEFAULTS = ClusterSettings.defaults();
    private static final Flag CREATE_DELAY = delay("--cluster-create-delay", "EMULATOR_CLUSTER_CREATE_DELAY",
            "a cluster stays Creating", CLUSTER_DEFAULTS.createDelay());
    private static final Flag UPDATE_DELAY = delay("--cluster-update-delay", "EMULATOR_CLUSTER_UPDATE_DELAY",
            "a cluster stays Updating", CLUSTER_DEFAULTS.updateDelay());
    private static final Flag SOFTWARE_DELAY = delay("--cluster-software-update-delay",
            "EMULATOR_CLUSTER_SOFTWARE_UPDATE_DELAY", "a cluster stays SystemUpdating", CLUSTER_DEFAULTS.softwareUpdateDelay());
    private static final Flag DELETE_DELAY = delay("--cluster-delete-delay", "EMULATOR_CLUSTER_DELETE_DELAY",
            "a cluster stays Deleting (and a node ShuttingDown)", CLUSTER_DEFAULTS.deleteDelay());
    private static final Flag REPLACE_DELAY = delay("--node-replace-delay", "EMULATOR_NODE_REPLACE_DELAY",
            "a node takes to be replaced or rebooted", CLUSTER_DEFAULTS.nodeReplaceDelay());
    private static final Flag MAX_PER_CLUSTER = new Flag("--max-instances-per-cluster", "EMULATOR_MAX_INSTANCES_PER_CLUSTER",
            "N", "quota of instances in one cluster (default " + CLUSTER_DEFAULTS.maxInstancesPerCluster() + ")");
    private static final Flag MAX_ACROSS = new Flag("--max-cluster-instances", "EMULATOR_MAX_CLUSTER_INSTANCES", "N",
            "quota of instances across an account's clusters in a region (default "
                    + CLUSTER_DEFAULTS.maxInstancesAcrossClusters() + ")");
    private static final Flag MAX_PER_TYPE = new Flag("--max-instances-per-type", "EMULATOR_MAX_INSTANCES_PER_TYPE", "N",
            "quota of instances of one type across an account's clusters (default "
                    + CLUSTER_DEFAULTS.maxInstancesPerType() + ")");
    private static final Flag CLOCK_RATE = new Flag("--clock-rate", "EMULATOR_CLOCK_RATE", "R",
            "clock time runs R times faster than real time, e.g. 60 (default 1)");
    private static final Flag JOURNAL_SIZE = new Flag("--journal-size", "EMULATOR_JOURNAL_SIZE", "N",
            "how many recent requests GET /_emulator/requests keeps (default " + EmulatorSettings.DEFAULT_JOURNAL_SIZE + ")");
    private static final Flag JOB_RUNTIME = delay("--training-job-runtime", "EMULATOR_TRAINING_JOB_RUNTIME",
            "a training job trains (cut by its MaxRuntimeInSeconds)", TrainingJobSettings.DEFAULT_RUNTIME);
    private static final Flag JOB_QUOTAS = new Flag("--training-job-quotas", "EMULATOR_TRAINING_JOB_QUOTAS",
            "TYPE=N,...", "on-demand training instance quotas per type (default 0 for the reservable GPU types, "
            + TrainingJobSettings.DEFAULT_QUOTA + " for the rest)");
    private static final Flag REQUEST_TIMEOUT = new Flag("--request-timeout", "EMULATOR_REQUEST_TIMEOUT", "SECONDS",
            "how long a client may take to send a request: a body not in within it is a 400, headers trickled for twice it close the connection (default 30)");
    private static final Flag REQUIRE_SIGNATURE = new Flag("--require-signature", "EMULATOR_REQUIRE_SIGNATURE", "",
            "verify every API request's SigV4 signature against --credentials (env: true or false; default off)");
    private static final Flag CREDENTIALS = new Flag("--credentials", "EMULATOR_CREDENTIALS", "KEY:SECRET,...",
            "the access keys and secrets signatures are verified with");
    private static final Flag ACCOUNTS = new Flag("--accounts", "EMULATOR_ACCOUNTS", "KEY=ACCOUNT,...",
            "the account each access key acts as (default: a 12-digit key is the account, others 000000000000)");
    private static final Flag ADMIN_TOKEN = new Flag("--admin-token", "EMULATOR_ADMIN_TOKEN", "TOKEN",
            "every admin route but /_emulator/health needs Authorization: Bearer TOKEN (default: open)");
    /** Jetty's own idle timeout: a client that stops sending is answered after this much silence. */
    static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final List<Flag> FLAGS = List.of(PORT, HOST, DATA_DIR, CLOCK, CLOCK_RATE, JOURNAL_SIZE, REQUEST_TIMEOUT,
            INVENTORY, PAYMENT_DELAY, MAX_PLANS,
            CREATE_DELAY, UPDATE_DELAY, SOFTWARE_DELAY, DELETE_DELAY, REPLACE_DELAY, MAX_PER_CLUSTER, MAX_ACROSS,
            MAX_PER_TYPE, JOB_RUNTIME, JOB_QUOTAS, REQUIRE_SIGNATURE, CREDENTIALS, ACCOUNTS, ADMIN_TOKEN);

    private static Flag delay(String name, String env, String what, Duration byDefault) {
        return new Flag(name, env, "SECONDS", "clock seconds " + what + " (default " + byDefault.toSeconds() + ")");
    }

    static String usage() {
        StringBuilder out = new StringBuilder("Usage: java -jar sagemaker-emulator.jar [options]\n\n"
                + "Local emulator of the Amazon SageMaker training plan, training job and HyperPod cluster APIs.\n\nOptions:\n");
        for (Flag f : FLAGS) {
            out.append(String.format("  %-26s %s (env %s)%n", (f.name() + " " + f.valueName()).trim(), f.help(), f.env()));
        }
        out.append(String.format("  %-26s %s%n", "--help", "print this help and exit"));
        return out.toString();
    }

    static ServerOptions parse(String[] args, Function<String, String> env) {
        Map<String, String> given = new HashMap<>();
        List<String> known = FLAGS.stream().map(Flag::name).toList();
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option: " + arg);
            }
            String value;
            if (name.equals(REQUIRE_SIGNATURE.name()) && !arg.contains("=")) {
                value = "true"; // a switch: --require-signature alone turns it on
            } else if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
            given.put(name, value);
        }
        Function<Flag, String> valueOf = f -> given.containsKey(f.name()) ? given.get(f.name()) : blankToNull(env.apply(f.env()));

        String host = valueOf.apply(HOST);
        String port = valueOf.apply(PORT);
        String dataDir = valueOf.apply(DATA_DIR);
        String clock = valueOf.apply(CLOCK);
        String inventory = valueOf.apply(INVENTORY);
        String paymentDelay = valueOf.apply(PAYMENT_DELAY);
        String maxPlans = valueOf.apply(MAX_PLANS);
        return new ServerOptions(
                host == null ? DEFAULT_HOST : host,
                port == null ? DEFAULT_PORT : parsePort(port),
                dataDir == null ? null : Path.of(dataDir),
                parseClock(clock),
                inventory == null ? null : Path.of(inventory),
                paymentDelay == null ? PlanSettings.DEFAULT_PAYMENT_DELAY
                        : Duration.ofSeconds(whole(PAYMENT_DELAY, paymentDelay, 0)),
                maxPlans == null ? PlanSettings.DEFAULT_MAX_PLANS_PER_REGION : (int) whole(MAX_PLANS, maxPlans, 1),
                new ClusterSettings(
                        seconds(valueOf.apply(CREATE_DELAY), CREATE_DELAY, CLUSTER_DEFAULTS.createDelay()),
                        seconds(valueOf.apply(UPDATE_DELAY), UPDATE_DELAY, CLUSTER_DEFAULTS.updateDelay()),
                        seconds(valueOf.apply(SOFTWARE_DELAY), SOFTWARE_DELAY, CLUSTER_DEFAULTS.softwareUpdateDelay()),
                        seconds(valueOf.apply(DELETE_DELAY), DELETE_DELAY, CLUSTER_DEFAULTS.deleteDelay()),
                        seconds(valueOf.apply(REPLACE_DELAY), REPLACE_DELAY, CLUSTER_DEFAULTS.nodeReplaceDelay()),
                        count(valueOf.apply(MAX_PER_CLUSTER), MAX_PER_CLUSTER, CLUSTER_DEFAULTS.maxInstancesPerCluster()),
                        count(valueOf.apply(MAX_ACROSS), MAX_ACROSS, CLUSTER_DEFAULTS.maxInstancesAcrossClusters()),
                        count(valueOf.apply(MAX_PER_TYPE), MAX_PER_TYPE, CLUSTER_DEFAULTS.maxInstancesPerType())),
                rate(valueOf.apply(CLOCK_RATE)),
                valueOf.apply(JOURNAL_SIZE) == null ? EmulatorSettings.DEFAULT_JOURNAL_SIZE
                        : journalSize(valueOf.apply(JOURNAL_SIZE)),
                withQuotas(TrainingJobSettings.defaults()
                        .withRuntime(seconds(valueOf.apply(JOB_RUNTIME), JOB_RUNTIME, TrainingJobSettings.DEFAULT_RUNTIME)),
                        quotas(valueOf.apply(JOB_QUOTAS))),
                valueOf.apply(REQUEST_TIMEOUT) == null ? DEFAULT_REQUEST_TIMEOUT
                        : Duration.ofSeconds(whole(REQUEST_TIMEOUT, valueOf.apply(REQUEST_TIMEOUT), 1)),
                new AccessSettings(bool(REQUIRE_SIGNATURE, valueOf.apply(REQUIRE_SIGNATURE)),
                        AccessSettings.parseCredentials(valueOf.apply(CREDENTIALS)),
                        AccessSettings.parseAccounts(valueOf.apply(ACCOUNTS)), valueOf.apply(ADMIN_TOKEN)),
                help);
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number from 0 to 65535, not '" + value + "'");
        }
    }

    private static int journalSize(String value) {
        long n = whole(JOURNAL_SIZE, value, 0);
        if (n > 100_000) {
            throw new IllegalArgumentException("--journal-size must be at most 100000, not '" + value + "'");
        }
        return (int) n;
    }

    private static double rate(String value) {
        if (value == null) {
            return 1.0;
        }
        try {
            double r = Double.parseDouble(value.trim());
            if (!(r > 0) || r > 1_000_000) {
                throw new NumberFormatException();
            }
            return r;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--clock-rate must be a number > 0 (at most 1000000), not '" + value + "'");
        }
    }

    /** The settings with these quotas; core refuses a type the model does not know, named here with the flag. */
    private static TrainingJobSettings withQuotas(TrainingJobSettings jobs, Map<String, Integer> quotas) {
        try {
            return jobs.withQuotas(quotas);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(JOB_QUOTAS.name() + ": " + e.getMessage(), e);
        }
    }

    /** {@code ml.p5.48xlarge=8,ml.g5.xlarge=4}: a quota per instance type. */
    private static Map<String, Integer> quotas(String value) {
        Map<String, Integer> out = new HashMap<>();
        if (value == null) {
            return out;
        }
        for (String part : value.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2 || !kv[0].trim().matches("ml\\.[a-z0-9.-]+")) {
                throw new IllegalArgumentException(JOB_QUOTAS.name() + " must be TYPE=N,... such as ml.p5.48xlarge=8,"
                        + " not '" + value + "'");
            }
            out.put(kv[0].trim(), (int) whole(JOB_QUOTAS, kv[1], 0));
        }
        return out;
    }

    private static Duration seconds(String value, Flag flag, Duration byDefault) {
        return value == null ? byDefault : Duration.ofSeconds(whole(flag, value, 0));
    }

    private static int count(String value, Flag flag, int byDefault) {
        return value == null ? byDefault : (int) whole(flag, value, 1);
    }

    private static long whole(Flag flag, String value, long min) {
        try {
            long n = Long.parseLong(value.trim());
            if (n < min || n > Integer.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag.name() + " must be a whole number >= " + min + ", not '" + value + "'");
        }
    }

    private static boolean bool(Flag flag, String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new IllegalArgumentException(flag.name() + " must be true or false, not '" + value + "'");
    }

    private static boolean parseClock(String value) {
        if (value == null || value.equals("real")) {
            return false;
        }
        if (value.equals("frozen")) {
            return true;
        }
        throw new IllegalArgumentException("--clock must be 'real' or 'frozen', not '" + value + "'");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
