package com.insurepay.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the bench reads from outside the processes it measures: /proc (CPU, RSS) and dynamodb-sandbox's counters. */
final class Probes {

    private Probes() {
    }

    /** CPU time (utime + stime) a process has used so far, in milliseconds; -1 when the process is gone. */
    static long cpuMillis(long pid, int clockTicksPerSecond) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // Fields after the command name (which may hold spaces) start at state: utime and stime are fields 14 and 15.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ticks * 1000 / clockTicksPerSecond;
        } catch (Exception e) {
            return -1;
        }
    }

    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            // gone
        }
        return 0;
    }

    static long pidOf(Path stackHome, String name) {
        try {
            return Long.parseLong(Files.readString(stackHome.resolve("pids").resolve(name + ".pid")).trim());
        } catch (Exception e) {
            return -1;
        }
    }

    /** dynamodb-sandbox's totals (GET /_sandbox/stats): all requests, and consumed read + write units on {@code table}. */
    record DbCounters(long requests, double readUnits, double writeUnits, JsonNode perOperation) {

        DbCounters minus(DbCounters before) {
            return new DbCounters(requests - before.requests, readUnits - before.readUnits, writeUnits - before.writeUnits, perOperation);
        }

        /** Requests per operation since {@code before}. */
        java.util.Map<String, Long> operationsSince(DbCounters before) {
            java.util.Map<String, Long> out = new java.util.TreeMap<>();
            perOperation.fields().forEachRemaining(e -> {
                long n = e.getValue().asLong() - (before.perOperation.has(e.getKey()) ? before.perOperation.get(e.getKey()).asLong() : 0);
                if (n > 0) {
                    out.put(e.getKey(), n);
                }
            });
            return out;
        }
    }

    static DbCounters dbCounters(String endpoint, String table) throws Exception {
        HttpResponse<String> r = BenchMain.HTTP.send(HttpRequest.newBuilder(URI.create(endpoint + "/_sandbox/stats")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode root = BenchMain.JSON.readTree(r.body());
        long requests = 0;
        for (JsonNode n : root.path("requests")) {
            requests += n.asLong();
        }
        JsonNode units = root.path("consumedCapacity").path(table);
        return new DbCounters(requests, units.path("readCapacityUnits").asDouble(), units.path("writeCapacityUnits").asDouble(),
                root.path("requests"));
    }
}
