package com.insurepay.dynamodb.sandbox.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.insurepay.dynamodb.sandbox.table.Database;
import com.insurepay.dynamodb.sandbox.table.Table;
import com.insurepay.dynamodb.sandbox.value.Value;
import com.insurepay.dynamodb.sandbox.value.ValueJson;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Read-only pages for people and probes: {@code /_sandbox/health}, {@code /_sandbox/stats} (JSON), the table list
 * ({@code /_sandbox/} or {@code /} for a browser) and one table's items ({@code /_sandbox/tables/NAME}).
 */
public final class AdminPages {

    public static final String PREFIX = "/_sandbox";
    static final int ITEMS_PER_PAGE = 200;

    public record Page(int status, String contentType, byte[] body) {
    }

    private final Database db;
    private final SandboxStats stats;
    private final ObjectMapper json = new ObjectMapper();

    public AdminPages(Database db, SandboxStats stats) {
        this.db = db;
        this.stats = stats;
    }

    public Page get(String path, String query) throws Exception {
        if (path.equals(PREFIX + "/health")) {
            return json(200, json.createObjectNode().put("status", "UP").put("tables", db.tables().size()));
        }
        if (path.equals(PREFIX + "/stats")) {
            return json(200, statsJson());
        }
        if (path.equals("/") || path.equals(PREFIX) || path.equals(PREFIX + "/")) {
            return html(200, tableList());
        }
        if (path.startsWith(PREFIX + "/tables/")) {
            String name = URLDecoder.decode(path.substring((PREFIX + "/tables/").length()), StandardCharsets.UTF_8);
            Table table = db.tableOrNull(name);
            if (table == null) {
                return html(404, layout("Not found", "<p>No table named <code>" + escape(name) + "</code>. <a href=\"" + PREFIX
                        + "/\">All tables</a></p>"));
            }
            return html(200, tableItems(table));
        }
        return html(404, layout("Not found", "<p>Nothing here. <a href=\"" + PREFIX + "/\">All tables</a></p>"));
    }

    /** {@code DELETE /_sandbox/stats}: starts counting afresh (a benchmark calls it before a measured run). */
    public Page resetStats() throws Exception {
        stats.reset();
        return json(200, statsJson());
    }

    private ObjectNode statsJson() {
        ObjectNode root = json.createObjectNode();
        ObjectNode requests = root.putObject("requests");
        stats.requests().forEach(requests::put);
        ObjectNode errors = root.putObject("errors");
        stats.errors().forEach(errors::put);
        ObjectNode consumed = root.putObject("consumedCapacity");
        stats.consumedUnits().forEach((t, u) -> consumed.putObject(t).put("readCapacityUnits", u[0]).put("writeCapacityUnits", u[1]));
        ObjectNode tables = root.putObject("tables");
        for (Table t : db.tables()) {
            tables.putObject(t.name()).put("itemCount", t.itemCount()).put("sizeBytes", t.sizeBytes());
        }
        return root;
    }

    private String tableList() {
        StringBuilder rows = new StringBuilder();
        for (Table t : db.tables()) {
            rows.append("<tr><td><a href=\"").append(PREFIX).append("/tables/")
                    .append(URLEncoder.encode(t.name(), StandardCharsets.UTF_8)).append("\">").append(escape(t.name()))
                    .append("</a></td><td>").append(t.itemCount()).append("</td><td>").append(t.sizeBytes())
                    .append("</td><td>").append(escape(String.join(", ", t.definition().key().names())))
                    .append("</td><td>").append(t.definition().indexes().size()).append("</td><td>")
                    .append(t.definition().ttlEnabled() ? escape(t.definition().ttlAttribute()) : "–").append("</td></tr>");
        }
        String body = db.tables().isEmpty() ? "<p>No tables yet.</p>"
                : "<table><tr><th>table</th><th>items</th><th>bytes</th><th>key</th><th>indexes</th><th>TTL</th></tr>" + rows + "</table>";
        return layout("Tables", body + "<p class=\"meta\"><a href=\"" + PREFIX + "/stats\">stats (JSON)</a> · <a href=\"" + PREFIX
                + "/health\">health</a></p>");
    }

    private String tableItems(Table table) throws Exception {
        List<Map<String, Value>> items = new ArrayList<>();
        table.lock().readLock().lock();
        try {
            for (Map<String, Value> item : table.items().values()) {
                if (items.size() == ITEMS_PER_PAGE) {
                    break;
                }
                items.add(item);
            }
        } finally {
            table.lock().readLock().unlock();
        }
        StringBuilder rows = new StringBuilder();
        for (Map<String, Value> item : items) {
            rows.append("<tr><td>").append(escape(keyText(table, item))).append("</td><td><pre>")
                    .append(escape(json.writerWithDefaultPrettyPrinter().writeValueAsString(ValueJson.writeItem(item))))
                    .append("</pre></td></tr>");
        }
        String shown = table.itemCount() > ITEMS_PER_PAGE ? " (the first " + ITEMS_PER_PAGE + " in scan order)" : "";
        return layout(table.name(), "<p><a href=\"" + PREFIX + "/\">All tables</a> · " + table.itemCount() + " items" + shown + "</p>"
                + "<table><tr><th>key</th><th>item</th></tr>" + rows + "</table>");
    }

    private static String keyText(Table table, Map<String, Value> item) {
        StringBuilder sb = new StringBuilder();
        for (String name : table.definition().key().names()) {
            if (sb.length() > 0) {
                sb.append(" / ");
            }
            sb.append(ValueJson.describe(item.get(name)));
        }
        return sb.toString();
    }

    private static String layout(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + " · dynamodb-sandbox</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
                + "td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}pre{margin:0}"
                + ".meta{color:#666}</style></head><body><h1>" + escape(title) + "</h1>" + body + "</body></html>";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private Page json(int status, ObjectNode node) throws Exception {
        return new Page(status, "application/json", json.writeValueAsBytes(node));
    }

    private static Page html(int status, String html) {
        return new Page(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }
}
