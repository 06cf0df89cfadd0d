package io.thingbus.gateway.upstream;

import io.thingbus.gateway.domain.ForwardedHeaders;
import io.thingbus.gateway.domain.HeaderField;
import io.vertx.core.MultiMap;
import java.util.List;

/** Copies an upstream's response headers to the caller's response, as {@link ForwardedHeaders#towardsCaller} says. */
final class ResponseHeaders {

    private ResponseHeaders() {
    }

    static void copy(MultiMap from, MultiMap to) {
        List<HeaderField> fields = from.entries().stream().map(e -> new HeaderField(e.getKey(), e.getValue())).toList();
        ForwardedHeaders.towardsCaller(fields).forEach(field -> to.add(field.name(), field.value()));
    }
}
