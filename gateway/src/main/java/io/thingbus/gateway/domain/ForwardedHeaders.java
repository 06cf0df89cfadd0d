package io.thingbus.gateway.domain;

import io.thingbus.contracts.GatewayHeaders;
import io.thingbus.contracts.TenantId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which headers cross the gateway, in each direction. Pure functions; order and repetition of the kept headers are
 * preserved.
 *
 * <p>Towards the upstream: hop-by-hop headers (RFC 9110 §7.6.1, and any named in {@code Connection}) are dropped, as
 * are the caller's credentials ({@code X-API-KEY}, {@code Authorization}), {@code Host} (the upstream's own applies),
 * {@code Expect} (the gateway answers {@code 100-continue} itself) and any {@code X-Thingbus-Tenant} the caller sent.
 * The authenticated tenant is set in {@code X-Thingbus-Tenant}; {@code X-Forwarded-For} gets the caller's address
 * appended; {@code X-Forwarded-Host} and {@code X-Forwarded-Proto} are set unless a proxy in front already set them.
 *
 * <p>Towards the caller: only hop-by-hop headers are dropped.
 */
public final class ForwardedHeaders {

    public static final String API_KEY = "X-API-KEY";
    public static final String AUTHORIZATION = "Authorization";
    static final String FORWARDED_FOR = "X-Forwarded-For";
    static final String FORWARDED_HOST = "X-Forwarded-Host";
    static final String FORWARDED_PROTO = "X-Forwarded-Proto";

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade");

    private static final Set<String> NEVER_FORWARDED = Set.of("host", "expect", lower(API_KEY), lower(AUTHORIZATION),
            lower(GatewayHeaders.TENANT));

    private ForwardedHeaders() {
    }

    /**
     * The headers the upstream receives.
     *
     * @param incoming the caller's headers, never null
     * @param tenant the authenticated tenant, or null on an operator route (no tenant header is sent then)
     * @param origin where the request came from, never null
     */
    public static List<HeaderField> towardsUpstream(List<HeaderField> incoming, TenantId tenant, ClientOrigin origin) {
        Set<String> dropped = droppedNames(incoming, NEVER_FORWARDED);
        List<HeaderField> kept = new ArrayList<>();
        String forwardedFor = null;
        for (HeaderField field : incoming) {
            if (dropped.contains(field.lowerCaseName())) {
                continue;
            }
            if (field.is(FORWARDED_FOR)) {
                forwardedFor = join(forwardedFor, field.value());
            } else {
                kept.add(field);
            }
        }
        addForwarding(kept, forwardedFor, origin);
        if (tenant != null) {
            kept.add(new HeaderField(GatewayHeaders.TENANT, tenant.value()));
        }
        return kept;
    }

    /** The upstream's response headers the caller receives. */
    public static List<HeaderField> towardsCaller(List<HeaderField> upstream) {
        Set<String> dropped = droppedNames(upstream, Set.of());
        return upstream.stream().filter(field -> !dropped.contains(field.lowerCaseName())).toList();
    }

    private static void addForwarding(List<HeaderField> kept, String forwardedFor, ClientOrigin origin) {
        String chain = join(forwardedFor, origin.remoteAddress());
        if (chain != null) {
            kept.add(new HeaderField(FORWARDED_FOR, chain));
        }
        addIfAbsent(kept, FORWARDED_HOST, origin.host());
        addIfAbsent(kept, FORWARDED_PROTO, origin.scheme());
    }

    private static void addIfAbsent(List<HeaderField> kept, String name, String value) {
        if (value != null && kept.stream().noneMatch(field -> field.is(name))) {
            kept.add(new HeaderField(name, value));
        }
    }

    private static String join(String earlier, String address) {
        if (address == null) {
            return earlier;
        }
        return earlier == null || earlier.isBlank() ? address : earlier + ", " + address;
    }

    private static Set<String> droppedNames(List<HeaderField> headers, Set<String> alwaysDropped) {
        Set<String> named = headers.stream()
                .filter(field -> field.is("Connection"))
                .flatMap(field -> Arrays.stream(field.value().split(",")))
                .map(token -> lower(token.trim()))
                .filter(token -> !token.isEmpty())
                .collect(Collectors.toSet());
        named.addAll(HOP_BY_HOP);
        named.addAll(alwaysDropped);
        return named;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
