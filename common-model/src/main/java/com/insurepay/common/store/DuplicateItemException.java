package com.insurepay.common.store;

/** A create whose key already exists. */
public class DuplicateItemException extends RuntimeException {
    public DuplicateItemException(String message) {
        super(message);
    }
}
