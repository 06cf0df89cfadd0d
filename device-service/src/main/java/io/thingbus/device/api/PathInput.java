package io.thingbus.device.api;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.TenantId;
import io.thingbus.device.domain.ApiKey;
import io.thingbus.device.domain.DeviceToken;
import io.thingbus.service.Problem;
import io.thingbus.service.ProblemException;
import java.util.function.Function;

/** Turns path parameters into value objects; an invalid one is a 400 problem naming the parameter. */
final class PathInput {

    private PathInput() {
    }

    static DeviceId deviceId(String raw) {
        return parse("path.device_id", raw, DeviceId::of);
    }

    static TenantId userId(String raw) {
        return parse("path.user_id", raw, TenantId::of);
    }

    static DeviceToken deviceToken(String raw) {
        return parse("path.device_token", raw, DeviceToken::of);
    }

    /** An API key, or the SHA-256 of one (what the operator may have instead of the key). */
    static SecretHash apiKeyHash(String raw) {
        return parse("path.api_key", raw, value -> value != null && value.length() == 64
                ? SecretHash.parse(value)
                : ApiKey.of(value).hash());
    }

    private static <T> T parse(String field, String raw, Function<String, T> parser) {
        try {
            return parser.apply(raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProblemException(Problem.invalidField(field, e.getMessage()));
        }
    }
}
