package io.thingbus.kafka;

import io.thingbus.contracts.Header;
import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.contracts.RecordHeaders;
import io.thingbus.contracts.TenantId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;

/** Converts between Kafka's byte-valued headers and the contract's UTF-8 {@link Header}s. */
public final class KafkaHeaders {

    private KafkaHeaders() {
    }

    /** The headers in their order; a header without a value is left out. */
    public static List<Header> toContract(Headers headers) {
        List<Header> result = new ArrayList<>();
        for (org.apache.kafka.common.header.Header header : headers) {
            if (header.value() != null) {
                result.add(new Header(header.key(), new String(header.value(), StandardCharsets.UTF_8)));
            }
        }
        return result;
    }

    /** Adds every contract header, in order. */
    public static void addAll(Headers headers, List<Header> contractHeaders) {
        contractHeaders.forEach(h -> add(headers, h.name(), h.value()));
    }

    public static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The last value of header {@code name}, when there is one with a value. */
    public static Optional<String> value(Headers headers, String name) {
        org.apache.kafka.common.header.Header header = headers.lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    /** The record type ({@code ce_type}). @throws MalformedRecordException when the header is missing */
    public static String type(Headers headers) {
        return value(headers, RecordHeaders.CE_TYPE)
                .orElseThrow(() -> new MalformedRecordException("missing header " + RecordHeaders.CE_TYPE));
    }

    /**
     * Checks that the tenant header, when present, names the tenant of the record's value.
     *
     * @throws MalformedRecordException when they differ
     */
    public static void requireTenant(Headers headers, TenantId tenant) {
        Optional<String> header = value(headers, RecordHeaders.TENANT);
        if (header.isPresent() && !header.get().equals(tenant.value())) {
            throw new MalformedRecordException("header " + RecordHeaders.TENANT + " names another tenant than the value");
        }
    }
}
