package io.thingbus.stream.api;

import io.thingbus.service.IfMatch;
import io.thingbus.stream.domain.VersionCondition;

/**
 * A channel's version over HTTP, as {@link IfMatch} defines it for every service: {@code ETag: "3"} on reads and
 * writes; {@code If-Match} on writes becomes the domain's {@link VersionCondition} — here, and nowhere else. No header
 * or {@code *}: any version (of an existing channel); otherwise only the versions listed as strong tags. Pure.
 */
final class VersionConditions {

    private VersionConditions() {
    }

    static String etag(long version) {
        return IfMatch.etag(version);
    }

    static VersionCondition of(String ifMatch) {
        IfMatch condition = IfMatch.parse(ifMatch);
        return condition.any() ? VersionCondition.any() : VersionCondition.oneOf(condition.versions());
    }
}
