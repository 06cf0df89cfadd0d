package io.thingbus.session.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * One topic filter a session subscribed to.
 *
 * @param filter the MQTT topic filter as the client sent it (a ThingScale filter starts with the device token)
 * @param qos the granted maximum QoS, 0–2
 * @param device whose downlink the filter receives; empty when it covers no downlink topic
 */
public record Subscription(String filter, int qos, Optional<CoveredDevice> device) {

    /** @throws IllegalArgumentException when the filter is empty, too long or contains NUL, or qos is not 0–2 */
    public Subscription {
        Text.require(filter, "filter");
        Objects.requireNonNull(device, "device");
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("qos must be 0, 1 or 2");
        }
    }
}
