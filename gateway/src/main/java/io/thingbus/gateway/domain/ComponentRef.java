package io.thingbus.gateway.domain;

import java.util.Optional;

/**
 * A reference to a reusable component of an OpenAPI document, {@code #/components/<type>/<name>}, such as
 * {@code #/components/schemas/Device}.
 *
 * @param type the section of {@code components}: {@code schemas}, {@code responses}, {@code parameters} …
 */
record ComponentRef(String type, String name) {

    private static final String PREFIX = "#/components/";

    /**
     * The component {@code ref} points to, or into ({@code #/components/schemas/Device/properties/id} points into
     * {@code Device}); empty for any other reference (another file, a path).
     */
    static Optional<ComponentRef> parse(String ref) {
        if (ref == null || !ref.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] segments = ref.substring(PREFIX.length()).split("/", 3);
        if (segments.length < 2 || segments[0].isEmpty() || segments[1].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ComponentRef(unescape(segments[0]), unescape(segments[1])));
    }

    /** {@code ref} (which points to or into this component) pointing to or into the component {@code newName}. */
    String renamed(String ref, String newName) {
        String rest = ref.substring(pointer().length());
        return PREFIX + escape(type) + "/" + escape(newName) + rest;
    }

    String pointer() {
        return PREFIX + escape(type) + "/" + escape(name);
    }

    private static String unescape(String segment) {
        return segment.replace("~1", "/").replace("~0", "~");
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
