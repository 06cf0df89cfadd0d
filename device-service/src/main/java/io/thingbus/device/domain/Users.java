package io.thingbus.device.domain;

import io.thingbus.contracts.TenantId;
import java.util.Optional;

/** Users in the current transaction. */
public interface Users {

    /** Stores a new user; false (and nothing stored) when the id is taken. */
    boolean insert(User user);

    Optional<User> find(TenantId id);

    /** Like {@link #find} but locks the user until the transaction ends. */
    Optional<User> findForUpdate(TenantId id);

    boolean exists(TenantId id);

    /** Stores name, e-mail and update time of an existing user. */
    void update(User user);
}
