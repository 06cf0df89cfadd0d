package io.thingbus.broker.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How downlink records from Kafka are delivered to the MQTT sessions of this instance. */
@ConfigMapping(prefix = "thingbus.broker.downlink")
public interface DownlinkConfig {

    /**
     * How many device tokens the instance remembers (by hash) from connections it authenticated, to put the token in
     * place of the {@code {token}} placeholder of a downlink topic. The least recently used is forgotten first; a
     * downlink for a forgotten token is skipped, so this must exceed the number of tokens with sessions here.
     */
    @WithDefault("100000")
    int knownTokens();

    /** How long an undelivered downlink waits for its device when the record carries no expiry. */
    @WithDefault("24h")
    Duration defaultExpiry();
}
