package io.thingbus.stream.persistence;

import java.sql.SQLException;

/**
 * Tells a failure caused by the data (SQLSTATE class 22 "data exception", 23 "integrity constraint violation") from
 * one caused by the database or the connection (every other class), which may pass when retried.
 */
final class SqlFailure {

    private SqlFailure() {
    }

    /** Whether the failure is the data's fault, so retrying the same data fails again. */
    static boolean isDataError(SQLException failure) {
        String state = sqlState(failure);
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    /** The first line of the database's message, for logs: no stack trace, no statement text. */
    static String reason(SQLException failure) {
        SQLException cause = mostSpecific(failure);
        String message = cause.getMessage() == null ? "refused by the database" : cause.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String sqlState(SQLException failure) {
        SQLException specific = mostSpecific(failure);
        return specific.getSQLState() != null ? specific.getSQLState() : failure.getSQLState();
    }

    /** A batch failure carries the statement's own exception as its "next" exception or cause. */
    private static SQLException mostSpecific(SQLException failure) {
        if (failure.getNextException() != null) {
            return failure.getNextException();
        }
        if (failure.getCause() instanceof SQLException cause) {
            return cause;
        }
        return failure;
    }
}
