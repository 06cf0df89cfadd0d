package io.thingbus.gateway.domain;

import java.util.List;

/** The gateway answers this path itself, but not with this method. */
public class MethodNotAllowedException extends GatewayException {

    private final transient List<String> allowed;

    /** @param allowed the methods the path answers, for the caller's {@code Allow} header */
    public MethodNotAllowedException(String method, String path, List<String> allowed) {
        super(path + " answers " + String.join(", ", allowed) + " only, not " + method);
        this.allowed = List.copyOf(allowed);
    }

    public List<String> allowed() {
        return allowed;
    }
}
