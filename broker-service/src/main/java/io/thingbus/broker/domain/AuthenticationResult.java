package io.thingbus.broker.domain;

import java.util.Objects;

/** The outcome of a connection attempt: the connection's identity, or why it was refused. */
public sealed interface AuthenticationResult {

    /** The credentials are valid: the connection acts as {@code identity}. */
    record Accepted(ConnectionIdentity identity) implements AuthenticationResult {
        public Accepted {
            Objects.requireNonNull(identity, "identity");
        }
    }

    /** The credentials are refused. */
    record Refused(AuthenticationFailure failure) implements AuthenticationResult {
        public Refused {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
