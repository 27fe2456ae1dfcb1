package org.toxgrade.db;

import static org.toxgrade.fhir.ErrorCode.failure;

import org.toxgrade.fhir.ErrorCode;

/** The codes of {@code db}: the database configuration and the embedded PostgreSQL, checked at start-up. */
public enum DatabaseError implements ErrorCode {

    URLS_NOT_PAIRED(
            failure("TG-DB-001", "set both %s and %s (same database), or neither to use the embedded PostgreSQL")),
    EMBEDDED_OFF_WITHOUT_URL(failure("TG-DB-002", "%s=false but no datasource URL is set: set %s and %s")),
    DATABASE_NAME_INVALID(failure("TG-DB-003", "database name must match %s")),
    DATABASE_NOT_CREATED(failure("TG-DB-004", "could not create database in embedded PostgreSQL"));

    private final Spec spec;

    DatabaseError(Spec spec) {
        this.spec = spec;
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
