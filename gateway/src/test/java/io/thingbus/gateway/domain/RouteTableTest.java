package io.thingbus.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private final RouteTable routes = RouteTable.standard();

    @ParameterizedTest
    @CsvSource({
            "/device, DEVICE_SERVICE", "/device/dev-1, DEVICE_SERVICE", "/user/, DEVICE_SERVICE", "/claim, DEVICE_SERVICE",
            "/admin/users, DEVICE_SERVICE", "/stream/C1, STREAM_SERVICE", "/channel/C1, STREAM_SERVICE",
            "/event/e1, EVENT_SERVICE", "/publish/dev-1, COMMAND_SERVICE", "/command/c1, COMMAND_SERVICE",
            "/rpc/dev-1, COMMAND_SERVICE", "/session, SESSION_SERVICE"})
    void everyDocumentedPrefix_goesToItsService(String path, Upstream expected) {
        assertThat(routes.find(path).upstream()).isEqualTo(expected);
    }

    @Test
    void admin_isTheOnlyRouteWithoutApiKey() {
        assertThat(routes.routes()).filteredOn(route -> route.access() == Access.OPERATOR)
                .extracting(Route::prefix).containsExactly("/admin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/devices", "/eventually", "/q/health", "/things/t1", "/Device/dev-1", ""})
    void pathOutsideEveryPrefix_hasNoRoute(String path) {
        assertThat(routes.lookup(path)).isEmpty();
        assertThatThrownBy(() -> routes.find(path)).isInstanceOf(NoRouteException.class).hasMessageContaining(path);
    }

    @Test
    void longerPrefix_winsOverItsParent() {
        RouteTable table = new RouteTable(List.of(
                new Route("/device", Upstream.DEVICE_SERVICE, Access.API_KEY),
                new Route("/device/stream", Upstream.STREAM_SERVICE, Access.API_KEY)));

        assertThat(table.find("/device/stream/x").upstream()).isEqualTo(Upstream.STREAM_SERVICE);
        assertThat(table.find("/device/streams").upstream()).isEqualTo(Upstream.DEVICE_SERVICE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"device", "/device/", "/", "/dev ice", "/a//b"})
    void malformedPrefix_isRejected(String prefix) {
        assertThatThrownBy(() -> new Route(prefix, Upstream.DEVICE_SERVICE, Access.API_KEY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
