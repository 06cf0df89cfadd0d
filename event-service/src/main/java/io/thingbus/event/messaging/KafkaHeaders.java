package io.thingbus.event.messaging;

import io.thingbus.contracts.Header;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Headers;

/** Converts between Kafka's byte-valued headers and the contract's UTF-8 {@link Header}s. */
final class KafkaHeaders {

    private KafkaHeaders() {
    }

    /** The headers in their order; a header without a value is left out. */
    static List<Header> toContract(Headers headers) {
        List<Header> result = new ArrayList<>();
        for (org.apache.kafka.common.header.Header header : headers) {
            if (header.value() != null) {
                result.add(new Header(header.key(), new String(header.value(), StandardCharsets.UTF_8)));
            }
        }
        return result;
    }

    static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
