package com.insurepay.dynamodb.sandbox.durability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.insurepay.dynamodb.sandbox.table.DefinitionJson;
import com.insurepay.dynamodb.sandbox.value.ValueJson;
import java.util.ArrayList;
import java.util.List;

/** Mutations as JSON, for the log. */
final class MutationJson {

    private MutationJson() {
    }

    static ObjectNode write(long sequence, List<Mutation> mutations) {
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        record.put("seq", sequence);
        ArrayNode list = record.putArray("m");
        for (Mutation m : mutations) {
            ObjectNode n = list.addObject();
            if (m instanceof Mutation.PutItem p) {
                n.put("op", "put").put("t", p.table()).set("item", ValueJson.writeItem(p.item()));
            } else if (m instanceof Mutation.DeleteItem d) {
                n.put("op", "delete").put("t", d.table()).set("key", ValueJson.writeItem(d.key()));
            } else if (m instanceof Mutation.CreateTable c) {
                n.put("op", "create").set("def", DefinitionJson.write(c.definition()));
            } else if (m instanceof Mutation.DeleteTable d) {
                n.put("op", "drop").put("t", d.table());
            } else if (m instanceof Mutation.Redefine r) {
                n.put("op", "redefine").set("def", DefinitionJson.write(r.definition()));
            }
        }
        return record;
    }

    static List<Mutation> read(JsonNode record) {
        List<Mutation> mutations = new ArrayList<>();
        for (JsonNode n : record.get("m")) {
            switch (n.get("op").asText()) {
                case "put" -> mutations.add(new Mutation.PutItem(n.get("t").asText(), ValueJson.readItem(n.get("item"))));
                case "delete" -> mutations.add(new Mutation.DeleteItem(n.get("t").asText(), ValueJson.readItem(n.get("key"))));
                case "create" -> mutations.add(new Mutation.CreateTable(DefinitionJson.read(n.get("def"))));
                case "drop" -> mutations.add(new Mutation.DeleteTable(n.get("t").asText()));
                case "redefine" -> mutations.add(new Mutation.Redefine(DefinitionJson.read(n.get("def"))));
                default -> throw new IllegalStateException("unknown log operation " + n.get("op"));
            }
        }
        return mutations;
    }
}
