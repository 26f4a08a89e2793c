package com.insurepay.sandbox.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.insurepay.sandbox.api.StripeApiException;
import com.insurepay.sandbox.api.StripeParams;
import com.insurepay.sandbox.store.StripeObject;
import com.insurepay.sandbox.support.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;

/** Stripe's cursor pagination (limit, starting_after, ending_before) and the {@code created} filter. */
public final class StripeLists {

    private StripeLists() {
    }

    public static <T extends StripeObject> ObjectNode page(List<T> newestFirst, StripeParams params, String url, String objectName) {
        long limit = params.integer("limit").orElse(10L);
        if (limit < 1 || limit > 100) {
            throw StripeApiException.invalid(
                    "parameter_invalid_integer", "limit", "Invalid limit: must be between 1 and 100");
        }
        Optional<String> after = params.string("starting_after");
        Optional<String> before = params.string("ending_before");
        if (after.isPresent() && before.isPresent()) {
            throw StripeApiException.invalid(
                    null, "ending_before", "You may only specify one of these parameters: ending_before, starting_after.");
        }
        List<T> window;
        boolean hasMore;
        if (after.isPresent()) {
            int index = indexOf(newestFirst, after.get(), "starting_after", objectName);
            List<T> rest = newestFirst.subList(index + 1, newestFirst.size());
            window = rest.subList(0, (int) Math.min(limit, rest.size()));
            hasMore = rest.size() > limit;
        } else if (before.isPresent()) {
            int index = indexOf(newestFirst, before.get(), "ending_before", objectName);
            List<T> earlier = newestFirst.subList(0, index);
            int from = (int) Math.max(0, earlier.size() - limit);
            window = earlier.subList(from, earlier.size());
            hasMore = from > 0;
        } else {
            window = newestFirst.subList(0, (int) Math.min(limit, newestFirst.size()));
            hasMore = newestFirst.size() > limit;
        }
        List<ObjectNode> data = new ArrayList<>();
        window.forEach(o -> data.add(o.toJson()));
        return Json.list(url, data, hasMore);
    }

    private static <T extends StripeObject> int indexOf(List<T> list, String id, String param, String objectName) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(id)) {
                return i;
            }
        }
        throw StripeApiException.resourceMissing(objectName, param, id);
    }

    /** {@code created=N} or {@code created[gt|gte|lt|lte]=N}. */
    public static LongPredicate createdFilter(StripeParams params) {
        Optional<StripeParams> range = params.hash("created");
        if (range.isEmpty()) {
            Optional<Long> exact = params.integer("created");
            return exact.<LongPredicate>map(v -> c -> c == v).orElse(c -> true);
        }
        StripeParams r = range.get();
        long gt = r.integer("gt").orElse(Long.MIN_VALUE);
        long gte = r.integer("gte").orElse(Long.MIN_VALUE);
        long lt = r.integer("lt").orElse(Long.MAX_VALUE);
        long lte = r.integer("lte").orElse(Long.MAX_VALUE);
        return c -> c > gt && c >= gte && c < lt && c <= lte;
    }
}
