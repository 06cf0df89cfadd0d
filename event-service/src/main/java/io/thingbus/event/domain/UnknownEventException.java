package io.thingbus.event.domain;

/** The caller has no rule with that id (it may exist for another tenant, which must not become visible). */
public final class UnknownEventException extends EventException {

    public UnknownEventException() {
        super("this tenant has no event with that id");
    }
}
