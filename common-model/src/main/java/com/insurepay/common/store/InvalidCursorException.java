package com.insurepay.common.store;

/** A pagination cursor that we did not issue (or that was tampered with). */
public class InvalidCursorException extends IllegalArgumentException {
    public InvalidCursorException() {
        super("cursor is not valid: pass the next_cursor value of a previous page unchanged");
    }
}
