package com.insurepay.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.insurepay.common.analytics.AnalyticsRollup;
import com.insurepay.common.ids.Ids;
import com.insurepay.common.money.Money;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentKind;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.payment.TransitionCause;
import com.insurepay.common.store.PaymentRepository;
import com.insurepay.testsupport.LocalQuoteEngine;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code BenchMain <stack home> <report.md> [stack start seconds]}: measures a running ./stack and writes the
 * report. Every ratio compares two figures measured in this one run, on this machine.
 */
public final class BenchMain {

    static final int EVENTS = Integer.getInteger("bench.events", 1000);
    static final int PURCHASES = Integer.getInteger("bench.purchases", 150);
    static final int THREADS = Integer.getInteger("bench.threads", 16);
    static final int CLK_TCK = Integer.getInteger("bench.clkTck", 100);
    /** ./stack's STACK_JVM_OPTS default, for the report (read from the script when it can be). */
    static final String STACK_DEFAULT_JVM_OPTS = stackDefaultJvmOpts();
    static final ObjectMapper JSON = new ObjectMapper();
    /** HTTP/1.1 as Stripe delivers webhooks (java.net.http would otherwise upgrade to h2c where the server offers it, and
     * put every sender on one connection to webhook-service but not to the handler). */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
            .build();

    private final Map<String, String> env = new HashMap<>();
    /** Rows of the goals table, added by each measurement. */
    final List<String> goals = new ArrayList<>();
    private final Path home;

    BenchMain(Path home) throws Exception {
        this.home = home;
        for (String line : Files.readAllLines(home.resolve("env"))) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
    }

    public static void main(String[] args) throws Exception {
        BenchMain bench = new BenchMain(Path.of(args[0]));
        String stackStart = args.length > 2 ? args[2] : null;
        StringBuilder report = new StringBuilder();
        report.append("# Performance\n\nMeasured by `bench/run` on ").append(Instant.now().toString(), 0, 10)
                .append(". Rerun it to get your own figures; compare ratios, not absolute numbers (these machines are noisy,\n")
                .append("and both sides of every ratio were measured in the same run, back to back).\n\n")
                .append(machine()).append('\n');
        // -Dbench.parts=webhooks,gateway,... runs only those (e.g. to profile one part); the report then lacks the others.
        List<String> parts = List.of(System.getProperty("bench.parts", "webhooks,gateway,footprint,sandbox").split(","));
        String webhooks = parts.contains("webhooks") ? bench.webhookIngestion() : "";
        String gateway = parts.contains("gateway") ? bench.gatewayOverhead() : "";
        String footprint = parts.contains("footprint") ? bench.footprint(stackStart) : "";
        String sandbox = parts.contains("sandbox") ? bench.sandboxRate() : "";
        report.append("## Goals of issue 14, as measured in this run\n\n| goal | measured | met |\n|---|---|---|\n");
        bench.goals.sort(null);
        bench.goals.forEach(g -> report.append(g).append('\n'));
        report.append('\n').append(webhooks).append('\n').append(gateway).append('\n').append(footprint).append('\n').append(sandbox)
                .append('\n');
        Path notes = Path.of("bench/performance-notes.md");
        if (Files.exists(notes)) {
            report.append(Files.readString(notes));
        }
        Files.writeString(Path.of(args[1]), report.toString());
        System.out.println(report);
    }

    // ---- 1. webhook ingestion: webhook-service vs the reference handler, same events, same endpoint, same run ----

    /** One measured load against one webhook endpoint, with what it cost the database and the process. */
    record Phase(Stats stats, Probes.DbCounters db, Map<String, Long> operations, long serviceCpuMillis, long dbCpuMillis, int events) {

        double requestsPerEvent() {
            return db.requests() / (double) events;
        }

        double unitsPerEvent() {
            return (db.readUnits() + db.writeUnits()) / events;
        }

        double cpuPerEvent() {
            return serviceCpuMillis / (double) events;
        }

        double dbCpuPerEvent() {
            return dbCpuMillis / (double) events;
        }

        String operationsPerEvent() {
            StringBuilder sb = new StringBuilder();
            operations.forEach((op, n) -> sb.append(sb.length() == 0 ? "" : ", ").append(op).append(' ')
                    .append(String.format("%.2f", n / (double) events)));
            return sb.length() == 0 ? "none" : sb.toString();
        }

