package io.thingbus.launcher;

/** How the launcher tells the gateway where each upstream service listens. */
final class GatewayRoutes {

    private GatewayRoutes() {
    }

    /** The gateway's environment variable holding the base URL of {@code upstream}. */
    static String envVar(ServiceSpec upstream) {
        return "THINGBUS_GATEWAY_UPSTREAM_" + upstream.envName() + "_URL";
    }
}
