package io.thingbus.stream;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The service's real data source with an outage switch: while down, getting a connection fails the way PostgreSQL's
 * driver fails when the server is unreachable (SQLSTATE 08001). Lets a test take "the database" away from one store
 * without stopping the PostgreSQL server other tests share.
 */
final class SwitchableDataSource implements DataSource {

    private final DataSource delegate;
    private volatile boolean down;

    SwitchableDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    void down() {
        down = true;
    }

    void up() {
        down = false;
    }

    @Override
    public Connection getConnection() throws SQLException {
        refuseWhileDown();
        return delegate.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        refuseWhileDown();
        return delegate.getConnection(username, password);
    }

    private void refuseWhileDown() throws SQLException {
        if (down) {
            throw new SQLException("Connection to 127.0.0.1 refused (test outage)", "08001");
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return delegate.isWrapperFor(type);
    }
}