        /** Two rounds of the same side as one: latencies together, times, counters and CPU added up. */
        Phase plus(Phase o) {
            Map<String, Long> ops = new java.util.TreeMap<>(operations);
            o.operations.forEach((k, v) -> ops.merge(k, v, Long::sum));
            return new Phase(stats.plus(o.stats),
                    new Probes.DbCounters(db.requests() + o.db.requests(), db.readUnits() + o.db.readUnits(),
                            db.writeUnits() + o.db.writeUnits(), null),
                    ops, serviceCpuMillis + o.serviceCpuMillis, dbCpuMillis + o.dbCpuMillis, events + o.events);
        }
    }

    static final int ROUNDS = Integer.getInteger("bench.rounds", 4);

    Phase measure(String name, long servicePid, int count, Load.Operation op) throws Exception {
        String endpoint = env.get("DYNAMODB_ENDPOINT");
        String table = env.getOrDefault("PAYMENTS_TABLE", "payments");
        long dbPid = Probes.pidOf(home, "dynamodb");
        Probes.DbCounters before = Probes.dbCounters(endpoint, table);
        long cpu0 = Probes.cpuMillis(servicePid, CLK_TCK);
        long db0 = Probes.cpuMillis(dbPid, CLK_TCK);
        Stats stats = Load.run(name, count, THREADS, 300, op);
        Thread.sleep(1500); // what the service does right after (a batched log write) belongs to these events
        long cpu1 = Probes.cpuMillis(servicePid, CLK_TCK);
        long db1 = Probes.cpuMillis(dbPid, CLK_TCK);
        Probes.DbCounters after = Probes.dbCounters(endpoint, table);
        return new Phase(stats, after.minus(before), after.operationsSince(before), cpu1 - cpu0, db1 - db0, count);
    }

    /**
     * Both sides in {@link #ROUNDS} rounds of equal size, in the order A B B A A B B A ..., so that a change of the
     * machine's load during the run (other processes on these shared cores) falls on both sides alike.
     */
    Phase[] interleaved(long oursPid, long theirsPid, int count, java.util.function.IntFunction<Load.Operation> ours,
            java.util.function.IntFunction<Load.Operation> theirs) throws Exception {
        Phase a = null;
        Phase b = null;
        int per = count / ROUNDS;
        for (int r = 0; r < ROUNDS; r++) {
            int offset = r * per;
            int n = r == ROUNDS - 1 ? count - offset : per;
            Load.Operation oursOp = ours.apply(offset);
            Load.Operation theirsOp = theirs.apply(offset);
            String round = " (round " + (r + 1) + "/" + ROUNDS + ")";
            Phase pa;
            Phase pb;
            if (r % 2 == 0) {
                pa = measure("webhook-service: POST /webhook/stripe" + round, oursPid, n, oursOp);
                pb = measure("reference handler (Node.js): POST /webhook" + round, theirsPid, n, theirsOp);
            } else {
                pb = measure("reference handler (Node.js): POST /webhook" + round, theirsPid, n, theirsOp);
                pa = measure("webhook-service: POST /webhook/stripe" + round, oursPid, n, oursOp);
            }
            a = a == null ? pa : a.plus(pa);
            b = b == null ? pb : b.plus(pb);
        }
        return new Phase[] {rename(a, "webhook-service: POST /webhook/stripe"), rename(b, "reference handler (Node.js): POST /webhook")};
    }

    private static Phase rename(Phase p, String name) {
        return new Phase(p.stats().named(name), p.db(), p.operations(),
                p.serviceCpuMillis(), p.dbCpuMillis(), p.events());
    }

    // ---- dynamodb-sandbox alone: TransactWriteItems/s on a table with the payments table's GSIs (issue 12) ----
    String sandboxRate() throws Exception {
        String endpoint = env.get("DYNAMODB_ENDPOINT");
        String table = "payments_bench";
        int count = Integer.getInteger("bench.transactions", 5000);
        try (DynamoDbClient client = DynamoDbClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build()) {
            Stats sdk = TransactWriteRate.measure(client, table, count, 8);
            Stats wire = TransactWriteRate.measureWire(endpoint, table, count, 8);
            return "## dynamodb-sandbox alone\n\n" + count + " TransactWriteItems of 3 conditional puts each (a payment item in the"
                    + " payments table's GSIs, a second item under its key, an event mark), 8 senders, on table `" + table
                    + "` with the payments table's definition; client and server share the 2 cores.\n\n" + Stats.header() + "\n"
                    + sdk.row() + "\n" + wire.row() + "\n\n"
                    + String.format("Capacity units of one such transaction, by DynamoDB's rules: %.0f.%n",
                            TransactWriteRate.capacityUnits(client, table));
        }
    }

