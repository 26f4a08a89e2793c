package com.insurepay.webhook.support;

import com.insurepay.common.store.PaymentItems;
import io.quarkus.arc.Unremovable;
import io.quarkus.test.junit.QuarkusTestProfile;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Every request the application's DynamoDbClient sends, with the thread that sent it; and, on demand, one write that
 * fails as if DynamoDB were unreachable. Registered on the client by {@code quarkus.dynamodb.interceptors} in
 * {@link Profile}, so it sees exactly what the service does.
 */
@ApplicationScoped
@Unremovable
public class DynamoDbRequestLog implements ExecutionInterceptor {

    /** Registers the interceptor (a build-time setting, hence a test profile of its own; its tests share one app). */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.dynamodb.interceptors", DynamoDbRequestLog.class.getName());
        }
    }

    /** One request, as handed to the SDK. */
    public record Sent(SdkRequest request, String thread) {
    }

    // Static: the SDK may instantiate the interceptor itself rather than take the CDI bean.
    private static final List<Sent> SENT = new CopyOnWriteArrayList<>();
    private static final Set<Map<?, ?>> FAIL_NEXT_UPDATE = ConcurrentHashMap.newKeySet();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        SENT.add(new Sent(context.request(), Thread.currentThread().getName()));
        if (context.request() instanceof UpdateItemRequest update && FAIL_NEXT_UPDATE.remove(update.key())) {
            throw SdkClientException.create("injected: DynamoDB unreachable for this one write");
        }
    }

    public void clear() {
        SENT.clear();
        FAIL_NEXT_UPDATE.clear();
    }

    public List<Sent> sent() {
        return List.copyOf(SENT);
    }

    /** The next UpdateItem of this payment fails before it is sent (nothing written), as in an outage. */
    public void failNextUpdateOf(String paymentId) {
        FAIL_NEXT_UPDATE.add(PaymentItems.key(paymentId));
    }
}
