package com.insurepay.common.stream;

import software.amazon.awssdk.services.dynamodb.model.Record;

/** What a stream consumer does with one change of the table, in the order the changes happened to each item. */
@FunctionalInterface
public interface StreamRecordHandler {

    enum Decision {
        /** Done with it: the checkpoint may move past it. */
        HANDLED,
        /** Not due yet (e.g. a delay still running): stop this shard here and come back at the next poll. */
        NOT_YET
    }

    /** Throwing leaves the checkpoint before the record: it is handed over again at the next poll. */
    Decision handle(Record record);
}
