package com.example.crm.platform.testing;

import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;

/**
 * The {@code platform} schema of the test database (role platform_svc, created by {@code deploy/local/crm test}),
 * emptied and migrated with the platform's own Flyway scripts.
 */
public final class PlatformTestDatabase {

    public static final String USER = "platform_svc";
    public static final String PASSWORD = "crm-dev-platform";

    private PlatformTestDatabase() {
    }

    public static String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + System.getenv().getOrDefault("CRM_TEST_PG_PORT", "5432")
                + "/crm_test?currentSchema=platform";
    }

    public static String kafka() {
        return System.getenv().getOrDefault("CRM_TEST_KAFKA", "127.0.0.1:19092");
    }

    public static DataSource migrated() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl());
        dataSource.setUser(USER);
        dataSource.setPassword(PASSWORD);
        Flyway flyway = Flyway.configure().dataSource(dataSource).schemas("platform")
                .locations("classpath:db/crm-platform").cleanDisabled(false).load();
        flyway.clean();
        flyway.migrate();
        return dataSource;
    }
}
