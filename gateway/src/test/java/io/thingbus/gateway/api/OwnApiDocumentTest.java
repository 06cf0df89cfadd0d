package io.thingbus.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.thingbus.gateway.domain.ApiDocumentMerger;
import io.thingbus.gateway.domain.RouteTable;
import io.thingbus.gateway.domain.ServerUrl;
import java.util.List;
import org.junit.jupiter.api.Test;

class OwnApiDocumentTest {

    @Test
    void bundledDocument_hasEverythingTheMergedOperationsReferTo() {
        JsonNode own = OwnApiDocument.load();

        JsonNode merged = new ApiDocumentMerger(own, RouteTable.standard(), ServerUrl.relative()).merge(List.of(), List.of());

        assertThat(merged.at("/components/securitySchemes/apiKey/name").asText()).isEqualTo("X-API-KEY");
        assertThat(merged.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(merged.at("/components/securitySchemes/adminKey/name").asText()).isEqualTo("X-Admin-Key");
        assertThat(merged.at("/info/title").asText()).isNotBlank();
    }
}
