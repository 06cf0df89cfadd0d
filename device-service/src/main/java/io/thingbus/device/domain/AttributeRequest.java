package io.thingbus.device.domain;

import io.thingbus.contracts.DeviceKey;
import java.util.List;
import java.util.Objects;

/**
 * A device, or its gateway, asks for attribute values ({@code v1/gateway/attributes/request}).
 *
 * @param keys the keys asked for as the device wrote them (a key that is not a valid {@link AttributeKey} simply has
 *     no value); empty = every attribute of the scope
 * @param requestId the request's id as the device sent it, echoed in the answer
 */
public record AttributeRequest(DeviceKey device, AttributeScope scope, List<String> keys, String requestId) {

    public AttributeRequest {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(scope, "scope");
        keys = List.copyOf(keys);
        Objects.requireNonNull(requestId, "requestId");
    }
}
