package io.thingbus.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiDocumentFormatTest {

    @ParameterizedTest(name = "format={0}, Accept: {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "-     | -                                         | JSON",
            "yaml  | -                                         | YAML",
            "YML   | application/json                          | YAML",
            "json  | application/yaml                          | JSON",
            "xml   | application/yaml                          | YAML",
            "-     | application/yaml                          | YAML",
            "-     | text/yaml                                 | YAML",
            "-     | application/x-yaml;q=0.9, text/html;q=0.1 | YAML",
            "-     | application/yaml, */*                     | JSON",
            "-     | application/yaml, application/json;q=0.5 | YAML",
            "-     | application/yaml;q=0.5, application/json  | JSON",
            "-     | */*, application/json;q=0                 | YAML",
            "-     | text/html,application/xhtml+xml,*/*;q=0.8 | JSON",
            "-     | text/*                                    | YAML",
            "-     | application/yaml;q=oops                   | JSON"})
    void format_isJsonUnlessYamlIsAskedForOrPreferred(String format, String accept, ApiDocumentFormat expected) {
        assertThat(ApiDocumentFormat.requested(format, accept)).isEqualTo(expected);
    }

    @Test
    void yaml_readsBackAsTheSameDocument_withStringsThatLookLikeOtherTypesKeptStrings() throws Exception {
        JsonNode document = new ObjectMapper().readTree("""
                {"openapi": "3.1.0", "info": {"version": "1.0"},
                 "paths": {"/device": {"get": {"responses": {"200": {"description": "yes"}}}}},
                 "x": ["no", "true", "null", "~", "", "12", ": colon", "# hash", "two\\nlines", 12, true, null,
                       "Bearer realm=\\"thingbus\\""]}
                """);

        byte[] yaml = ApiDocumentFormat.YAML.write(document);

        assertThat(ApiDocumentFormat.YAML.mapper().readTree(yaml)).isEqualTo(document);
        assertThat(new String(yaml, StandardCharsets.UTF_8)).startsWith("openapi: 3.1.0\n").contains("\"200\":");
    }

    @Test
    void json_isTheDocumentAsWritten() throws Exception {
        JsonNode document = new ObjectMapper().readTree("{\"openapi\": \"3.1.0\", \"paths\": {}}");

        assertThat(new ObjectMapper().readTree(ApiDocumentFormat.JSON.write(document))).isEqualTo(document);
        assertThat(ApiDocumentFormat.JSON.mediaType()).isEqualTo("application/json");
        assertThat(ApiDocumentFormat.YAML.mediaType()).startsWith("application/yaml");
    }
}
