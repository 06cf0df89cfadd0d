package io.thingbus.gateway;

import io.thingbus.gateway.domain.Upstream;
import java.util.EnumMap;
import java.util.Map;

/** One {@link RecordingUpstream} per service, started once per test JVM and shared by the test classes. */
public final class RecordingUpstreams {

    private static Map<Upstream, RecordingUpstream> servers;

    private RecordingUpstreams() {
    }

    public static synchronized RecordingUpstream of(Upstream upstream) {
        if (servers == null) {
            Map<Upstream, RecordingUpstream> started = new EnumMap<>(Upstream.class);
            for (Upstream each : Upstream.values()) {
                started.put(each, RecordingUpstream.start(each.serviceName()));
            }
            servers = started;
        }
        return servers.get(upstream);
    }
}
