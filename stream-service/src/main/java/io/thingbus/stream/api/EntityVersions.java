package io.thingbus.stream.api;

import io.thingbus.stream.domain.VersionCondition;
import jakarta.ws.rs.core.EntityTag;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A channel's version as an HTTP entity tag: {@code ETag: "3"} on reads and writes; {@code If-Match} on writes
 * becomes a {@link VersionCondition}. Comparison is strong, as RFC 9110 requires for {@code If-Match}: weak tags
 * ({@code W/"3"}) and anything that is not a tag of this service never match. Pure.
 */
final class EntityVersions {

    private static final Pattern STRONG_TAG = Pattern.compile("\"([0-9]{1,18})\"");

    private EntityVersions() {
    }

    static EntityTag tagOf(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** No header: any version; {@code *}: any version of an existing channel; else the versions listed. */
    static VersionCondition ifMatch(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return VersionCondition.any();
        }
        Set<Long> versions = new HashSet<>();
        for (String candidate : header.split(",")) {
            Matcher tag = STRONG_TAG.matcher(candidate.trim());
            if (tag.matches()) {
                versions.add(Long.parseLong(tag.group(1)));
            }
        }
        return VersionCondition.oneOf(versions);
    }
}
