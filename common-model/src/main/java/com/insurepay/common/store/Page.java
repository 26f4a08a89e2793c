package com.insurepay.common.store;

import java.util.List;

/** One page of a query, newest first. {@code nextCursor} is opaque and null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {
}
