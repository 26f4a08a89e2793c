package com.insurepay.dynamodb.sandbox.durability;

import java.util.List;

/** Where changes go before a request is answered. In memory: nowhere. */
public interface MutationLog extends AutoCloseable {

    MutationLog NONE = new MutationLog() {
        @Override
        public void append(List<Mutation> mutations) {
        }

        @Override
        public void close() {
        }
    };

    /** Records the changes of one request atomically; when it returns they are durable. */
    void append(List<Mutation> mutations);

    @Override
    void close();
}
