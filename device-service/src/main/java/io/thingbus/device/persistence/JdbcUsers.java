package io.thingbus.device.persistence;

import io.thingbus.contracts.TenantId;
import io.thingbus.device.domain.Email;
import io.thingbus.device.domain.Plan;
import io.thingbus.device.domain.User;
import io.thingbus.device.domain.UserName;
import io.thingbus.device.domain.Users;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Users in table {@code users}. */
final class JdbcUsers implements Users {

    private static final String COLUMNS = "id, name, email, plan, created_at, updated_at";

    private final Sql sql;

    JdbcUsers(Sql sql) {
        this.sql = sql;
    }

    @Override
    public boolean insert(User user) {
        return sql.update("INSERT INTO users (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                user.id().value(), user.name().map(UserName::value).orElse(null),
                user.email().map(Email::value).orElse(null), user.plan().value(), user.createdAt(),
                user.updatedAt()) == 1;
    }

    @Override
    public Optional<User> find(TenantId id) {
        return sql.queryOne("SELECT " + COLUMNS + " FROM users WHERE id = ?", JdbcUsers::read, id.value());
    }

    @Override
    public Optional<User> findForUpdate(TenantId id) {
        return sql.queryOne("SELECT " + COLUMNS + " FROM users WHERE id = ? FOR UPDATE", JdbcUsers::read, id.value());
    }

    @Override
    public boolean exists(TenantId id) {
        return sql.queryOne("SELECT 1 FROM users WHERE id = ?", row -> true, id.value()).isPresent();
    }

    @Override
    public void update(User user) {
        sql.update("UPDATE users SET name = ?, email = ?, updated_at = ? WHERE id = ?",
                user.name().map(UserName::value).orElse(null), user.email().map(Email::value).orElse(null),
                user.updatedAt(), user.id().value());
    }

    private static User read(ResultSet row) throws SQLException {
        return new User(
                TenantId.of(row.getString("id")),
                Optional.ofNullable(row.getString("name")).map(UserName::of),
                Optional.ofNullable(row.getString("email")).map(Email::of),
                Plan.of(row.getString("plan")),
                Sql.instant(row, "created_at"),
                Sql.instant(row, "updated_at"));
    }
}
