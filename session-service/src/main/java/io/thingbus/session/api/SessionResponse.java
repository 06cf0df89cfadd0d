package io.thingbus.session.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.thingbus.session.domain.CoveredDevice;
import io.thingbus.session.domain.Session;
import java.util.List;

/** One live session in {@code GET /session}. */
public record SessionResponse(
        @JsonProperty("client_id") String clientId,
        @JsonProperty("device_ids") List<String> deviceIds,
        @JsonProperty("transport") String transport,
        @JsonProperty("protocol_version") String protocolVersion,
        @JsonProperty("connected_since") String connectedSince,
        @JsonProperty("broker") String broker,
        @JsonProperty("subscriptions") List<SubscriptionResponse> subscriptions,
        @JsonProperty("subdevices") List<SubdeviceResponse> subdevices) {

    static SessionResponse of(Session session) {
        return new SessionResponse(
                session.key().clientId(),
                session.coveredDevices().stream().map(CoveredDevice::value).toList(),
                session.transport().wireName(),
                session.protocolVersion().wireName(),
                session.connectedAt().toString(),
                session.broker(),
                session.subscriptions().stream().map(SubscriptionResponse::of).toList(),
                session.subdevices().stream().map(SubdeviceResponse::of).toList());
    }
}
