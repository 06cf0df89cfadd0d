package io.thingbus.command.domain;

/** What the RPC logic reports for metrics (a port). Implementations are thread-safe and never throw. */
public interface RpcObserver {

    /** Kafka acknowledged an RPC's downlink. */
    void sent();

    /** Kafka did not acknowledge an RPC's downlink in time; the RPC stays queued and is retried. */
    void sendFailed();

    /** {@code count} RPCs reached {@code status} by a timeout or an expiry. */
    void finished(RpcStatus status, int count);

    /** Does nothing. */
    RpcObserver NONE = new RpcObserver() {
        @Override
        public void sent() {
        }

        @Override
        public void sendFailed() {
        }

        @Override
        public void finished(RpcStatus status, int count) {
        }
    };
}
