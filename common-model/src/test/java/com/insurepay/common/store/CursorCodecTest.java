package com.insurepay.common.store;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CursorCodecTest {

    @Test
    void roundTripsALastEvaluatedKey() {
        var key = Map.of("pk", Attr.s("PAY#pay_1"), "sk", Attr.s("PAYMENT"), "user_id", Attr.s("u 1/é"), "created_at", Attr.s("2026"));
        assertEquals(key, CursorCodec.decode(CursorCodec.encode(key)));
        assertNull(CursorCodec.encode(Map.of()));
        assertNull(CursorCodec.decode(null));
    }

    @Test
    void refusesCursorsWeDidNotIssue() {
        assertThrows(InvalidCursorException.class, () -> CursorCodec.decode("not base64!!"));
        assertThrows(InvalidCursorException.class, () -> CursorCodec.decode("aGVsbG8"));
    }
}
