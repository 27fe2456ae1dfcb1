package org.toxgrade.fhir.rest;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.SocketException;
import org.hibernate.exception.ConstraintViolationException;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.toxgrade.fhir.FhirError;
import org.toxgrade.fhir.FhirException;
import org.toxgrade.fhir.FhirMediaTypes;

/**
 * Every refusal of the service is an OperationOutcome with the right status (docs/architecture.md, "Errors are
 * OperationOutcomes"). Unexpected failures are logged by class name only: their messages may carry
 * patient data.
 */
public class FhirExceptionMappers {

    private static final Logger LOG = Logger.getLogger(FhirExceptionMappers.class);

    private final FhirResponses responses;

    public FhirExceptionMappers(FhirResponses responses) {
        this.responses = responses;
    }

    @ServerExceptionMapper
    public Response refused(FhirException e) {
        return responses.error(e);
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e) {
        return responses.error(FhirError.UNSUPPORTED_MEDIA_TYPE.refuse(FhirMediaTypes.FHIR_JSON, FhirMediaTypes.JSON));
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e) {
        return responses.error(FhirError.NOT_ACCEPTABLE.refuse(FhirMediaTypes.FHIR_JSON));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return responses.error(FhirError.NO_SUCH_ENDPOINT.refuse());
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return responses.error(FhirError.INTERACTION_NOT_SUPPORTED.refuse());
    }

    @ServerExceptionMapper
    public Response otherHttp(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        FhirError code = FhirError.REQUEST_REFUSED;
        return responses.error(new FhirException(code, status, status >= 500 ? IssueType.EXCEPTION : IssueType.INVALID,
                code.message(status), null, e));
    }

    /**
     * Failures of storage and everything else. A unique-key race is a 409 (the loser retries), an
     * unreachable database a 503 so that the sender retries (docs/architecture.md); anything else a 500. In
     * every case the transaction was rolled back: nothing was half-stored. What the failure was is looked
     * for among all its causes and suppressed exceptions ({@link Causes}), nearest first.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        for (Throwable cause : Causes.of(e)) {
            if (cause instanceof FhirException refused) {
                return responses.error(refused);
            }
            if (cause instanceof ConstraintViolationException
                    || cause instanceof PgException pg && "23505".equals(pg.getSqlState())) {
                return responses.error(FhirError.CONCURRENT_WRITE.refuse());
            }
            // SocketException covers a refused connection and one the server reset (a backend
            // terminated mid-request may surface as either that or its 57P01, whichever comes first).
            if (cause instanceof SocketException || cause instanceof ClosedConnectionException
                    || cause instanceof PgException pg && isUnavailable(pg.getSqlState())) {
                LOG.warnf("Database unavailable (%s)", cause.getClass().getName());
                return responses.error(FhirError.STORAGE_UNAVAILABLE.refuse());
            }
        }
        LOG.errorf("Unexpected failure %s (root %s)", e.getClass().getName(), Causes.root(e).getClass().getName());
        return responses.error(FhirError.INTERNAL_ERROR.refuse());
    }

    /** SQL states of class 08 (connection exception) and 57P (operator intervention, e.g. shutdown). */
    private static boolean isUnavailable(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P"));
    }
}
