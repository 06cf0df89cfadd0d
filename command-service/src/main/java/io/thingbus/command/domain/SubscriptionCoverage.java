package io.thingbus.command.domain;

import io.thingbus.contracts.SecretHash;
import java.util.Collection;
import java.util.Optional;

/**
 * Which live sessions receive a device's ThingScale downlink topic {@code <TOKEN>/<DEVICE_ID>/subscribe}: those
 * authenticated with the device's token whose subscriptions name the device, or cover every device of that token
 * ({@code <TOKEN>/#}). A session of another token does not receive it, even when its filter names the device: the
 * broker publishes under the device's own token.
 */
public final class SubscriptionCoverage {

    private SubscriptionCoverage() {
    }

    /** The number of distinct sessions (client ids) among {@code subscriptions} that receive the device's downlink. */
    public static int subscribers(KnownDevice device, Collection<DownlinkSubscription> subscriptions) {
        if (device.tokenHash().isEmpty()) {
            return 0;
        }
        return (int) subscriptions.stream()
                .filter(s -> covers(s, device))
                .map(DownlinkSubscription::clientId)
                .distinct()
                .count();
    }

    static boolean covers(DownlinkSubscription subscription, KnownDevice device) {
        Optional<SecretHash> token = device.tokenHash();
        boolean sameToken = token.isPresent() && token.equals(subscription.sessionTokenHash());
        boolean namesDevice = subscription.coversEveryDeviceOfItsToken()
                || subscription.coveredDevice().equals(device.key().device().value());
        return sameToken && namesDevice;
    }
}
