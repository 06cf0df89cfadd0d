package io.thingbus.device.api;

import io.thingbus.device.domain.VersionCondition;
import io.thingbus.service.IfMatch;

/**
 * The one place where HTTP's {@code If-Match} ({@link IfMatch}: strong comparison, versions as entity tags) becomes the
 * registry's {@link VersionCondition}. The {@code ETag} of a device is {@link IfMatch#etag(long)} of its version.
 */
final class IfMatchCondition {

    private IfMatchCondition() {
    }

    /** No header, a blank one or {@code *}: any version. Otherwise the versions it lists (none, when none is valid). */
    static VersionCondition from(String header) {
        IfMatch ifMatch = IfMatch.parse(header);
        return ifMatch.any() ? VersionCondition.any() : VersionCondition.oneOf(ifMatch.versions());
    }
}
