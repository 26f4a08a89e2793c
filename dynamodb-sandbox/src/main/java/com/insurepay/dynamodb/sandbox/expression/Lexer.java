package com.insurepay.dynamodb.sandbox.expression;

import java.util.ArrayList;
import java.util.List;

/** Splits an expression into tokens. */
final class Lexer {

    private Lexer() {
    }

    static List<Token> tokens(String source, ExpressionContext context) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (c == '#' || c == ':') {
                i++;
                while (i < n && isWordChar(source.charAt(i))) {
                    i++;
                }
                if (i == start + 1) {
                    throw context.syntaxError(source, tokens, new Token(Token.Kind.SYMBOL, String.valueOf(c), start, i));
                }
                tokens.add(new Token(c == '#' ? Token.Kind.NAME_REF : Token.Kind.VALUE_REF, source.substring(start, i), start, i));
            } else if (Character.isLetter(c) || c == '_') {
                while (i < n && isWordChar(source.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Token.Kind.IDENTIFIER, source.substring(start, i), start, i));
            } else if (Character.isDigit(c)) {
                while (i < n && isWordChar(source.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Token.Kind.NUMBER, source.substring(start, i), start, i));
            } else if ((c == '<' || c == '>') && i + 1 < n && (source.charAt(i + 1) == '=' || (c == '<' && source.charAt(i + 1) == '>'))) {
                i += 2;
                tokens.add(new Token(Token.Kind.SYMBOL, source.substring(start, i), start, i));
            } else if ("=<>()[],.+-".indexOf(c) >= 0) {
                i++;
                tokens.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), start, i));
            } else {
                throw context.invalidCharacter(c);
            }
        }
        tokens.add(new Token(Token.Kind.EOF, "<EOF>", n, n));
        return tokens;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
