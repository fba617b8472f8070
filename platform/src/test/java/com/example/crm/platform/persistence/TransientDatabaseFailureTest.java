package com.example.crm.platform.persistence;

import com.example.crm.platform.testing.PlatformTestDatabase;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import jakarta.transaction.RollbackException;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.transaction.xa.XAException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Which real database failures count as "try again later" (503 over HTTP, retried in place by consumers). */
class TransientDatabaseFailureTest {

    @Test
    void unreachable_database_is_transient() {
        Throwable refused = catchThrowable(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:1/crm", "x", "x"));

        assertThat(refused).isInstanceOf(SQLException.class);
        assertThat(TransientDatabaseFailure.isTransient(new IllegalStateException("store failed", refused))).isTrue();
    }

    @Test
    void exhausted_connection_pool_is_transient() throws SQLException {
        try (AgroalDataSource pool = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(cp -> cp.maxSize(1).acquisitionTimeout(Duration.ofMillis(200))
                        .connectionFactoryConfiguration(cf -> cf.jdbcUrl(PlatformTestDatabase.jdbcUrl())
                                .principal(new NamePrincipal(PlatformTestDatabase.USER))
                                .credential(new SimplePassword(PlatformTestDatabase.PASSWORD)))));
             Connection held = pool.getConnection()) {
            Throwable timeout = catchThrowable(pool::getConnection);

            assertThat(held.isValid(1)).isTrue();
            assertThat(timeout).isInstanceOf(SQLException.class).hasMessageContaining("acquisition timeout");
            assertThat(TransientDatabaseFailure.isTransient(timeout)).isTrue();
        }
    }

    @Test
    void commit_failing_because_the_database_terminated_the_connection_is_transient() throws SQLException {
        try (Connection victim = DriverManager.getConnection(PlatformTestDatabase.jdbcUrl(), PlatformTestDatabase.USER,
                PlatformTestDatabase.PASSWORD);
             Connection operator = DriverManager.getConnection(PlatformTestDatabase.jdbcUrl(), PlatformTestDatabase.USER,
                     PlatformTestDatabase.PASSWORD)) {
            victim.setAutoCommit(false);
            int pid;
            try (Statement sql = victim.createStatement(); var rs = sql.executeQuery("select pg_backend_pid()")) {
                rs.next();
                pid = rs.getInt(1);
            }
            try (Statement sql = operator.createStatement()) {
                sql.execute("select pg_terminate_backend(" + pid + ")"); // as a fast shutdown does
            }
            Throwable commitFailed = catchThrowable(victim::commit);
            assertThat(commitFailed).isInstanceOf(SQLException.class);
            // how Narayana reports it: a RollbackException without a cause, the XA commit failure suppressed in it
            XAException xa = new XAException("Error trying to transactionCommit local transaction: " + commitFailed.getMessage());
            xa.initCause(commitFailed);
            RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
            rollback.addSuppressed(xa);

            assertThat(TransientDatabaseFailure.isTransient(rollback)).isTrue();
            assertThat(TransientDatabaseFailure.isTransient(new RollbackException("ARJUNA016102: timed out"))).isFalse();
        }
    }

    @Test
    void bad_values_and_constraint_violations_are_not_transient() throws SQLException {
        try (Connection db = DriverManager.getConnection(PlatformTestDatabase.jdbcUrl(), PlatformTestDatabase.USER,
                PlatformTestDatabase.PASSWORD); Statement sql = db.createStatement()) {
            Throwable badValue = catchThrowable(() -> sql.execute("select 'x'::int"));
            sql.execute("create temp table t (id int primary key)");
            Throwable unique = catchThrowable(() -> sql.execute("insert into t values (1), (1)"));

            assertThat(badValue).isInstanceOf(SQLException.class);
            assertThat(unique).isInstanceOf(SQLException.class);
            assertThat(TransientDatabaseFailure.isTransient(badValue)).isFalse();
            assertThat(TransientDatabaseFailure.isTransient(unique)).isFalse();
            assertThat(TransientDatabaseFailure.isTransient(new IllegalStateException("no SQL at all"))).isFalse();
        }
    }
}
