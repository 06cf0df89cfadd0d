package io.thingbus.event.api;

import io.thingbus.event.domain.VersionCondition;
import jakarta.ws.rs.core.EntityTag;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Versions as HTTP entity tags: a rule of version 3 has {@code ETag: "3"}. {@code If-Match} is compared strongly
 * (RFC 9110): weak tags and tags that are not versions match nothing.
 */
final class EntityVersions {

    private static final Pattern STRONG_VERSION_TAG = Pattern.compile("\"(\\d{1,18})\"");

    private EntityVersions() {
    }

    static EntityTag tag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** No header or {@code *}: any version. Otherwise the listed versions. */
    static VersionCondition ifMatch(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return VersionCondition.any();
        }
        Set<Long> versions = new HashSet<>();
        for (String candidate : header.split(",")) {
            Matcher tag = STRONG_VERSION_TAG.matcher(candidate.strip());
            if (tag.matches()) {
                versions.add(Long.parseLong(tag.group(1)));
            }
        }
        return VersionCondition.oneOf(versions);
    }
}
