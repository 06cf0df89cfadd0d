package io.thingbus.service;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Optimistic concurrency over HTTP with versions as entity tags: a resource of version 3 has {@code ETag: "3"}.
 * {@code If-Match} is compared strongly (RFC 9110): weak tags and tags that are not versions match nothing.
 *
 * @param any true when there was no header or it was {@code *}
 * @param versions the versions listed otherwise
 */
public record IfMatch(boolean any, Set<Long> versions) {

    private static final Pattern STRONG_VERSION_TAG = Pattern.compile("\"(\\d{1,18})\"");

    public IfMatch {
        versions = Set.copyOf(versions);
    }

    /** The entity tag of a version, quoted: {@code "3"}. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** Reads an {@code If-Match} header; null or blank means no condition. */
    public static IfMatch parse(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return new IfMatch(true, Set.of());
        }
        Set<Long> versions = new HashSet<>();
        for (String candidate : header.split(",")) {
            Matcher tag = STRONG_VERSION_TAG.matcher(candidate.strip());
            if (tag.matches()) {
                versions.add(Long.parseLong(tag.group(1)));
            }
        }
        return new IfMatch(false, versions);
    }

    public boolean matches(long version) {
        return any || versions.contains(version);
    }
}
