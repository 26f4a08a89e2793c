package com.insurepay.dynamodb.sandbox.expression;

import com.insurepay.dynamodb.sandbox.expression.Condition.Comparator;
import com.insurepay.dynamodb.sandbox.expression.UpdateExpression.Action;
import com.insurepay.dynamodb.sandbox.expression.UpdateExpression.Kind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser of DynamoDB's expression grammar (condition, filter and key-condition expressions,
 * update and projection expressions), written from the developer guide. Precedence, lowest first: OR, AND, NOT,
 * then comparisons, BETWEEN, IN and functions; keywords are case-insensitive, function names are not.
 */
public final class ExpressionParser {

    private static final Set<String> CONDITION_FUNCTIONS = Set.of("attribute_exists", "attribute_not_exists",
            "attribute_type", "begins_with", "contains");
    private static final Set<String> UPDATE_FUNCTIONS = Set.of("if_not_exists", "list_append");
    private static final int MAX_EXPRESSION_LENGTH = 4096;
    private static final int MAX_DEPTH = 32;

    private final String source;
    private final ExpressionContext context;
    private final List<Token> tokens;
    private int position;

    private ExpressionParser(String label, String source, ExpressionContext context) {
        this.source = source;
        this.context = context;
        context.label(label);
        if (source.isBlank()) {
            throw context.invalid("The expression can not be empty;");
        }
        if (source.length() > MAX_EXPRESSION_LENGTH) {
            throw context.invalid("Expression size has exceeded the maximum allowed size; expression size: " + source.length());
        }
        this.tokens = Lexer.tokens(source, context);
    }

    /** ConditionExpression, FilterExpression or KeyConditionExpression (label names it in messages). */
    public static Condition condition(String label, String source, ExpressionContext context) {
        ExpressionParser p = new ExpressionParser(label, source, context);
        Condition c = p.or();
        p.expectEnd();
        return c;
    }

    public static UpdateExpression update(String source, ExpressionContext context) {
        ExpressionParser p = new ExpressionParser("UpdateExpression", source, context);
        UpdateExpression u = p.updateExpression();
        p.expectEnd();
        return u;
    }

    public static List<Path> projection(String source, ExpressionContext context) {
        ExpressionParser p = new ExpressionParser("ProjectionExpression", source, context);
        List<Path> paths = new ArrayList<>();
        do {
            paths.add(p.path());
        } while (p.accept(","));
        p.expectEnd();
        PathOverlap.check(paths, context);
        return paths;
    }

    // ---- conditions ----

    private Condition or() {
        Condition left = and();
        while (peek().isKeyword("OR")) {
            next();
            left = new Condition.Or(left, and());
        }
        return left;
    }

    private Condition and() {
        Condition left = not();
        while (peek().isKeyword("AND")) {
            next();
            left = new Condition.And(left, not());
        }
        return left;
    }

    private Condition not() {
        if (peek().isKeyword("NOT")) {
            next();
            return new Condition.Not(not());
        }
        return predicate();
    }

    private int depth;

    private Condition predicate() {
        if (accept("(")) {
            if (++depth > MAX_DEPTH) {
                throw context.invalid("The expression contains too many levels of nesting");
            }
            Condition inner = or();
            expect(")");
            depth--;
            return inner;
        }
        Token t = peek();
        if (t.kind() == Token.Kind.IDENTIFIER && peekAt(1).is("(")) {
            if (CONDITION_FUNCTIONS.contains(t.text())) {
                next();
                return conditionFunction(t.text());
            }
            if (!t.text().equals("size")) {
                functionNotAllowedOrUnknown(t.text(), true);
            }
        }
        Operand left = conditionOperand();
        Token op = peek();
        if (op.isKeyword("BETWEEN")) {
            next();
            Operand lower = conditionOperand();
            if (!peek().isKeyword("AND")) {
                throw syntax(peek());
            }
            next();
            Operand upper = conditionOperand();
            checkBetweenBounds(lower, upper);
            return new Condition.Between(left, lower, upper);
        }
        if (op.isKeyword("IN")) {
            next();
            expect("(");
            List<Operand> candidates = new ArrayList<>();
            do {
                candidates.add(conditionOperand());
            } while (accept(","));
            expect(")");
            if (candidates.size() > 100) {
                throw context.invalid("The IN operator is provided with too many operands; number of operands: " + candidates.size());
            }
            return new Condition.In(left, candidates);
        }
        Comparator comparator = comparator(op);
        if (comparator == null) {
            throw syntax(op);
        }
        next();
        return new Condition.Compare(left, comparator, conditionOperand());
    }

