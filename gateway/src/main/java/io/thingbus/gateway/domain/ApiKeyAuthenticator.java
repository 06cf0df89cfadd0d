package io.thingbus.gateway.domain;

import io.thingbus.contracts.SecretHash;
import java.util.Locale;
import java.util.Objects;

/**
 * Finds who a request acts for from the API key it carries: in {@code X-API-KEY: <key>} or in
 * {@code Authorization: Bearer <key>}. When both are present, {@code X-API-KEY} is used. Thread-safe and
 * non-blocking.
 */
public final class ApiKeyAuthenticator {

    private static final String BEARER = "bearer";

    private final ApiKeyDirectory directory;

    public ApiKeyAuthenticator(ApiKeyDirectory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /**
     * @param apiKeyHeader the {@code X-API-KEY} value, or null
     * @param authorizationHeader the {@code Authorization} value, or null
     * @return the tenant the key belongs to, never null
     * @throws MissingApiKeyException when neither header carries a key
     * @throws ApiKeysNotLoadedException when the keys are not loaded yet
     * @throws UnknownApiKeyException when the key is not valid
     */
    public Caller authenticate(String apiKeyHeader, String authorizationHeader) {
        String key = presentedKey(apiKeyHeader, authorizationHeader);
        if (!directory.loaded()) {
            throw new ApiKeysNotLoadedException();
        }
        return directory.find(SecretHash.of(key))
                .map(record -> new Caller(record.tenant(), record.plan()))
                .orElseThrow(UnknownApiKeyException::new);
    }

    static String presentedKey(String apiKeyHeader, String authorizationHeader) {
        if (!isBlank(apiKeyHeader)) {
            return apiKeyHeader.trim();
        }
        if (isBlank(authorizationHeader)) {
            throw new MissingApiKeyException("an API key is required: send it as X-API-KEY: <key> or Authorization: Bearer <key>");
        }
        return bearerToken(authorizationHeader.trim());
    }

    private static String bearerToken(String authorization) {
        String[] parts = authorization.split("\\s+", 2);
        if (parts.length != 2 || !parts[0].toLowerCase(Locale.ROOT).equals(BEARER) || parts[1].isBlank()) {
            throw new MissingApiKeyException("the Authorization header must carry the API key as Bearer <key>");
        }
        return parts[1].trim();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
