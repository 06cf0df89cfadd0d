package io.thingbus.contracts;

import java.util.List;
import java.util.Optional;

/** Reads header values of one record, failing with {@link MalformedRecordException} where the schema is broken. */
final class RecordReader {

    private final List<Header> headers;

    RecordReader(List<Header> headers) {
        this.headers = headers == null ? List.of() : headers;
    }

    Optional<String> optional(String name) {
        return headers.stream().filter(h -> h.name().equals(name)).map(Header::value).findFirst();
    }

    String required(String name) {
        return optional(name).orElseThrow(() -> new MalformedRecordException("missing header " + name));
    }

    void requireType(String type) {
        String actual = required(RecordHeaders.CE_TYPE);
        if (!type.equals(actual)) {
            throw new MalformedRecordException("expected record type " + type + " but got " + actual);
        }
    }

    List<Header> withPrefix(String prefix) {
        return headers.stream()
                .filter(h -> h.name().startsWith(prefix))
                .map(h -> new Header(h.name().substring(prefix.length()), h.value()))
                .toList();
    }
}
