package com.insurepay.dynamodb.sandbox;

import static com.insurepay.dynamodb.sandbox.Sandboxes.client;
import static com.insurepay.dynamodb.sandbox.Sandboxes.item;
import static com.insurepay.dynamodb.sandbox.Sandboxes.n;
import static com.insurepay.dynamodb.sandbox.Sandboxes.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** Condition and update expression semantics, as the developer guide documents them. */
class ExpressionSemanticsTest {

    static String table;

    @BeforeAll
    static void seed() {
        table = Sandboxes.createTable("expr", false);
        client().putItem(b -> b.tableName(table).item(item("pk", "doc", "nick", "Alice", "age", 42, "price", AttributeValue.fromN("9.99"),
                "tags", AttributeValue.fromSs(List.of("red", "blue")), "scores", AttributeValue.fromNs(List.of("1", "2")),
                "lst", AttributeValue.fromL(List.of(s("a"), n("1"), AttributeValue.fromM(Map.of("deep", s("x"))))),
                "addr", AttributeValue.fromM(Map.of("city", s("Paris"), "zip", n("75001"))), "flag", AttributeValue.fromBool(true),
                "nothing", AttributeValue.fromNul(true))));
    }

    /** Whether the condition holds on the seeded item (a conditional no-op update tells). */
    private static boolean holds(String condition, Map<String, AttributeValue> values) {
        try {
            client().updateItem(b -> b.tableName(table).key(Map.of("pk", s("doc"))).updateExpression("SET probe = :probe")
                    .conditionExpression(condition)
                    .expressionAttributeValues(with(values, ":probe", s("p"))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static Map<String, AttributeValue> with(Map<String, AttributeValue> values, String k, AttributeValue v) {
        Map<String, AttributeValue> m = new HashMap<>(values);
        m.put(k, v);
        return m;
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "attribute_exists(nick)|true",
            "attribute_not_exists(nick)|false",
            "attribute_not_exists(absent)|true",
            "attribute_exists(addr.city)|true",
            "attribute_exists(lst[2].deep)|true",
            "attribute_exists(lst[7])|false",
            "age = :n42|true",
            "age <> :n42|false",
            "age > :n41 AND age < :n43|true",
            "age BETWEEN :n41 AND :n43|true",
            "age IN (:n41, :n42)|true",
            "age = :s42|false",
            "age <> :s42|true",
            "age < :s42|false",
            "absent <> :n42|true",
            "absent < :n42|false",
            "price = :price|true",
            "nick > :sA AND nick < :sB|true",
            "begins_with(nick, :sAl)|true",
            "begins_with(age, :sAl)|false",
            "contains(nick, :slic)|true",
            "contains(tags, :sred)|true",
            "contains(tags, :sgreen)|false",
            "contains(scores, :n2)|true",
            "contains(lst, :sa)|true",
            "size(nick) = :n5|true",
            "size(tags) = :n2|true",
            "size(lst) = :n3|true",
            "size(addr) = :n2|true",
            "size(age) = :n2|false",
            "attribute_type(flag, :tBOOL)|true",
            "attribute_type(nothing, :tNULL)|true",
            "attribute_type(age, :tS)|false",
            "NOT attribute_exists(absent) AND (age = :n1 OR age = :n42)|true",
            "age = :n1 OR age = :n42 AND nick = :sAl|false",
            "addr.city = :sParis|true",
            "lst[0] = :sa|true",
    })
    void conditions_hold_as_documented(String condition, boolean expected) {
        Map<String, AttributeValue> all = new HashMap<>(Map.ofEntries(
                Map.entry(":n1", n("1")), Map.entry(":n2", n("2")), Map.entry(":n3", n("3")), Map.entry(":n5", n("5")),
                Map.entry(":n41", n("41")),
                Map.entry(":n42", n("42")), Map.entry(":n43", n("43")), Map.entry(":s42", s("42")), Map.entry(":price", n("9.990")),
                Map.entry(":sA", s("A")), Map.entry(":sB", s("B")), Map.entry(":sAl", s("Al")), Map.entry(":slic", s("lic")),
                Map.entry(":sred", s("red")), Map.entry(":sgreen", s("green")), Map.entry(":sa", s("a")), Map.entry(":sParis", s("Paris")),
                Map.entry(":tBOOL", s("BOOL")), Map.entry(":tNULL", s("NULL")), Map.entry(":tS", s("S"))));
        all.keySet().removeIf(k -> !condition.matches(".*" + java.util.regex.Pattern.quote(k) + "\\b.*"));
        assertEquals(expected, holds(condition, all), condition);
    }

    @Test
    void attribute_not_exists_holds_on_a_missing_item() {
        client().putItem(b -> b.tableName(table).item(item("pk", "fresh")).conditionExpression("attribute_not_exists(pk)"));
        assertTrue(client().getItem(b -> b.tableName(table).key(Map.of("pk", s("fresh")))).hasItem());
    }

    private static Map<String, AttributeValue> update(String key, String expression, Map<String, AttributeValue> values) {
        return client().updateItem(b -> b.tableName(table).key(Map.of("pk", s(key))).updateExpression(expression)
                .expressionAttributeValues(values.isEmpty() ? null : values).returnValues(ReturnValue.ALL_NEW)).attributes();
    }

    @Test
    void numbers_are_decimals_with_38_digits() {
        Map<String, AttributeValue> r = update("num", "SET a = :x + :y, b = :big", Map.of(":x", n("0.1"), ":y", n("0.2"),
                ":big", n("12345678901234567890123456789012345678")));
        assertEquals("0.3", r.get("a").n());
        assertEquals("12345678901234567890123456789012345678", r.get("b").n());
        DynamoDbException tooPrecise = assertThrows(DynamoDbException.class, () -> update("num", "SET c = :v",
                Map.of(":v", n("123456789012345678901234567890123456789"))));
        assertTrue(tooPrecise.awsErrorDetails().errorMessage().contains("38 significant digits"), tooPrecise.getMessage());
        DynamoDbException overflow = assertThrows(DynamoDbException.class, () -> update("num", "SET c = :v", Map.of(":v", n("1E+126"))));
        assertTrue(overflow.awsErrorDetails().errorMessage().startsWith("Number overflow"));
        DynamoDbException notNumber = assertThrows(DynamoDbException.class, () -> update("num", "SET c = :v", Map.of(":v", n("abc"))));
        assertEquals("The parameter cannot be converted to a numeric value: abc", notNumber.awsErrorDetails().errorMessage());
    }

    @Test
    void set_with_arithmetic_if_not_exists_and_list_append() {
        Map<String, AttributeValue> r = update("set",
                "SET c = if_not_exists(c, :zero) + :one, l = list_append(if_not_exists(l, :empty), :more)",
                Map.of(":zero", n("0"), ":one", n("1"), ":empty", AttributeValue.fromL(List.of()), ":more",
                        AttributeValue.fromL(List.of(s("x")))));
        assertEquals("1", r.get("c").n());
        r = update("set", "SET c = c - :one, l = list_append(:front, l)", Map.of(":one", n("1"),
                ":front", AttributeValue.fromL(List.of(s("first")))));
        assertEquals("0", r.get("c").n());
        assertEquals(List.of("first", "x"), r.get("l").l().stream().map(AttributeValue::s).toList());
    }

    @Test
    void right_hand_sides_are_evaluated_on_the_item_before_the_update() {
        update("swap", "SET a = :one, b = :two", Map.of(":one", n("1"), ":two", n("2")));
        Map<String, AttributeValue> r = update("swap", "SET a = b, b = a", Map.of());
        assertEquals("2", r.get("a").n());
        assertEquals("1", r.get("b").n());
    }

    @Test
    void nested_paths_and_list_indexes() {
        update("nest", "SET m = :m, l = :l", Map.of(":m", AttributeValue.fromM(Map.of("nested", AttributeValue.fromM(Map.of()))),
                ":l", AttributeValue.fromL(List.of(s("a"), s("b"), s("c")))));
        Map<String, AttributeValue> r = update("nest", "SET m.nested.x = :x, l[1] = :B, l[10] = :end REMOVE l[0]",
                Map.of(":x", n("5"), ":B", s("B"), ":end", s("end")));
        assertEquals("5", r.get("m").m().get("nested").m().get("x").n());
        assertEquals(List.of("B", "c", "end"), r.get("l").l().stream().map(AttributeValue::s).toList(),
                "an index past the end appends; REMOVE l[0] refers to the original position");
        DynamoDbException e = assertThrows(DynamoDbException.class, () -> update("nest", "SET nope.x = :x", Map.of(":x", n("1"))));
        assertEquals("The document path provided in the update expression is invalid for update", e.awsErrorDetails().errorMessage());
    }

    @Test
    void add_and_delete_on_numbers_and_sets() {
        Map<String, AttributeValue> r = update("sets", "ADD n :five, s :ab",
                Map.of(":five", n("5"), ":ab", AttributeValue.fromSs(List.of("a", "b"))));
        assertEquals("5", r.get("n").n());
        r = update("sets", "ADD s :bc DELETE n2 :x",
                Map.of(":bc", AttributeValue.fromSs(List.of("b", "c")), ":x", AttributeValue.fromNs(List.of("1"))));
        assertEquals(List.of("a", "b", "c"), r.get("s").ss());
        r = update("sets", "DELETE s :abc", Map.of(":abc", AttributeValue.fromSs(List.of("a", "b", "c"))));
        assertFalse(r.containsKey("s"), "a set emptied by DELETE is removed");
        DynamoDbException wrongType = assertThrows(DynamoDbException.class, () -> update("sets", "ADD n :s",
                Map.of(":s", AttributeValue.fromSs(List.of("x")))));
        assertEquals("An operand in the update expression has an incorrect data type", wrongType.awsErrorDetails().errorMessage());
        DynamoDbException addString = assertThrows(DynamoDbException.class, () -> update("sets", "ADD n :s", Map.of(":s", s("x"))));
        assertEquals("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING",
                addString.awsErrorDetails().errorMessage());
    }

    @Test
    void overlapping_paths_and_repeated_sections_are_refused() {
        DynamoDbException overlap = assertThrows(DynamoDbException.class, () -> update("ov", "ADD tags :a DELETE tags :b",
                Map.of(":a", AttributeValue.fromSs(List.of("x")), ":b", AttributeValue.fromSs(List.of("y")))));
        assertEquals("Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths;"
                + " path one: [tags], path two: [tags]", overlap.awsErrorDetails().errorMessage());
        DynamoDbException nested = assertThrows(DynamoDbException.class, () -> update("ov", "SET a = :v, a.b = :v", Map.of(":v", n("1"))));
        assertTrue(nested.awsErrorDetails().errorMessage().contains("path one: [a], path two: [a, b]"));
        DynamoDbException twice = assertThrows(DynamoDbException.class, () -> update("ov", "SET a = :v SET b = :v", Map.of(":v", n("1"))));
        assertEquals("Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;",
                twice.awsErrorDetails().errorMessage());
    }

    @Test
    void arithmetic_on_a_missing_attribute_or_a_string_fails() {
        DynamoDbException missing = assertThrows(DynamoDbException.class,
                () -> update("ar", "SET a = nope + :one", Map.of(":one", n("1"))));
        assertEquals("The provided expression refers to an attribute that does not exist in the item",
                missing.awsErrorDetails().errorMessage());
        update("ar", "SET s = :s", Map.of(":s", s("x")));
        DynamoDbException string = assertThrows(DynamoDbException.class, () -> update("ar", "SET a = s + :one", Map.of(":one", n("1"))));
        assertEquals("An operand in the update expression has an incorrect data type", string.awsErrorDetails().errorMessage());
    }

    @Test
    void functions_in_the_wrong_place_and_bad_between_bounds_are_refused() {
        DynamoDbException inCondition = assertThrows(DynamoDbException.class,
                () -> holds("if_not_exists(a, :v) = :v", Map.of(":v", n("1"))));
        assertEquals("Invalid ConditionExpression: The function is not allowed in a condition expression; function: if_not_exists",
                inCondition.awsErrorDetails().errorMessage());
        DynamoDbException unknown = assertThrows(DynamoDbException.class, () -> holds("nope(a)", Map.of()));
        assertEquals("Invalid ConditionExpression: Invalid function name; function: nope", unknown.awsErrorDetails().errorMessage());
        DynamoDbException between = assertThrows(DynamoDbException.class, () -> holds("age BETWEEN :hi AND :lo",
                Map.of(":hi", n("5"), ":lo", n("1"))));
        assertTrue(between.awsErrorDetails().errorMessage().startsWith(
                "Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound"));
        DynamoDbException empty = assertThrows(DynamoDbException.class, () -> holds("  ", Map.of()));
        assertEquals("Invalid ConditionExpression: The expression can not be empty;", empty.awsErrorDetails().errorMessage());
    }

    @Test
    void reserved_words_must_be_aliased() {
        DynamoDbException bare = assertThrows(DynamoDbException.class, () -> update("rw", "SET status = :s", Map.of(":s", s("x"))));
        assertEquals("Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: status",
                bare.awsErrorDetails().errorMessage());
        DynamoDbException nested = assertThrows(DynamoDbException.class, () -> holds("attribute_exists(nick.Value)", Map.of()));
        assertEquals("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: Value",
                nested.awsErrorDetails().errorMessage());
        Map<String, AttributeValue> aliased = client().updateItem(b -> b.tableName(table).key(Map.of("pk", s("rw")))
                .updateExpression("SET #s = :s").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", s("x"))).returnValues(ReturnValue.ALL_NEW)).attributes();
        assertEquals("x", aliased.get("status").s());
    }

    @Test
    void projection_keeps_nested_paths_and_list_elements() {
        Map<String, AttributeValue> got = client().getItem(b -> b.tableName(table).key(Map.of("pk", s("doc")))
                .projectionExpression("#n, addr.city, lst[2].deep, lst[0]").expressionAttributeNames(Map.of("#n", "nick"))).item();
        assertEquals(3, got.size(), got.toString());
        assertEquals(Map.of("city", s("Paris")), got.get("addr").m());
        assertEquals(2, got.get("lst").l().size());
        assertEquals("a", got.get("lst").l().get(0).s());
        assertEquals("x", got.get("lst").l().get(1).m().get("deep").s());
    }
}