    String webhookIngestion() throws Exception {
        DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(URI.create(env.get("DYNAMODB_ENDPOINT")))
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
        PaymentRepository payments = new PaymentRepository(dynamo, env.getOrDefault("PAYMENTS_TABLE", "payments"), Clock.systemUTC());
        int warmup = Integer.getInteger("bench.warmup", 1000);
        int single = 200;
        String serviceUrl = env.get("WEBHOOK_URL");
        String handlerUrl = System.getProperty("bench.handlerUrl");
        long servicePid = Probes.pidOf(home, "webhook-service");
        long handlerPid = Long.getLong("bench.handlerPid", -1);
        String secret = env.get("STRIPE_WEBHOOK_SECRET").split(",")[0];
        System.out.println("webhook ingestion: seeding pending payments for both (as checkout-service leaves them) ...");
        List<String> viaService = seed(payments, EVENTS + warmup + single);
        List<String> viaHandler = seed(payments, EVENTS + warmup + single);
        // As in production, where the rollup runs every 5 s and a customer takes longer than that to pay: the new
        // payments are counted first, so each completion puts its payment back into stats_due-index (the analytics
        // outbox's one index write, the worst case of the webhook's bill). The sweep itself is then off.
        System.out.println("webhook ingestion: analytics rollup of the seeded payments ...");
        AnalyticsRollup rollup = new AnalyticsRollup(dynamo, env.getOrDefault("PAYMENTS_TABLE", "payments"), Clock.systemUTC(),
                new SimpleMeterRegistry(), 5000);
        for (int sweeps = 0; sweeps < 10 && rollup.sweep().found() > 0; sweeps++) {
            // until nothing is due (bounded: nothing else writes these payments now)
        }

        System.out.println("webhook ingestion: warm-up ...");
        Load.run("warm-up webhook-service", warmup, THREADS, 120, i -> postEvent(serviceUrl, secret, viaService.get(EVENTS + i)));
        Load.run("warm-up reference handler", warmup, THREADS, 120, i -> postEvent(handlerUrl, secret, viaHandler.get(EVENTS + i)));
        System.out.println("webhook ingestion: measured, " + THREADS + " concurrent senders ...");
        Phase[] both = interleaved(servicePid, handlerPid, EVENTS, offset -> i -> postEvent(serviceUrl, secret, viaService.get(offset + i)),
                offset -> i -> postEvent(handlerUrl, secret, viaHandler.get(offset + i)));
        Phase ours = both[0];
        Phase theirs = both[1];
        System.out.println("webhook ingestion: one sender at a time ...");
        Stats oursSingle = Load.run("webhook-service, one sender at a time", single, 1, 300,
                i -> postEvent(serviceUrl, secret, viaService.get(EVENTS + warmup + i)));
        Stats theirsSingle = Load.run("reference handler, one sender at a time", single, 1, 300,
                i -> postEvent(handlerUrl, secret, viaHandler.get(EVENTS + warmup + i)));
        System.out.println("webhook ingestion: checking every measured payment ...");
        long oursCompleted = completed(payments, viaService.subList(0, EVENTS));
        long theirsCompleted = completed(payments, viaHandler.subList(0, EVENTS));
        long oursItem = itemBytes(dynamo, viaService.get(0));
        long theirsItem = itemBytes(dynamo, viaHandler.get(0));
        Path svg = Path.of(System.getProperty("bench.svg", "webhook-latency.svg"));
        Files.writeString(svg, LatencyChart.cdf(EVENTS + " signed checkout.session.completed events, " + THREADS + " concurrent senders",
                List.of(new LatencyChart.Series("webhook-service", ours.stats()),
                        new LatencyChart.Series("reference handler (Node.js)", theirs.stats()))));

        double rate = ours.stats().perSecond() / theirs.stats().perSecond();
        double p99 = ours.stats().percentileMillis(99) / theirs.stats().percentileMillis(99);
        goals.add(String.format(
                "| 1. webhook events/s ≥ 1.0× the Node handler's, p99 ≤ its p99 | %.2f× the events/s (%.0f vs %.0f/s); p99 %.2f× (%.1f vs %.1f ms) | %s |",
                rate, ours.stats().perSecond(), theirs.stats().perSecond(), p99, ours.stats().percentileMillis(99),
                theirs.stats().percentileMillis(99),
                rate >= 1.0 && p99 <= 1.0 ? "yes" : "**no**"));
        goals.add(String.format(
                "| 1. DynamoDB requests and capacity units per event lower than the handler's | requests %.2f vs %.2f; units %.2f vs %.2f | %s |",
                ours.requestsPerEvent(), theirs.requestsPerEvent(), ours.unitsPerEvent(), theirs.unitsPerEvent(),
                ours.requestsPerEvent() < theirs.requestsPerEvent() && ours.unitsPerEvent() < theirs.unitsPerEvent() ? "yes" : "**no**"));
        goals.add(String.format("| 2. service CPU per event ≤ the handler's | %.2f vs %.2f ms (%.2f×) | %s |", ours.cpuPerEvent(),
                theirs.cpuPerEvent(),
                ours.cpuPerEvent() / theirs.cpuPerEvent(), ours.cpuPerEvent() <= theirs.cpuPerEvent() ? "yes" : "**no**"));
        String ratio = "%.2f";
        StringBuilder sb = new StringBuilder("## Webhook ingestion: webhook-service vs a hand-written Node.js handler\n\n");
        sb.append(EVENTS).append(" distinct signed `checkout.session.completed` events to each, ").append(THREADS)
                .append(" concurrent senders, each event completing its own pending payment (seeded the same way for both, as")
                .append(" checkout-service leaves a payment with its Checkout Session), after ").append(warmup)
                .append(" warm-up events each; same dynamodb-sandbox, same table, same run, in " + ROUNDS
                        + " alternating rounds (A B B A ...) so that the shared machine's changing load falls on both alike; events/s is events over the summed wall time of a side's rounds. The reference")
                .append(" handler is `bench/reference-handler` (Node.js ").append(nodeVersion()).append(", `stripe` to verify the")
                .append(" signature, AWS SDK v3: a conditional PutItem of the event id, then a conditional UpdateItem of the payment).")
                .append(" The seeded payments were counted by the analytics rollup before their events (as when a customer takes longer")
                .append(" than the rollup's 5 s to pay), so every completion also puts its payment back into `stats_due-index`: the")
                .append(" webhook's bill below includes the analytics outbox's worst case.\n\n");
        sb.append("| per run / per event | webhook-service | reference handler | ratio ours / handler | goal |\n|---|---|---|---|---|\n");
        sb.append(String.format("| events/s | %.0f | %.0f | **" + ratio + "** | ≥ 1.00 |%n", ours.stats().perSecond(),
                theirs.stats().perSecond(),
                ours.stats().perSecond() / theirs.stats().perSecond()));
        for (int p : new int[] {50, 90, 99}) {
            sb.append(String.format("| p%d latency, ms | %.1f | %.1f | **" + ratio + "** | %s |%n", p, ours.stats().percentileMillis(p),
                    theirs.stats().percentileMillis(p), ours.stats().percentileMillis(p) / theirs.stats().percentileMillis(p),
                    p == 99 ? "≤ 1.00" : "–"));
        }
        sb.append(String.format("| mean latency, ms | %.1f | %.1f | " + ratio + " | – |%n", ours.stats().meanMillis(),
                theirs.stats().meanMillis(),
                ours.stats().meanMillis() / theirs.stats().meanMillis()));
        sb.append(String.format("| errors | %d | %d | | 0 |%n", ours.stats().errors(), theirs.stats().errors()));
        sb.append(String.format("| DynamoDB requests per event | %.2f | %.2f | **" + ratio + "** | < 1.00 |%n", ours.requestsPerEvent(),
                theirs.requestsPerEvent(), ours.requestsPerEvent() / theirs.requestsPerEvent()));
        sb.append(String.format("| consumed capacity units per event (read + write) | %.2f | %.2f | **" + ratio + "** | < 1.00 |%n",
                ours.unitsPerEvent(), theirs.unitsPerEvent(), ours.unitsPerEvent() / theirs.unitsPerEvent()));
        sb.append(String.format("| service CPU per event, ms (/proc utime+stime) | %.2f | %.2f | **" + ratio + "** | ≤ 1.00 |%n",
                ours.cpuPerEvent(), theirs.cpuPerEvent(), ours.cpuPerEvent() / theirs.cpuPerEvent()));
        sb.append(String.format("| dynamodb-sandbox CPU per event, ms | %.2f | %.2f | " + ratio + " | – |%n", ours.dbCpuPerEvent(),
                theirs.dbCpuPerEvent(), ours.dbCpuPerEvent() / theirs.dbCpuPerEvent()));
        sb.append(
                String.format("| one sender at a time (%d events): p50 / p99 ms | %.1f / %.1f | %.1f / %.1f | %.2f / %.2f | – |%n", single,
                        oursSingle.percentileMillis(50), oursSingle.percentileMillis(99), theirsSingle.percentileMillis(50),
                        theirsSingle.percentileMillis(99),
                        oursSingle.percentileMillis(50) / theirsSingle.percentileMillis(50),
                        oursSingle.percentileMillis(99) / theirsSingle.percentileMillis(99)));
        sb.append(String.format("| measured payments `completed` afterwards | %d of %d | %d of %d | | all |%n", oursCompleted, EVENTS,
                theirsCompleted, EVENTS));
        sb.append("\n![Latency distribution of both](").append(svg.getFileName()).append(")\n\n");
        sb.append("- DynamoDB requests by operation, per event: webhook-service ").append(ours.operationsPerEvent())
                .append("; reference handler ")
                .append(theirs.operationsPerEvent())
                .append(". Counted by dynamodb-sandbox itself (`GET /_sandbox/stats`, before and after each")
                .append(" run, 1.5 s after the last answer so batched writes are included), with checkout-service's background sweeps off;")
                .append(" capacity units by DynamoDB's rules (a write: 1 unit per started KB of the item, plus 1 per secondary index entry it changes, 2 where it changes an index key).\n");
        sb.append(String
                .format("- A completed payment item is %d bytes after webhook-service's write (it carries its history and the ids of its"
                        + " events) and %d bytes after the handler's (DynamoDB's item-size rules; a write costs 1 unit per started KB, on the"
                        + " table and on each GSI it changes).%n", oursItem, theirsItem));
        sb.append("- CPU is utime+stime of the process from `/proc/<pid>/stat` over the same window (webhook-service: a JVM with ./stack's")
                .append(" options; the handler: one Node.js process).\n");
        sb.append("\n").append(Stats.header()).append('\n').append(ours.stats().row()).append('\n').append(theirs.stats().row())
                .append('\n')
                .append(oursSingle.row()).append('\n').append(theirsSingle.row()).append('\n');
        return sb.toString();
    }

