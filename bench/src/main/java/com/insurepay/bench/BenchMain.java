package com.insurepay.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.insurepay.common.ids.Ids;
import com.insurepay.common.money.Money;
import com.insurepay.common.payment.Payment;
import com.insurepay.common.payment.PaymentChanges;
import com.insurepay.common.payment.PaymentKind;
import com.insurepay.common.payment.PaymentStatus;
import com.insurepay.common.payment.StripeEvidence;
import com.insurepay.common.payment.Transition;
import com.insurepay.common.payment.TransitionCause;
import com.insurepay.common.store.PaymentRepository;
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

    static final int EVENTS = Integer.getInteger("bench.events", 2000);
    static final int PURCHASES = Integer.getInteger("bench.purchases", 150);
    static final int THREADS = Integer.getInteger("bench.threads", 8);
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Map<String, String> env = new HashMap<>();
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
        report.append(bench.webhookIngestion()).append('\n');
        report.append(bench.gatewayOverhead()).append('\n');
        report.append(bench.footprint(stackStart)).append('\n');
        Files.writeString(Path.of(args[1]), report.toString());
        System.out.println(report);
    }

    // ---- 1. webhook ingestion vs the same conditional writes straight to dynamodb-sandbox ----

    String webhookIngestion() throws Exception {
        DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(URI.create(env.get("DYNAMODB_ENDPOINT")))
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
        PaymentRepository payments = new PaymentRepository(dynamo, env.getOrDefault("PAYMENTS_TABLE", "payments"), Clock.systemUTC());
        int warmup = 200;
        int single = 300;
        List<String> viaService = seed(payments, EVENTS + warmup + single);
        List<String> direct = seed(payments, EVENTS + warmup);
        String url = env.get("WEBHOOK_URL");
        String secret = env.get("STRIPE_WEBHOOK_SECRET").split(",")[0];

        Load.run("warm-up", warmup, THREADS, 120, i -> postEvent(url, secret, viaService.get(EVENTS + i)));
        Load.run("warm-up", warmup, THREADS, 120, i -> applyDirect(payments, direct.get(EVENTS + i)));
        Stats service = Load.run("POST /webhook/stripe (checkout.session.completed, signed)", EVENTS, THREADS, 300,
                i -> postEvent(url, secret, viaService.get(i)));
        Stats unloaded = Load.run("POST /webhook/stripe, one sender at a time (latency without queueing)", single, 1, 300,
                i -> postEvent(url, secret, viaService.get(EVENTS + warmup + i)));
        Stats raw = Load.run("the same transition straight to dynamodb-sandbox (PaymentRepository)", EVENTS, THREADS, 300,
                i -> applyDirect(payments, direct.get(i)));
        Stats transactions = TransactWriteRate.measure(dynamo, env.getOrDefault("PAYMENTS_TABLE", "payments"), EVENTS, THREADS);
        double unitsPerTransaction = TransactWriteRate.capacityUnits(dynamo, env.getOrDefault("PAYMENTS_TABLE", "payments"));
        Stats wire = TransactWriteRate.measureWire(env.get("DYNAMODB_ENDPOINT"), env.getOrDefault("PAYMENTS_TABLE", "payments"), EVENTS,
                THREADS);
        long completed = viaService.subList(0, EVENTS).stream().limit(50)
                .filter(id -> payments.find(id).orElseThrow().status() == PaymentStatus.COMPLETED).count();

        return "## Webhook ingestion\n\n" + EVENTS + " distinct signed `checkout.session.completed` events, " + THREADS
                + " concurrent senders, each event completing its own pending payment (one conditional UpdateItem: status,"
                + " evidence, event mark and history entry). The second row performs the same"
                + " repository call directly, without HTTP, signature check or JSON.\n\n"
                + Stats.header() + "\n" + service.row() + "\n" + raw.row() + "\n" + unloaded.row() + "\n" + transactions.row() + "\n"
                + wire.row() + "\n\n"
                + String.format("- Throughput ratio service / raw dynamodb-sandbox: **%.2f** (1.00 = no overhead)%n",
                        service.perSecond() / raw.perSecond())
                + String.format("- p50 latency ratio service / raw: **%.2f**; p99 ratio: **%.2f**%n",
                        service.percentileMillis(50) / raw.percentileMillis(50), service.percentileMillis(99) / raw.percentileMillis(99))
                + String.format("- Service p99 with one sender: **%.1f ms** (target: under 50 ms locally); under %d concurrent senders on"
                        + " these 2 cores, shared with dynamodb-sandbox and the load generator: %.1f ms%n",
                        unloaded.percentileMillis(99), THREADS, service.percentileMillis(99))
                + String.format(
                        "- dynamodb-sandbox alone: **%.0f TransactWriteItems/s** through the AWS SDK, **%.0f/s** with a light HTTP client"
                                + " (3 conditional puts each, on the payments table with its 7 GSIs, %d senders; client and server share these 2 cores);"
                                + " each such transaction consumes %.0f capacity units by DynamoDB's rules%n",
                        transactions.perSecond(), wire.perSecond(), THREADS, unitsPerTransaction)
                + "- Sample check: " + completed + " of 50 sampled payments are `completed` after their event.\n";
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

    private static void applyDirect(PaymentRepository payments, String paymentId) {
        String eventId = "evt_" + UUID.randomUUID().toString().replace("-", "");
        var result = payments.apply(paymentId, Transition.to(PaymentStatus.COMPLETED,
                TransitionCause.webhook(eventId, "checkout.session.completed"))
                .with(PaymentChanges.paid("pi_" + paymentId.substring(4)).stampingWebhookProcessed())
                .provenBy(StripeEvidence.session(sessionOf(paymentId), null, "pi_" + paymentId.substring(4), 5000L, "sgd")));
        if (!result.applied()) {
            throw new IllegalStateException("not applied: " + result.outcome());
        }
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

    String gatewayOverhead() throws Exception {
        int threads = 4;
        List<McpSyncClient> clients = new ArrayList<>();
        URI mcpUrl = URI.create(env.get("MCP_URL"));
        for (int i = 0; i < threads; i++) {
            McpSyncClient c = McpClient.sync(HttpClientStreamableHttpTransport.builder(mcpUrl.getScheme() + "://" + mcpUrl.getAuthority())
                    .endpoint(mcpUrl.getPath()).customizeRequest(b -> b.header("Authorization", "Bearer " + env.get("MCP_TOKEN"))).build())
                    .requestTimeout(Duration.ofSeconds(60)).build();
            c.initialize();
            clients.add(c);
        }
        Load.Operation viaMcp = i -> {
            McpSchema.CallToolResult r = clients.get(i % threads).callTool(new McpSchema.CallToolRequest("initiate_purchase",
                    Map.of("user_id", "bench-user", "quote_id", "bench-mcp-" + UUID.randomUUID(), "amount", 15000, "currency", "SGD",
                            "product_name", "Bench Cover")));
            if (Boolean.TRUE.equals(r.isError())) {
                throw new IllegalStateException(r.content().toString());
            }
        };
        Load.Operation direct = i -> {
            String body = "{\"user_id\":\"bench-user\",\"quote_id\":\"bench-direct-" + UUID.randomUUID()
                    + "\",\"amount\":15000,\"currency\":\"SGD\",\"product_name\":\"Bench Cover\"}";
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(env.get("CHECKOUT_URL") + "/api/payments"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + env.get("CHECKOUT_SERVICE_TOKEN"))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(response.statusCode() + ": " + response.body());
            }
        };
        Load.run("warm-up", 30, threads, 120, viaMcp);
        Load.run("warm-up", 30, threads, 120, direct);
        Stats directStats = Load.run("POST /api/payments on checkout-service", PURCHASES, threads, 300, direct);
        Stats mcpStats = Load.run("initiate_purchase through mcp-gateway (MCP Java SDK client)", PURCHASES, threads, 300, viaMcp);
        clients.forEach(McpSyncClient::closeGracefully);
        return "## MCP gateway overhead\n\n" + PURCHASES + " purchases each way, " + threads
                + " concurrent clients; every purchase writes a payment and creates a Checkout Session at stripe-sandbox.\n\n"
                + Stats.header() + "\n" + directStats.row() + "\n" + mcpStats.row() + "\n\n"
                + String.format("- Mean latency ratio MCP / direct: **%.2f**; p50 ratio: **%.2f**; throughput ratio: **%.2f**%n",
                        mcpStats.meanMillis() / directStats.meanMillis(),
                        mcpStats.percentileMillis(50) / directStats.percentileMillis(50), mcpStats.perSecond() / directStats.perSecond());
    }

    // ---- 3. start-up time and memory ----

    String footprint(String stackStartSeconds) throws Exception {
        StringBuilder sb = new StringBuilder(
                "## Start-up and memory (JVM mode)\n\n| process | start-up (as logged) | RSS now |\n|---|---|---|\n");
        Pattern started = Pattern.compile("started in ([0-9.]+)s");
        long total = 0;
        for (String name : List.of("dynamodb", "mail", "stripe-sandbox", "checkout-service", "webhook-service", "pages-service",
                "mcp-gateway")) {
            Path pidFile = home.resolve("pids").resolve(name + ".pid");
            if (!Files.exists(pidFile)) {
                continue;
            }
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            long rssKb = rssKb(pid);
            total += rssKb;
            String startup = "–";
            Path log = home.resolve("logs").resolve(name + ".log");
            if (Files.exists(log)) {
                Matcher m = started.matcher(Files.readString(log));
                if (m.find()) {
                    startup = m.group(1) + " s";
                }
            }
            sb.append(String.format("| %s | %s | %d MB |%n", name, startup, rssKb / 1024));
        }
        sb.append(String.format("| **whole stack** | %s | **%d MB** |%n",
                stackStartSeconds == null ? "–" : stackStartSeconds + " s (./stack up, wall clock, jars prebuilt)", total / 1024));
        sb.append("\nRSS is read from /proc after the load above. The services ran with `STACK_JVM_OPTS=")
                .append(System.getenv().getOrDefault("STACK_JVM_OPTS", "(./stack default)"))
                .append("` (bench/run's default; ./stack's own default, `-XX:+UseSerialGC -Xmx384m -XX:TieredStopAtLevel=1`,"
                        + " starts faster and uses less memory).\n");
        return sb.toString();
    }

    private static long rssKb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    private static String machine() throws Exception {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
        String mem = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("[^0-9]", "");
        return String.format("Machine: %d cores (%s), %d GiB RAM, Java %s, everything on loopback on this one machine.%n",
                Runtime.getRuntime().availableProcessors(), cpu, Long.parseLong(mem) / 1024 / 1024, System.getProperty("java.version"));
    }
}
