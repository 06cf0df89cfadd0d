package io.thingbus.command.domain;

/** What applying one state record did. */
public enum StateOutcome {
    /** A registry change was stored. */
    DEVICE_STORED,
    /** A session event changed (or confirmed) the client's session. */
    SESSION_APPLIED,
    /** A session event about a connection that is no longer current; nothing changed. */
    SESSION_STALE,
    /** A gateway's sub-device connected on its current connection. */
    SUBDEVICE_CONNECTED,
    /** A gateway's sub-device disconnected on its current connection. */
    SUBDEVICE_DISCONNECTED,
    /** A sub-device event about a connection that is no longer the gateway's current one; only remembered. */
    SUBDEVICE_STALE,
    /** An answer completed an open RPC. */
    RPC_ANSWERED,
    /** An answer came after the RPC timed out or expired; it is recorded, the status stays. */
    RPC_ANSWERED_LATE,
    /** An answer to no known RPC, or to one already answered; ignored. */
    RPC_UNMATCHED
}
