package io.thingbus.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import java.util.Locale;

/**
 * The two forms the API document is served in. JSON unless the caller asks for YAML: {@code ?format=yaml}, or an
 * {@code Accept} header that prefers a YAML media type to JSON (a tie, such as {@code *}{@code /*}, goes to JSON).
 */
enum ApiDocumentFormat {

    JSON("application/json", JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build(), List.of("json")),
    YAML("application/yaml;charset=UTF-8", YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .build()).build(),
            List.of("yaml", "yml"));

    private static final List<String> YAML_MEDIA_TYPES = List.of("application/yaml", "application/x-yaml", "text/yaml");

    private final String mediaType;
    private final ObjectMapper mapper;
    private final List<String> names;

    ApiDocumentFormat(String mediaType, ObjectMapper mapper, List<String> names) {
        this.mediaType = mediaType;
        this.mapper = mapper;
        this.names = names;
    }

    /**
     * The form the caller asked for.
     *
     * @param format the {@code format} query parameter, or null; an unknown value counts as absent
     * @param accept the {@code Accept} header, or null
     */
    static ApiDocumentFormat requested(String format, String accept) {
        for (ApiDocumentFormat candidate : values()) {
            if (format != null && candidate.names.contains(format.trim().toLowerCase(Locale.ROOT))) {
                return candidate;
            }
        }
        if (accept == null) {
            return JSON;
        }
        double yaml = YAML_MEDIA_TYPES.stream().mapToDouble(type -> AcceptHeader.quality(accept, type)).max().orElse(0);
        return yaml > AcceptHeader.quality(accept, "application/json") ? YAML : JSON;
    }

    String mediaType() {
        return mediaType;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    byte[] write(JsonNode document) {
        try {
            return mapper.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree is always serialisable", e);
        }
    }
}