    /** An item's size by DynamoDB's rules (attribute names plus values), for the capacity explanation. */
    private long itemBytes(DynamoDbClient dynamo, String paymentId) {
        var item = dynamo.getItem(b -> b.tableName(env.getOrDefault("PAYMENTS_TABLE", "payments"))
                .key(Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("PAY#" + paymentId),
                        "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("PAYMENT"))))
                .item();
        long bytes = 0;
        for (var e : item.entrySet()) {
            bytes += e.getKey().getBytes(StandardCharsets.UTF_8).length + valueBytes(e.getValue());
        }
        return bytes;
    }

    private static long valueBytes(software.amazon.awssdk.services.dynamodb.model.AttributeValue v) {
        if (v.s() != null) {
            return v.s().getBytes(StandardCharsets.UTF_8).length;
        }
        if (v.n() != null) {
            return v.n().length() / 2 + 1;
        }
        if (v.bool() != null || Boolean.TRUE.equals(v.nul())) {
            return 1;
        }
        if (v.hasSs()) {
            return v.ss().stream().mapToLong(x -> x.getBytes(StandardCharsets.UTF_8).length).sum();
        }
        if (v.hasL()) {
            return 3 + v.l().stream().mapToLong(x -> 1 + valueBytes(x)).sum();
        }
        if (v.hasM()) {
            return 3 + v.m().entrySet().stream().mapToLong(x -> 1 + x.getKey().length() + valueBytes(x.getValue())).sum();
        }
        return 0;
    }

    private static long completed(PaymentRepository payments, List<String> ids) {
        return ids.stream().filter(id -> payments.find(id).map(p -> p.status() == PaymentStatus.COMPLETED).orElse(false)).count();
    }

    private static String nodeVersion() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            return v;
        } catch (Exception e) {
            return "?";
        }
    }

