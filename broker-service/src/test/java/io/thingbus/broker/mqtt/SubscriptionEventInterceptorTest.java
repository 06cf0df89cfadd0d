package io.thingbus.broker.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.extension.sdk.api.packets.subscribe.SubackReasonCode;
import com.hivemq.extension.sdk.api.packets.unsuback.UnsubackReasonCode;
import io.thingbus.broker.domain.SessionEvents.GrantedFilter;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionEventInterceptorTest {

    @Test
    void granted_keepsTheGrantedFiltersWithTheirGrantedQos_inOrder() {
        assertThat(SubscriptionEventInterceptor.granted(List.of("a/#", "b/#", "c/#", "d/#"), List.of(
                SubackReasonCode.GRANTED_QOS_1, SubackReasonCode.NOT_AUTHORIZED, SubackReasonCode.GRANTED_QOS_0,
                SubackReasonCode.GRANTED_QOS_2)))
                .containsExactly(new GrantedFilter("a/#", 1), new GrantedFilter("c/#", 0), new GrantedFilter("d/#", 2));
    }

    @Test
    void removed_leavesOutFiltersThatHadNoSubscription() {
        assertThat(SubscriptionEventInterceptor.removed(List.of("a/#", "b/#"),
                List.of(UnsubackReasonCode.SUCCESS, UnsubackReasonCode.NO_SUBSCRIPTIONS_EXISTED)))
                .containsExactly("a/#");
    }

    @Test
    void removed_withoutReasonCodes_assumesEveryFilterWasRemoved() {
        assertThat(SubscriptionEventInterceptor.removed(List.of("a/#", "b/#"), List.of()))
                .containsExactly("a/#", "b/#");
    }
}
