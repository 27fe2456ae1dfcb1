package org.toxgrade.db;

import static org.toxgrade.fhir.ErrorCode.failure;

import org.toxgrade.fhir.ErrorCode;

/** The codes of {@code db}: the database configuration and the embedded PostgreSQL, checked at start-up. */
public enum DatabaseError implements ErrorCode {

    URLS_NOT_PAIRED(
            failure("TG-DB-001", "set both %s and %s (same database), or neither to use the embedded PostgreSQL")),
    EMBEDDED_OFF_WITHOUT_URL(failure("TG-DB-002", "%s=false but no datasource URL is set: set %s and %s")),
    DATABASE_NAME_INVALID(failure("TG-DB-003", "database name must match %s")),
    DATABASE_NOT_CREATED(failure("TG-DB-004", "could not create database in embedded PostgreSQL")),
    PID_FILE_UNREADABLE(failure("TG-DB-005", "%s names no process: remove it if no PostgreSQL server runs on %s")),
    PID_NOT_IDENTIFIED(failure("TG-DB-006",
            "%s names running process %d, which cannot be looked at (no readable /proc entry): stop it if it is"
                    + " this directory's PostgreSQL server, otherwise remove the file")),
    STALE_PID_FILE_REMOVED(failure("TG-DB-007",
            "removed %s: its process %d is not a PostgreSQL server of this directory (it has ended, or the"
                    + " number now belongs to another program)")),
    LEFT_SERVER_STOPPED(failure("TG-DB-008", "stopped the PostgreSQL server (PID %d) that an earlier run left on %s")),
    LEFT_SERVER_NOT_STOPPED(failure("TG-DB-009",
            "could not stop the PostgreSQL server (PID %d) that an earlier run left on %s: stop that process and"
                    + " start again (the server's messages are in %s)")),
    PG_CTL_FAILED(failure("TG-DB-010", "pg_ctl %s failed (%s); its messages are in %s")),
    SERVER_NOT_FOUND(failure("TG-DB-011", "no running PostgreSQL server found on %s after it started")),
    SERVER_DIED(failure("TG-DB-012",
            "the embedded PostgreSQL server (PID %d) on %s has stopped: starting it again (its messages are in %s)")),
    SERVER_RESTARTED(
            failure("TG-DB-013", "the embedded PostgreSQL server on %s runs again (PID %d), %d ms after it stopped")),
    RESTART_FAILED(failure("TG-DB-014",
            "could not start the embedded PostgreSQL server on %s again (%s): next attempt in %d s")),
    SERVER_NOT_STOPPED(
            failure("TG-DB-015", "could not stop the embedded PostgreSQL server on %s (its messages are in %s)")),
    BINARIES_MISSING(failure("TG-DB-016",
            "the embedded PostgreSQL was asked for, but its server binaries are not in this build (the container"
                    + " image leaves them out): set quarkus.datasource.reactive.url and quarkus.datasource.jdbc.url"
                    + " to a PostgreSQL server"));

    private final Spec spec;

    DatabaseError(Spec spec) {
        this.spec = spec;
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
