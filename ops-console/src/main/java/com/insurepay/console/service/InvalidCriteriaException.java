package com.insurepay.console.service;

import java.util.Map;

/** A search or filter the console cannot run: field → sentence saying what is expected (answered 400). */
public class InvalidCriteriaException extends RuntimeException {

    private final Map<String, String> problems;

    public InvalidCriteriaException(Map<String, String> problems) {
        super(String.join("; ", problems.values()));
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
        return problems;
    }
}
