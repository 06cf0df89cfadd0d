package io.thingbus.device.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A newly issued API key, shown this once. */
public record ApiKeyResponse(@JsonProperty("api_key") String apiKey) {
}