    private static List<String> seed(PaymentRepository payments, int count) throws InterruptedException {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(Ids.newPaymentId(Instant.now()));
        }
        Load.run("seed", count, THREADS, 300, i -> {
            Instant now = Instant.now();
            payments.create(Payment.newPending(ids.get(i), null, "bench-user", "bench-quote-" + ids.get(i), Money.of(5000, "SGD"),
                    "Bench Cover", null, PaymentKind.CHECKOUT, now.plus(Duration.ofHours(24)), now), TransitionCause.api("bench seed"));
            // As checkout-service leaves it: the session the event will name is already recorded.
            payments.attachCheckoutSession(ids.get(i), sessionOf(ids.get(i)), "http://localhost/c/pay/" + sessionOf(ids.get(i)),
                    now.plus(Duration.ofHours(24))).orElseThrow();
        });
        return ids;
    }

    private static String sessionOf(String paymentId) {
        return "cs_test_" + paymentId.substring(4);
    }

    private static void postEvent(String url, String secret, String paymentId) throws Exception {
        long created = Instant.now().getEpochSecond();
        String eventId = "evt_" + UUID.randomUUID().toString().replace("-", "");
        String body = "{\"id\":\"" + eventId + "\",\"object\":\"event\",\"api_version\":\"2026-07-29.dahlia\",\"created\":" + created
                + ",\"livemode\":false,\"pending_webhooks\":1,\"request\":{\"id\":null,\"idempotency_key\":null},"
                + "\"type\":\"checkout.session.completed\",\"data\":{\"object\":{\"id\":\"cs_test_" + paymentId.substring(4)
                + "\",\"object\":\"checkout.session\",\"client_reference_id\":\"" + paymentId + "\",\"mode\":\"payment\","
                + "\"status\":\"complete\",\"payment_status\":\"paid\",\"payment_intent\":\"pi_" + paymentId.substring(4)
                + "\",\"amount_total\":5000,\"currency\":\"sgd\",\"livemode\":false,\"created\":" + created
                + ",\"metadata\":{\"payment_intent_id\":\"" + paymentId + "\"}}}}";
        long t = Instant.now().getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").header("Stripe-Signature", "t=" + t + ",v1=" + signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("webhook answered " + response.statusCode() + ": " + response.body());
        }
    }

    // ---- 2. initiate_purchase through MCP vs straight to checkout-service ----

    /** {@code count} purchases of fresh quotes with their signed tokens (valid 30 minutes), to take in turn. */
    static java.util.Queue<Map<String, Object>> presigned(LocalQuoteEngine quotes, String prefix, int count) {
        java.util.Queue<Map<String, Object>> all = new java.util.concurrent.ConcurrentLinkedQueue<>();
        for (int i = 0; i < count; i++) {
            all.add(purchase(quotes, prefix));
        }
        return all;
    }

    /** The same purchase for every side: a fresh quote with its signed quote token. */
    static Map<String, Object> purchase(LocalQuoteEngine quotes, String prefix) {
        String quoteId = prefix + UUID.randomUUID();
        return Map.of("user_id", "bench-user", "quote_id", quoteId, "quote_token", quotes.sign(quoteId, 15000, "SGD", "Bench Cover"),
                "amount", 15000, "currency", "SGD", "product_name", "Bench Cover");
    }

    String gatewayOverhead() throws Exception {
        int threads = 4;
        List<McpSyncClient> clients = new ArrayList<>();
        URI mcpUrl = URI.create(env.get("MCP_URL"));
        for (int i = 0; i < threads; i++) {
            McpSyncClient c = McpClient.sync(HttpClientStreamableHttpTransport.builder(mcpUrl.getScheme() + "://" + mcpUrl.getAuthority())
                    .endpoint(mcpUrl.getPath()).customizeRequest(b -> b.header("Authorization", "Bearer "
                            + System.getenv().getOrDefault("BENCH_MCP_TOKEN", env.get("MCP_TOKEN"))))
                    .build())
                    .requestTimeout(Duration.ofSeconds(60)).build();
            c.initialize();
            clients.add(c);
        }
        // checkout-service prices a purchase from the insurer's signed quote: both sides send one, signed with the stack's
        // local quote-engine key as ./stack quote does (the signing is the load generator's, the same on both sides).
        // Signed before the rounds: ES256 signing was a third of the load generator's CPU, on the services' cores.
        LocalQuoteEngine quotes = new LocalQuoteEngine(home);
        java.util.Queue<Map<String, Object>> forMcp = presigned(quotes, "bench-mcp-", 30 + PURCHASES);
        java.util.Queue<Map<String, Object>> forDirect = presigned(quotes, "bench-direct-", 30 + PURCHASES);
        java.util.Queue<Map<String, Object>> forRaw = presigned(quotes, "bench-raw-", 30 + PURCHASES);
        Load.Operation viaMcp = i -> {
            McpSchema.CallToolResult r = clients.get(i % threads).callTool(new McpSchema.CallToolRequest("initiate_purchase",
                    forMcp.remove()));
            if (Boolean.TRUE.equals(r.isError())) {
                throw new IllegalStateException(r.content().toString());
            }
        };
        Load.Operation direct = i -> {
            String body = JSON.writeValueAsString(forDirect.remove());
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(env.get("CHECKOUT_URL") + "/api/payments"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + env.get("CHECKOUT_SERVICE_TOKEN"))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(response.statusCode() + ": " + response.body());
            }
        };
        // The same call without a client SDK: splits the load generator's SDK cost from the gateway's (bench notes).
        List<RawMcpClient> raw = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            raw.add(new RawMcpClient(mcpUrl, System.getenv().getOrDefault("BENCH_MCP_TOKEN", env.get("MCP_TOKEN"))));
        }
        Load.Operation viaRaw = i -> raw.get(i % threads).callTool("initiate_purchase", forRaw.remove());
        Load.run("warm-up", 30, threads, 120, viaMcp);
        Load.run("warm-up", 30, threads, 120, direct);
        Load.run("warm-up", 30, threads, 120, viaRaw);
        // Alternating rounds (A B C, C B A ...), as for the webhooks: the machine's load changes during a run.
        String directName = "POST /api/payments on checkout-service";
        String mcpName = "initiate_purchase through mcp-gateway (MCP Java SDK client)";
        String rawName = "initiate_purchase through mcp-gateway (raw JSON-RPC over java.net.http, no SDK)";
        Map<String, Load.Operation> sides = new java.util.LinkedHashMap<>();
        sides.put(directName, direct);
        sides.put(mcpName, viaMcp);
        sides.put(rawName, viaRaw);
        Map<String, Stats> totals = new HashMap<>();
        for (int r = 0; r < ROUNDS; r++) {
            int n = r == ROUNDS - 1 ? PURCHASES - (ROUNDS - 1) * (PURCHASES / ROUNDS) : PURCHASES / ROUNDS;
            List<String> order = new ArrayList<>(sides.keySet());
            if (r % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (String side : order) {
                Stats s = Load.run(side + " (round " + (r + 1) + ")", n, threads, 300, sides.get(side));
                totals.merge(side, s.named(side), Stats::plus);
            }
        }
        Stats directStats = totals.get(directName);
        Stats mcpStats = totals.get(mcpName);
        Stats rawStats = totals.get(rawName);
        clients.forEach(McpSyncClient::closeGracefully);
        double meanRatio = mcpStats.meanMillis() / directStats.meanMillis();
        goals.add(String.format("| 4. initiate_purchase through MCP ≤ 1.15× the direct REST mean latency | %.2f× (%.1f vs %.1f ms) | %s |",
                meanRatio,
                mcpStats.meanMillis(), directStats.meanMillis(),
                mcpStats.errors() + directStats.errors() > 0
                        ? "**no** (errors: " + directStats.errors() + " direct, " + mcpStats.errors() + " MCP)"
                        : meanRatio <= 1.15 ? "yes" : "**no**"));
        return "## MCP gateway overhead\n\n" + PURCHASES + " purchases each way (three ways), " + threads
                + " concurrent clients, in " + ROUNDS
                + " alternating rounds; every purchase writes a payment and creates a Checkout Session at stripe-sandbox.\n\n"
                + Stats.header() + "\n" + directStats.row() + "\n" + mcpStats.row() + "\n" + rawStats.row() + "\n\n"
                + String.format("- Mean latency ratio MCP / direct: **%.2f**; p50 ratio: **%.2f**; throughput ratio: **%.2f**%n",
                        mcpStats.meanMillis() / directStats.meanMillis(),
                        mcpStats.percentileMillis(50) / directStats.percentileMillis(50), mcpStats.perSecond() / directStats.perSecond())
                + String.format(
                        "- Without the SDK client (raw JSON-RPC) / direct: mean **%.2f**, p50 **%.2f**: the goal is measured with the"
                                + " SDK client, whose own CPU runs on the same cores as the services%n",
                        rawStats.meanMillis() / directStats.meanMillis(), rawStats.percentileMillis(50) / directStats.percentileMillis(50));
    }

    // ---- 3. start-up time and memory ----

    String footprint(String stackStartSeconds) throws Exception {
        String jvmOpts = System.getenv().getOrDefault("STACK_JVM_OPTS", "");
        StringBuilder sb = new StringBuilder("## Start-up and memory (JVM mode, ./stack's own options)\n\n")
                .append("| process | ready after `./stack up` began (wall clock) | start-up as logged | RSS after the benchmark |\n|---|---|---|---|\n");
        Pattern started = Pattern.compile("started in ([0-9.]+)s");
        Map<String, String> ready = new HashMap<>();
        Path upLog = Path.of(System.getProperty("bench.stackUpLog", home.resolve("stack-up.log").toString()));
        if (Files.exists(upLog)) {
            Matcher m = Pattern.compile("^\\s*(\\S+) ready \\((\\d+)s\\)", Pattern.MULTILINE).matcher(Files.readString(upLog));
            while (m.find()) {
                ready.put(m.group(1), m.group(2) + " s");
            }
        }
        long total = 0;
        int slowest = 0;
        long largest = 0;
        String largestName = "";
        for (String name : List.of("dynamodb", "mail", "stripe-sandbox", "checkout-service", "webhook-service", "pages-service",
                "mcp-gateway")) {
            long pid = Probes.pidOf(home, name);
            if (pid < 0) {
                continue;
            }
            long rssKb = Probes.rssKb(pid);
            total += rssKb;
            String startup = "–";
            Path log = home.resolve("logs").resolve(name + ".log");
            if (Files.exists(log)) {
                Matcher m = started.matcher(Files.readString(log));
                if (m.find()) {
                    startup = m.group(1) + " s";
                }
            }
            sb.append(String.format("| %s | %s | %s | %d MB |%n", name, ready.getOrDefault(name, "–"), startup, rssKb / 1024));
            if (name.endsWith("-service") || name.equals("mcp-gateway")) {
                slowest = Math.max(slowest, Integer.parseInt(ready.getOrDefault(name, "0 s").replace(" s", "")));
                if (rssKb > largest) {
                    largest = rssKb;
                    largestName = name;
                }
            }
        }
        sb.append(String.format("| **whole stack** | %s | | **%d MB** |%n",
                stackStartSeconds == null ? "–" : stackStartSeconds + " s (`./stack up` returned)", total / 1024));
        goals.add(
                String.format("| 3. `./stack up` (jars built): every service ready ≤ 10 s | last service ready after %d s | %s |", slowest,
                        slowest > 0 && slowest <= 10 ? "yes" : "**no**"));
        goals.add(
                String.format("| 3. each service ≤ 160 MB RSS after the benchmark | largest: %s %d MB | %s |", largestName, largest / 1024,
                        largest <= 160 * 1024 ? "yes" : "**no**"));
        long handlerPid = Long.getLong("bench.handlerPid", -1);
        if (handlerPid > 0) {
            sb.append(String.format("| reference handler (Node.js, for comparison) | | | %d MB |%n", Probes.rssKb(handlerPid) / 1024));
        }
        sb.append("\nThe services ran with ")
                .append(jvmOpts.isBlank() ? "./stack's default `STACK_JVM_OPTS`" : "`STACK_JVM_OPTS=" + jvmOpts + "`")
                .append(" (bench/run does not override it; ./stack's default is `").append(STACK_DEFAULT_JVM_OPTS).append("`).")
                .append(" \"Ready\" is `./stack`'s own line for each process (its /q/health/ready answered), in whole seconds since `./stack up` began;")
                .append(" the services start together, on the same 2 cores. RSS is VmRSS from /proc after all the load above.\n");
        return sb.toString();
    }

    private static String stackDefaultJvmOpts() {
        try {
            Matcher m = Pattern.compile("STACK_JVM_OPTS=\"\\$\\{STACK_JVM_OPTS:-([^}]*)}\"").matcher(Files.readString(Path.of("stack")));
            return m.find() ? m.group(1) : "?";
        } catch (Exception e) {
            return "?";
        }
    }

    private static String machine() throws Exception {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
        String mem = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("[^0-9]", "");
        String[] load = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
        return String.format("Machine: %d cores (%s), %d GiB RAM, Java %s, everything on loopback on this one machine."
                + " Load average when the measurements began: %s (1 min), %s (5 min), %s (15 min).%n",
                Runtime.getRuntime().availableProcessors(), cpu, Long.parseLong(mem) / 1024 / 1024, System.getProperty("java.version"),
                load[0], load[1], load[2]);
    }
}
