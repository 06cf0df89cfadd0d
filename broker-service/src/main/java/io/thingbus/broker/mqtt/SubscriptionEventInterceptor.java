package io.thingbus.broker.mqtt;

import com.hivemq.extension.sdk.api.interceptor.suback.SubackOutboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.suback.parameter.SubackOutboundInput;
import com.hivemq.extension.sdk.api.interceptor.suback.parameter.SubackOutboundOutput;
import com.hivemq.extension.sdk.api.interceptor.subscribe.SubscribeInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.subscribe.parameter.SubscribeInboundInput;
import com.hivemq.extension.sdk.api.interceptor.subscribe.parameter.SubscribeInboundOutput;
import com.hivemq.extension.sdk.api.interceptor.unsuback.UnsubackOutboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.unsuback.parameter.UnsubackOutboundInput;
import com.hivemq.extension.sdk.api.interceptor.unsuback.parameter.UnsubackOutboundOutput;
import com.hivemq.extension.sdk.api.interceptor.unsubscribe.UnsubscribeInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.unsubscribe.parameter.UnsubscribeInboundInput;
import com.hivemq.extension.sdk.api.interceptor.unsubscribe.parameter.UnsubscribeInboundOutput;
import com.hivemq.extension.sdk.api.packets.subscribe.SubackReasonCode;
import com.hivemq.extension.sdk.api.packets.subscribe.Subscription;
import com.hivemq.extension.sdk.api.packets.unsuback.UnsubackReasonCode;
import io.thingbus.broker.domain.MqttConnection;
import io.thingbus.broker.domain.SessionEventSink;
import io.thingbus.broker.domain.SessionEvents;
import io.thingbus.broker.domain.SessionEvents.GrantedFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reports the subscriptions one connection gains and loses. The filters come from SUBSCRIBE / UNSUBSCRIBE, the outcome
 * from the SUBACK / UNSUBACK HiveMQ answers with (matched by packet id): a {@code subscribed} event lists the filters
 * granted with their granted QoS (refused ones are left out), an {@code unsubscribed} event the filters HiveMQ
 * acknowledged as removed. HiveMQ CE acknowledges every filter of an UNSUBSCRIBE with success, also one the session
 * had no subscription for, so such a filter is listed too (removing it is a no-op for readers); a
 * {@code NO_SUBSCRIPTIONS_EXISTED} code would leave it out. Nothing is reported for a connection that is not
 * authenticated, or when no filter was granted.
 *
 * <p>One instance per connection, registered for its four packet types; HiveMQ runs them one at a time. Never blocks.
 */
final class SubscriptionEventInterceptor implements SubscribeInboundInterceptor, SubackOutboundInterceptor,
        UnsubscribeInboundInterceptor, UnsubackOutboundInterceptor {

    private final SessionEvents events;
    private final SessionEventSink sink;
    private final Map<Integer, List<String>> subscribing = new ConcurrentHashMap<>();
    private final Map<Integer, List<String>> unsubscribing = new ConcurrentHashMap<>();

    SubscriptionEventInterceptor(SessionEvents events, SessionEventSink sink) {
        this.events = events;
        this.sink = sink;
    }

    @Override
    public void onInboundSubscribe(SubscribeInboundInput input, SubscribeInboundOutput output) {
        subscribing.put(input.getSubscribePacket().getPacketId(), input.getSubscribePacket().getSubscriptions()
                .stream().map(Subscription::getTopicFilter).toList());
    }

    @Override
    public void onOutboundSuback(SubackOutboundInput input, SubackOutboundOutput output) {
        List<String> filters = subscribing.remove(input.getSubackPacket().getPacketIdentifier());
        Optional<MqttConnection> connection = ConnectionIdentities.connection(input.getConnectionInformation(),
                input.getClientInformation().getClientId());
        if (filters == null || connection.isEmpty()) {
            return;
        }
        List<GrantedFilter> granted = granted(filters, input.getSubackPacket().getReasonCodes());
        if (!granted.isEmpty()) {
            sink.send(events.subscribed(connection.get(), granted));
        }
    }

    @Override
    public void onInboundUnsubscribe(UnsubscribeInboundInput input, UnsubscribeInboundOutput output) {
        unsubscribing.put(input.getUnsubscribePacket().getPacketIdentifier(),
                List.copyOf(input.getUnsubscribePacket().getTopicFilters()));
    }

    @Override
    public void onOutboundUnsuback(UnsubackOutboundInput input, UnsubackOutboundOutput output) {
        List<String> filters = unsubscribing.remove(input.getUnsubackPacket().getPacketIdentifier());
        Optional<MqttConnection> connection = ConnectionIdentities.connection(input.getConnectionInformation(),
                input.getClientInformation().getClientId());
        if (filters == null || connection.isEmpty()) {
            return;
        }
        List<String> removed = removed(filters, input.getUnsubackPacket().getReasonCodes());
        if (!removed.isEmpty()) {
            sink.send(events.unsubscribed(connection.get(), removed));
        }
    }

    /** The filters whose reason code grants them, with the granted QoS. */
    static List<GrantedFilter> granted(List<String> filters, List<SubackReasonCode> codes) {
        List<GrantedFilter> granted = new ArrayList<>();
        for (int i = 0; i < Math.min(filters.size(), codes.size()); i++) {
            String filter = filters.get(i);
            grantedQos(codes.get(i)).ifPresent(qos -> granted.add(new GrantedFilter(filter, qos)));
        }
        return granted;
    }

    /** The filters whose subscription was removed; all of them when the UNSUBACK has no codes (MQTT 3). */
    static List<String> removed(List<String> filters, List<UnsubackReasonCode> codes) {
        if (codes.size() != filters.size()) {
            return filters;
        }
        List<String> removed = new ArrayList<>();
        for (int i = 0; i < filters.size(); i++) {
            if (codes.get(i) == UnsubackReasonCode.SUCCESS) {
                removed.add(filters.get(i));
            }
        }
        return removed;
    }

    private static Optional<Integer> grantedQos(SubackReasonCode code) {
        return switch (code) {
            case GRANTED_QOS_0 -> Optional.of(0);
            case GRANTED_QOS_1 -> Optional.of(1);
            case GRANTED_QOS_2 -> Optional.of(2);
            default -> Optional.empty();
        };
    }
}
