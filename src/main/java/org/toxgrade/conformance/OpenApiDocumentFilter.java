package org.toxgrade.conformance;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Types the OpenAPI document (registered as {@code mp.openapi.filter}): every FHIR operation gets the
 * statuses and body schemas of {@link OpenApiOperations} instead of the untyped 200 the annotations
 * alone give, FHIR request bodies their schema, every operation but the open ones the bearer scheme,
 * and the percent-encoded twins of {@code $grade} and {@code $import} (for clients that encode the
 * "$") are left out so each operation is listed once. The operator endpoints keep their generated
 * JSON schemas and gain their 401 and 403.
 */
public class OpenApiDocumentFilter implements OASFilter {

    private static final String SCHEMAS = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        for (String path : new ArrayList<>(api.getPaths().getPathItems().keySet())) {
            if (path.contains("%24")) {
                api.getPaths().removePathItem(path);
            }
        }
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> type(method.name() + " " + path, operation)));
        api.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("bearer"));
    }

    private static void type(String key, Operation operation) {
        List<OpenApiOperations.Answer> answers = OpenApiOperations.ALL.get(key);
        if (OpenApiOperations.OPEN.contains(key)) {
            operation.setSecurity(List.of()); // answered without a token
        }
        String body = OpenApiOperations.FHIR_BODIES.get(key);
        if (body != null) {
            operation.setRequestBody(OASFactory.createRequestBody().required(true).content(fhir(body)));
        }
        List<OpenApiOperations.Answer> refusals = OpenApiOperations.OTHER.get(key);
        if (answers == null && refusals != null) {
            for (OpenApiOperations.Answer answer : refusals) {
                operation.getResponses().addAPIResponse(Integer.toString(answer.status()),
                        response(answer.description(), answer.schema()));
            }
            return;
        }
        if (answers == null) {
            // The operator endpoints: generated schemas of their records, plus the refusals of the token filter.
            APIResponses responses = operation.getResponses();
            responses.addAPIResponse("401", response("no valid bearer token", OpenApiOperations.OUTCOME));
            responses.addAPIResponse("403", response("the token lacks toxgrade/operator",
                    OpenApiOperations.OUTCOME));
            return;
        }
        APIResponses responses = OASFactory.createAPIResponses();
        for (OpenApiOperations.Answer answer : answers) {
            responses.addAPIResponse(Integer.toString(answer.status()), response(answer.description(),
                    answer.schema()));
        }
        operation.setResponses(responses);
    }

    private static APIResponse response(String description, String schema) {
        APIResponse response = OASFactory.createAPIResponse().description(description);
        return schema == null ? response : response.content(fhir(schema));
    }

    private static Content fhir(String schema) {
        Content content = OASFactory.createContent();
        for (String type : OpenApiOperations.FHIR_MEDIA_TYPES) {
            MediaType media = OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().ref(SCHEMAS + schema));
            content.addMediaType(type, media);
        }
        return content;
    }
}
