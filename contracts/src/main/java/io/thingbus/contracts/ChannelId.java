package io.thingbus.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A channel: the time-series storage of one device (ThingScale's channel). Every device has a default channel whose
 * id is derived from tenant and device, so the broker, the registry and the stream store agree on it without asking
 * each other, and a replayed record lands in the same channel. Valid ids: 1–64 letters, digits, {@code _}, {@code -}.
 */
public record ChannelId(@JsonValue String value) {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public ChannelId {
        Objects.requireNonNull(value, "channel id");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid channel id: 1-64 letters, digits, '_' or '-'");
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ChannelId of(String value) {
        return new ChannelId(value);
    }

    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    /** The default channel of a device: {@code C} and 20 hex digits of SHA-256 over tenant and device. */
    public static ChannelId defaultFor(TenantId tenant, DeviceId device) {
        String digest = Sha256.hex(tenant.value() + '\u0000' + device.value());
        return new ChannelId("C" + digest.substring(0, 20));
    }

    @Override
    public String toString() {
        return value;
    }
}
