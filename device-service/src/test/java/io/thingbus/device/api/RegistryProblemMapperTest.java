package io.thingbus.device.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingbus.device.domain.AmbiguousClaimException;
import io.thingbus.device.domain.ClaimRefusedException;
import io.thingbus.device.domain.DeviceAlreadyExistsException;
import io.thingbus.device.domain.ForeignDeviceTokenException;
import io.thingbus.device.domain.NoDeviceTokenException;
import io.thingbus.device.domain.UnknownChannelException;
import io.thingbus.device.domain.UnknownCredentialException;
import io.thingbus.device.domain.UnknownDeviceException;
import io.thingbus.device.domain.UnknownUserException;
import io.thingbus.device.domain.VersionMismatchException;
import io.thingbus.service.Problem;
import org.junit.jupiter.api.Test;

class RegistryProblemMapperTest {

    @Test
    void everyDomainRefusal_hasItsStatus() {
        assertThat(RegistryProblemMapper.problemFor(new UnknownUserException()).status()).isEqualTo(404);
        assertThat(RegistryProblemMapper.problemFor(new UnknownDeviceException()).status()).isEqualTo(404);
        assertThat(RegistryProblemMapper.problemFor(new UnknownCredentialException()).status()).isEqualTo(404);
        assertThat(RegistryProblemMapper.problemFor(new DeviceAlreadyExistsException()).status()).isEqualTo(409);
        assertThat(RegistryProblemMapper.problemFor(new NoDeviceTokenException()).status()).isEqualTo(409);
        assertThat(RegistryProblemMapper.problemFor(new VersionMismatchException()).status()).isEqualTo(412);
    }

    @Test
    void refusedClaim_isOneBadRequestWhateverTheReason() {
        Problem problem = RegistryProblemMapper.problemFor(new ClaimRefusedException());

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type()).endsWith("/claim-refused");
        assertThat(problem.detail()).doesNotContain("expired").doesNotContain("wrong");
    }

    @Test
    void ambiguousClaim_isAConflict() {
        assertThat(RegistryProblemMapper.problemFor(new AmbiguousClaimException()).status()).isEqualTo(409);
    }

    @Test
    void foreignDeviceToken_isABadRequestNamingTheField() {
        Problem problem = RegistryProblemMapper.problemFor(new ForeignDeviceTokenException());

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.errors()).extracting(Problem.FieldViolation::field).containsExactly("body.device_token");
    }

    @Test
    void unknownChannel_isABadRequestNamingTheField() {
        Problem problem = RegistryProblemMapper.problemFor(new UnknownChannelException());

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.errors()).extracting(Problem.FieldViolation::field).containsExactly("body.channel_id");
    }
}
