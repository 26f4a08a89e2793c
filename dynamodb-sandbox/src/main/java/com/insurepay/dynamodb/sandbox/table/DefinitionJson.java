package com.insurepay.dynamodb.sandbox.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.insurepay.dynamodb.sandbox.value.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A table definition as the write-ahead log and snapshots store it. */
public final class DefinitionJson {

    private DefinitionJson() {
    }

    public static ObjectNode write(TableDefinition d) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("name", d.name()).put("tableId", d.tableId()).put("created", d.createdEpochMillis());
        n.set("key", key(d.key()));
        ObjectNode attrs = n.putObject("attributes");
        d.attributeDefinitions().forEach((k, v) -> attrs.put(k, v.name()));
        n.put("billingMode", d.billingMode()).put("read", d.readCapacity()).put("write", d.writeCapacity());
        ArrayNode indexes = n.putArray("indexes");
        d.indexes().forEach(i -> {
            ObjectNode x = indexes.addObject();
            x.put("name", i.name()).put("global", i.global()).put("projection", i.projection().name())
                    .put("read", i.readCapacity()).put("write", i.writeCapacity());
            x.set("key", key(i.key()));
            ArrayNode nk = x.putArray("nonKey");
            i.nonKeyAttributes().forEach(nk::add);
        });
        n.put("streamEnabled", d.streamEnabled());
        if (d.streamViewType() != null) {
            n.put("streamViewType", d.streamViewType()).put("streamLabel", d.streamLabel());
        }
        if (d.ttlAttribute() != null) {
            n.put("ttlAttribute", d.ttlAttribute());
        }
        n.put("ttlEnabled", d.ttlEnabled()).put("deletionProtection", d.deletionProtection());
        return n;
    }

    public static TableDefinition read(JsonNode n) {
        Map<String, ValueType> attrs = new LinkedHashMap<>();
        n.get("attributes").fields().forEachRemaining(e -> attrs.put(e.getKey(), ValueType.valueOf(e.getValue().asText())));
        List<IndexDefinition> gsis = new ArrayList<>();
        List<IndexDefinition> lsis = new ArrayList<>();
        for (JsonNode x : n.get("indexes")) {
            List<String> nonKey = new ArrayList<>();
            x.get("nonKey").forEach(v -> nonKey.add(v.asText()));
            IndexDefinition i = new IndexDefinition(x.get("name").asText(), x.get("global").asBoolean(), key(x.get("key")),
                    IndexDefinition.ProjectionType.valueOf(x.get("projection").asText()), nonKey, x.get("read").asLong(),
                    x.get("write").asLong());
            (i.global() ? gsis : lsis).add(i);
        }
        return new TableDefinition(n.get("name").asText(), n.get("tableId").asText(), n.get("created").asLong(), key(n.get("key")),
                attrs, n.get("billingMode").asText(), n.get("read").asLong(), n.get("write").asLong(), gsis, lsis,
                n.get("streamEnabled").asBoolean(), n.path("streamViewType").textValue(), n.path("streamLabel").textValue(),
                n.path("ttlAttribute").textValue(), n.get("ttlEnabled").asBoolean(), n.get("deletionProtection").asBoolean());
    }

    private static ObjectNode key(KeySchema k) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("hash", k.hash().name()).put("hashType", k.hash().type().name());
        if (k.hasRange()) {
            n.put("range", k.range().name()).put("rangeType", k.range().type().name());
        }
        return n;
    }

    private static KeySchema key(JsonNode n) {
        KeySchema.Element hash = new KeySchema.Element(n.get("hash").asText(), ValueType.valueOf(n.get("hashType").asText()));
        KeySchema.Element range = n.has("range")
                ? new KeySchema.Element(n.get("range").asText(), ValueType.valueOf(n.get("rangeType").asText())) : null;
        return new KeySchema(hash, range);
    }
}