    private void checkBetweenBounds(Operand lower, Operand upper) {
        if (lower instanceof Operand.Literal l && upper instanceof Operand.Literal u) {
            Integer c = com.insurepay.dynamodb.sandbox.value.ValueOrder.compare(l.value(), u.value());
            if (c != null && c > 0) {
                throw context.invalid("The BETWEEN operator requires upper bound to be greater than or equal to lower bound;"
                        + " lower bound operand: AttributeValue: " + com.insurepay.dynamodb.sandbox.value.ValueJson.describe(l.value())
                        + ", upper bound operand: AttributeValue: " + com.insurepay.dynamodb.sandbox.value.ValueJson.describe(u.value()));
            }
        }
    }

    private Condition conditionFunction(String name) {
        expect("(");
        List<Operand> args = new ArrayList<>();
        if (!peek().is(")")) {
            do {
                args.add(conditionOperand());
            } while (accept(","));
        }
        expect(")");
        int expected = name.startsWith("attribute_exists") || name.equals("attribute_not_exists") ? 1 : 2;
        if (args.size() != expected) {
            throw context.invalid("Incorrect number of operands for operator or function; operator or function: " + name
                    + ", number of operands: " + args.size());
        }
        if (!(args.get(0) instanceof Operand.PathOperand)) {
            throw context.invalid("Operator or function requires a document path; operator or function: " + name);
        }
        if (name.equals("begins_with") && args.get(1) instanceof Operand.Literal l
                && l.value().type() != com.insurepay.dynamodb.sandbox.value.ValueType.S
                && l.value().type() != com.insurepay.dynamodb.sandbox.value.ValueType.B) {
            throw context.invalid("Incorrect operand type for operator or function; operator or function: begins_with, operand type: "
                    + l.value().type().name());
        }
        if (name.equals("attribute_type")) {
            if (!(args.get(1) instanceof Operand.Literal l) || !(l.value() instanceof com.insurepay.dynamodb.sandbox.value.Value.S s)) {
                throw context
                        .invalid("Incorrect operand type for operator or function; operator or function: attribute_type, operand type: "
                                + (args.get(1) instanceof Operand.Literal l2 ? l2.value().type().name() : "PATH"));
            }
            if (com.insurepay.dynamodb.sandbox.value.ValueType.parse(s.value()) == null) {
                throw context.invalid("Invalid attribute type name found; type: " + s.value()
                        + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
            }
        }
        return new Condition.Function(name, args);
    }

    private Operand conditionOperand() {
        Token t = peek();
        if (t.kind() == Token.Kind.IDENTIFIER && peekAt(1).is("(")) {
            if (!t.text().equals("size")) {
                functionNotAllowedOrUnknown(t.text(), true);
            }
            next();
            expect("(");
            Operand arg = conditionOperand();
            expect(")");
            if (arg instanceof Operand.Literal l && !sizable(l.value())) {
                throw context.invalid("Incorrect operand type for operator or function; operator or function: size, operand type: "
                        + l.value().type().name());
            }
            return new Operand.Size(arg);
        }
        return simpleOperand();
    }

    private static boolean sizable(com.insurepay.dynamodb.sandbox.value.Value v) {
        return switch (v.type()) {
            case S, B, SS, NS, BS, L, M -> true;
            default -> false;
        };
    }

    private void functionNotAllowedOrUnknown(String name, boolean inCondition) {
        if (inCondition && UPDATE_FUNCTIONS.contains(name)) {
            throw context.invalid("The function is not allowed in a condition expression; function: " + name);
        }
        if (!inCondition && (CONDITION_FUNCTIONS.contains(name) || name.equals("size"))) {
            throw context.invalid("The function is not allowed in an update expression; function: " + name);
        }
        if (inCondition && CONDITION_FUNCTIONS.contains(name)) {
            throw context.invalid("The function is not allowed to be used this way in an expression; function: " + name);
        }
        throw context.invalid("Invalid function name; function: " + name);
    }

    private Operand simpleOperand() {
        Token t = peek();
        if (t.kind() == Token.Kind.VALUE_REF) {
            next();
            return new Operand.Literal(t.text(), context.value(t.text()));
        }
        return new Operand.PathOperand(path());
    }

    private static Comparator comparator(Token t) {
        if (t.kind() != Token.Kind.SYMBOL) {
            return null;
        }
        for (Comparator c : Comparator.values()) {
            if (c.symbol.equals(t.text())) {
                return c;
            }
        }
        return null;
    }

    // ---- paths ----

    Path path() {
        List<Path.Element> elements = new ArrayList<>();
        elements.add(new Path.Name(pathName()));
        while (true) {
            if (accept(".")) {
                elements.add(new Path.Name(pathName()));
            } else if (peek().is("[")) {
                next();
                Token n = next();
                if (n.kind() != Token.Kind.NUMBER || !n.text().chars().allMatch(Character::isDigit)) {
                    throw syntax(n);
                }
                int index;
                try {
                    index = Integer.parseInt(n.text());
                } catch (NumberFormatException e) {
                    throw context.invalid("List index is not within the allowable range; index: " + n.text());
                }
                expect("]");
                elements.add(new Path.Index(index));
            } else {
                break;
            }
        }
        if (elements.size() > MAX_DEPTH) {
            throw context.invalid("The document path has too many nesting levels; nesting levels: " + elements.size());
        }
        return new Path(elements);
    }

    private String pathName() {
        Token t = next();
        if (t.kind() == Token.Kind.NAME_REF) {
            return context.name(t.text());
        }
        if (t.kind() == Token.Kind.IDENTIFIER) {
            if (ReservedWords.isReserved(t.text())) {
                throw context.invalid("Attribute name is a reserved keyword; reserved keyword: " + t.text());
            }
            return t.text();
        }
        throw syntax(t);
    }

    // ---- updates ----

    private UpdateExpression updateExpression() {
        List<Action> actions = new ArrayList<>();
        EnumSet<Kind> seen = EnumSet.noneOf(Kind.class);
        do {
            Token t = next();
            Kind kind = clause(t);
            if (kind == null) {
                throw syntax(t);
            }
            if (!seen.add(kind)) {
                throw context.invalid("The \"" + kind + "\" section can only be used once in an update expression;");
            }
            do {
                actions.add(action(kind));
            } while (accept(","));
        } while (peek().kind() != Token.Kind.EOF);
        PathOverlap.check(actions.stream().map(Action::path).toList(), context);
        return new UpdateExpression(actions);
    }

    private static Kind clause(Token t) {
        if (t.kind() != Token.Kind.IDENTIFIER) {
            return null;
        }
        for (Kind k : Kind.values()) {
            if (t.text().equalsIgnoreCase(k.name())) {
                return k;
            }
        }
        return null;
    }

    private Action action(Kind kind) {
        Path path = path();
        switch (kind) {
            case SET : {
                expect("=");
                Operand left = updateOperand();
                if (peek().is("+") || peek().is("-")) {
                    boolean plus = next().is("+");
                    return new Action(kind, path, new Operand.Arithmetic(left, plus, updateOperand()));
                }
                return new Action(kind, path, left);
            }
            case REMOVE :
                return new Action(kind, path, null);
            default : {
                Token t = next();
                if (t.kind() != Token.Kind.VALUE_REF) {
                    throw syntax(t);
                }
                com.insurepay.dynamodb.sandbox.value.Value v = context.value(t.text());
                com.insurepay.dynamodb.sandbox.value.ValueType type = v.type();
                boolean ok = kind == Kind.ADD
                        ? type == com.insurepay.dynamodb.sandbox.value.ValueType.N || isSet(type)
                        : isSet(type);
                if (!ok) {
                    throw context.invalid("Incorrect operand type for operator or function; operator: " + kind + ", operand type: "
                            + type.longName());
                }
                return new Action(kind, path, new Operand.Literal(t.text(), v));
            }
        }
    }

    private static boolean isSet(com.insurepay.dynamodb.sandbox.value.ValueType t) {
        return t == com.insurepay.dynamodb.sandbox.value.ValueType.SS || t == com.insurepay.dynamodb.sandbox.value.ValueType.NS
                || t == com.insurepay.dynamodb.sandbox.value.ValueType.BS;
    }

    private Operand updateOperand() {
        Token t = peek();
        if (t.kind() == Token.Kind.IDENTIFIER && peekAt(1).is("(")) {
            if (!UPDATE_FUNCTIONS.contains(t.text())) {
                functionNotAllowedOrUnknown(t.text(), false);
            }
            next();
            expect("(");
            Operand first = updateOperand();
            expect(",");
            Operand second = updateOperand();
            expect(")");
            if (t.text().equals("if_not_exists")) {
                if (!(first instanceof Operand.PathOperand p)) {
                    throw context.invalid("Operator or function requires a document path; operator or function: if_not_exists");
                }
                return new Operand.IfNotExists(p.path(), second);
            }
            for (Operand o : List.of(first, second)) {
                if (o instanceof Operand.Literal l && l.value().type() != com.insurepay.dynamodb.sandbox.value.ValueType.L) {
                    throw context
                            .invalid("Incorrect operand type for operator or function; operator or function: list_append, operand type: "
                                    + l.value().type().name());
                }
            }
            return new Operand.ListAppend(first, second);
        }
        return simpleOperand();
    }

    // ---- tokens ----

    private Token peek() {
        return tokens.get(position);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(position + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(position);
        if (position < tokens.size() - 1) {
            position++;
        }
        return t;
    }

    private boolean accept(String symbol) {
        if (peek().is(symbol)) {
            next();
            return true;
        }
        return false;
    }

    private void expect(String symbol) {
        Token t = next();
        if (!t.is(symbol)) {
            throw syntax(t);
        }
    }

    private void expectEnd() {
        if (peek().kind() != Token.Kind.EOF) {
            throw syntax(peek());
        }
    }

    private RuntimeException syntax(Token t) {
        return context.syntaxError(source, tokens, t);
    }
}
