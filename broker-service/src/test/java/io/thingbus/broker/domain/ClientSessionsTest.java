package io.thingbus.broker.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingbus.contracts.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ClientSessionsTest {

    private static final TenantId TENANT = TenantId.of("Uab12cd34ef");
    private static final TenantId OTHER = TenantId.of("Uother0001");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final ClientSessions sessions = new ClientSessions(clock, Duration.ofHours(24));

    @Test
    void openConnection_holdsItsClientIdAgainstOtherTenants_butNotAgainstItsOwn() {
        assertThat(sessions.claim("gw-1", TENANT, "c-1")).isTrue();
        sessions.established("gw-1", "c-1");

        assertThat(sessions.claim("gw-1", OTHER, "c-2")).isFalse();
        assertThat(sessions.ownerOf("gw-1")).contains(TENANT);
        assertThat(sessions.claim("gw-1", TENANT, "c-3")).isTrue();
    }

    @Test
    void cleanSession_releasesTheClientIdWhenItsConnectionEnds() {
        sessions.claim("gw-1", TENANT, "c-1");
        sessions.established("gw-1", "c-1");

        sessions.ended("gw-1", "c-1", true, 0);

        assertThat(sessions.ownerOf("gw-1")).isEmpty();
        assertThat(sessions.claim("gw-1", OTHER, "c-2")).isTrue();
    }

    @Test
    void persistentSession_keepsTheClientIdForTheBrokersMaximumExpiry_afterItsConnectionEnded() {
        sessions.claim("gw-1", TENANT, "c-1");
        sessions.established("gw-1", "c-1");
        sessions.ended("gw-1", "c-1", true, 60);

        clock.advance(Duration.ofHours(23));
        assertThat(sessions.claim("gw-1", OTHER, "c-2")).isFalse();
        assertThat(sessions.ownerOf("gw-1")).contains(TENANT);

        clock.advance(Duration.ofHours(1));
        assertThat(sessions.ownerOf("gw-1")).isEmpty();
        assertThat(sessions.claim("gw-1", OTHER, "c-3")).isTrue();
    }

    @Test
    void endOfAnOlderConnection_afterATakeover_leavesTheNewerOneHolding() {
        sessions.claim("gw-1", TENANT, "c-1");
        sessions.established("gw-1", "c-1");
        sessions.claim("gw-1", TENANT, "c-2");
        sessions.established("gw-1", "c-2");

        sessions.ended("gw-1", "c-1", true, 0);

        assertThat(sessions.claim("gw-1", OTHER, "c-3")).isFalse();
    }

    @Test
    void connectionThatNeverCompletedItsConnect_holdsItsClaimOnlyBriefly() {
        sessions.claim("gw-1", TENANT, "c-1");
        assertThat(sessions.claim("gw-1", OTHER, "c-2")).isFalse();

        clock.advance(ClientSessions.PENDING_TIMEOUT);

        assertThat(sessions.claim("gw-1", OTHER, "c-2")).isTrue();
    }

    @Test
    void failedReconnect_keepsThePersistentSessionOfItsTenant() {
        sessions.claim("gw-1", TENANT, "c-1");
        sessions.established("gw-1", "c-1");
        sessions.ended("gw-1", "c-1", true, 3600);
        sessions.claim("gw-1", TENANT, "c-2");

        sessions.ended("gw-1", "c-2", false, 0);

        assertThat(sessions.claim("gw-1", OTHER, "c-3")).isFalse();
    }

    @Test
    void expiredEntries_arePurged() {
        for (int i = 0; i < 10; i++) {
            sessions.claim("dev-" + i, TENANT, "c-" + i);
            sessions.established("dev-" + i, "c-" + i);
            sessions.ended("dev-" + i, "c-" + i, true, 1);
        }
        assertThat(sessions.entriesKept()).isEqualTo(10);

        clock.advance(Duration.ofDays(2));
        assertThat(sessions.size()).isZero();
        sessions.claim("other", TENANT, "c-x");

        assertThat(sessions.entriesKept()).isEqualTo(1);
    }

    /** A clock tests move forward. */
    static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
