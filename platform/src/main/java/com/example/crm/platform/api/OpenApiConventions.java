package com.example.crm.platform.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The suite's OpenAPI conventions, applied once for all services (registered as {@code mp.openapi.filter}). Free JSON
 * values (Jackson's {@code JsonNode}: a merge patch, a history entry's changes, a segment rule) are documented as
 * any JSON value, not as the getters of Jackson's class. And the RFC 9457 problems every operation really answers:
 * a {@code Problem} schema, and per operation the statuses its shape makes possible —
 * 400, 401, 403, 500 and 503 (with Retry-After) always; 404 on a path naming a record; 413 and 415 with a body; 412
 * and 428 with If-Match; 409 and 422 for commands; 414 (no body: the HTTP server's) for a request line too long.
 * An operation's own documented answers are kept, with the Problem body where they give none. Also the
 * response headers operations refer to (ETag, Location, Idempotent-Replayed). The bounds the services enforce
 * ({@link OpenApiLimits}) and a request example for every JSON body ({@link OpenApiExamples}).
 */
public class OpenApiConventions implements OASFilter {

    static final String SCHEMA = "Problem";
    private static final String REF = "#/components/schemas/" + SCHEMA;

    private static final Map<String, String> WHY = Map.ofEntries(
            Map.entry("400", "The request is not valid: the problem names each field (errors)"),
            Map.entry("401", "No valid bearer token"),
            Map.entry("403", "The caller's role or ownership does not allow it"),
            Map.entry("404", "No such record (a client not known yet here: retryable true)"),
            Map.entry("409", "The record's state stands against the command (conflict, duplicate, illegal transition, cap)"),
            Map.entry("412", "If-Match names an old version (currentETag says the current one)"),
            Map.entry("413", "The body is larger than allowed"),
            Map.entry("415", "The body's media type is not accepted"),
            Map.entry("422", "Well-formed, but breaks a business rule, or an Idempotency-Key reused with another body"),
            Map.entry("428", "If-Match is required"),
            Map.entry("500", "Unexpected failure (errorId to quote)"),
            Map.entry("503", "The database is unavailable; retry after Retry-After seconds"));

    /** Response headers operations refer to ({@code @Header(name = "ETag", ref = "ETag")}). */
    private static final Map<String, String> HEADERS = Map.of(
            "ETag", "the record's version: send it back in If-Match to change the record",
            "Location", "the new record's address",
            "Idempotent-Replayed", "true: the answer to an earlier request with the same Idempotency-Key, replayed");

    static final String JSON_VALUE = "JsonNode";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        anyJsonValue(openAPI);
        openAPI.getComponents().addSchema(SCHEMA, problemSchema());
        HEADERS.forEach((name, description) -> openAPI.getComponents().addHeader(name, OASFactory.createHeader()
                .description(description).schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .maxLength(OpenApiLimits.LONGEST_REQUEST_LINE))));
        if (openAPI.getServers() != null) {
            // the API is for other systems, outside the team that runs it (OWASP API9, inventory)
            openAPI.getServers().forEach(server -> server.addExtension("x-internal", false));
        }
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) ->
                    document(path, method, operation)));
        }
        OpenApiLimits.document(openAPI);
        OpenApiExamples.document(openAPI);
        unusedHeadersRemoved(openAPI);
    }

    /** The shared response headers no operation of this service refers to (a service without creates has no Location). */
    private static void unusedHeadersRemoved(OpenAPI openAPI) {
        Set<String> used = new HashSet<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    operation.getResponses().getAPIResponses().values().stream().filter(a -> a.getHeaders() != null)
                            .flatMap(a -> a.getHeaders().values().stream()).filter(h -> h.getRef() != null)
                            .forEach(h -> used.add(h.getRef().substring(h.getRef().lastIndexOf('/') + 1)));
                }
            }));
        }
        HEADERS.keySet().stream().filter(name -> !used.contains(name)).forEach(openAPI.getComponents()::removeHeader);
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean command = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        boolean body = operation.getRequestBody() != null;
        boolean ifMatch = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()));
        for (String status : List.of("400", "401", "403", "500", "503")) {
            add(responses, status);
        }
        if (path.contains("{")) {
            add(responses, "404");
        }
        if (body) {
            add(responses, "413");
            add(responses, "415");
        }
        if (ifMatch) {
            add(responses, "412");
            add(responses, "428");
        }
        if (command) {
            add(responses, "409");
            add(responses, "422");
        }
        responses.getAPIResponses().keySet().stream().filter(status -> status.startsWith("4") || status.startsWith("5"))
                .filter(status -> !status.equals("414"))
                .toList().forEach(status -> add(responses, status));
        if (responses.getAPIResponse("414") == null) {
            responses.addAPIResponse("414", OASFactory.createAPIResponse().description(
                    "The request line (path and query) is longer than 4096 bytes; answered by the HTTP server, no body"));
        }
    }

    private static void add(APIResponses responses, String status) {
        APIResponse existing = responses.getAPIResponse(status);
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF)));
        if (existing == null) {
            APIResponse response = OASFactory.createAPIResponse().description(WHY.get(status)).content(content);
            if (status.equals("503")) {
                response.addHeader("Retry-After", OASFactory.createHeader().description("seconds to wait")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                                .minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(3600))));
            }
            responses.addAPIResponse(status, response);
        } else if (existing.getContent() == null || existing.getContent().getMediaTypes() == null
                || existing.getContent().getMediaTypes().isEmpty()) {
            existing.setContent(content);
        }
    }

    /**
     * Jackson's JsonNode becomes "any JSON value"; the properties of the suite that hold one (a history entry's
     * changes, a segment rule) hold a JSON object.
     */
    private static void anyJsonValue(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas == null || !schemas.containsKey(JSON_VALUE)) {
            return;
        }
        openAPI.getComponents().addSchema(JSON_VALUE, OASFactory.createSchema()
                .description("any JSON value: an object, an array, a string, a number, true, false or null"));
        openAPI.getComponents().removeSchema("JsonNodeType");
        String ref = "#/components/schemas/" + JSON_VALUE;
        schemas.values().forEach(schema -> {
            if (schema.getProperties() != null) {
                schema.getProperties().values().stream().filter(p -> ref.equals(p.getRef()))
                        .forEach(p -> {
                            p.setType(null);
                            p.addType(Schema.SchemaType.OBJECT);
                        });
            }
        });
    }

    private static Schema problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", text("a URN naming the kind of problem, e.g. urn:crm:problem:validation"));
        properties.put("title", text("the kind of problem, in words"));
        properties.put("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                .minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599)));
        properties.put("detail", text("what went wrong with this request"));
        properties.put("instance", text("the request path"));
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .properties(Map.of("field", text("the field's path, e.g. address.city"), "message", text("why")));
        properties.put("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).description(
                        "RFC 9457 problem details; extensions per kind (candidates, allowed, currentETag, retryable, "
                                + "errorId, ...)")
                .required(List.of("type", "title", "status")).properties(properties)
                .additionalPropertiesSchema(OASFactory.createSchema());
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
