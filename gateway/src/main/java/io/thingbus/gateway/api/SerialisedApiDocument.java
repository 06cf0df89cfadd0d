package io.thingbus.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.Map;

/**
 * One merged API document, written once in every {@link ApiDocumentFormat}, so that serving it copies bytes and never
 * serialises on the event loop. Immutable: the byte arrays are shared and must not be changed.
 */
final class SerialisedApiDocument {

    private final Map<ApiDocumentFormat, byte[]> forms;

    private SerialisedApiDocument(Map<ApiDocumentFormat, byte[]> forms) {
        this.forms = forms;
    }

    static SerialisedApiDocument of(JsonNode document) {
        Map<ApiDocumentFormat, byte[]> forms = new EnumMap<>(ApiDocumentFormat.class);
        for (ApiDocumentFormat format : ApiDocumentFormat.values()) {
            forms.put(format, format.write(document));
        }
        return new SerialisedApiDocument(forms);
    }

    /** The document written in {@code format}; the same array for every call. */
    byte[] in(ApiDocumentFormat format) {
        return forms.get(format);
    }
}
