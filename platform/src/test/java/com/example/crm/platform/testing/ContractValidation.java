package com.example.crm.platform.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.report.ValidationReport.Message;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Every request a {@code @QuarkusTest} sends with rest-assured to {@code /api/…} is checked against the OpenAPI
 * document the service under test serves ({@code /q/openapi}), so that the document cannot drift from the behaviour:
 * every answer must be one the document describes for that operation (status, media type, body schema, headers),
 * and a request the service accepted (2xx) must be one the document allows (path, parameters, body). A request
 * answered with 4xx is a test of a refusal and is not held to the document; its answer is. A path or method no
 * operation has (answered 404 or 405 by the router) has no documented answer to compare with.
 *
 * <p>Installed for every {@code @QuarkusTest} of a service that has the platform's test jar
 * ({@code META-INF/services}); a test that must send what no client generated from the document could send builds
 * its request with {@link #unchecked()}.
 */
public final class ContractValidation implements OrderedFilter, QuarkusTestBeforeEachCallback {

    private static final ContractValidation FILTER = new ContractValidation();
    private static final String UNCHECKED = "X-Test-Contract-Unchecked";
    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!RestAssured.filters().contains(FILTER)) {
            RestAssured.filters(FILTER);
        }
    }

    /** A header that exempts one request from the check (the filter removes it before sending). */
    public static io.restassured.specification.RequestSpecification unchecked() {
        return RestAssured.given().header(UNCHECKED, "true");
    }

    @Override
    public int getOrder() {
        return OrderedFilter.HIGHEST_PRECEDENCE;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext context) {
        boolean unchecked = request.getHeaders().hasHeaderWithName(UNCHECKED);
        if (unchecked) {
            request.removeHeader(UNCHECKED);
        }
        Response response = context.next(request, responseSpec);
        if (unchecked || !URI.create(request.getURI()).getPath().startsWith("/api/")) {
            return response;
        }
        OpenApiInteractionValidator validator = VALIDATORS.computeIfAbsent(documentAddress(request),
                ContractValidation::validator);
        Request sent = RestAssuredRequest.of(request);
        ValidationReport report = response.statusCode() / 100 == 2
                ? validator.validate(sent, RestAssuredResponse.of(response))
                : validator.validateResponse(sent.getPath(), sent.getMethod(), RestAssuredResponse.of(response));
        if (report.hasErrors() && !(isRoutingRefusal(response.statusCode()) && outsideTheDocument(report))) {
            throw new AssertionError("%s %s → %d does not conform to the served OpenAPI document:%n%s".formatted(
                    request.getMethod(), request.getURI(), response.statusCode(),
                    report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                            .map(ContractValidation::describe).collect(Collectors.joining("\n"))));
        }
        return response;
    }

    /** 404 or 405: what the router answers for a path or method no operation has. */
    private static boolean isRoutingRefusal(int status) {
        return status == 404 || status == 405;
    }

    /** The request names no operation of the document: there is no answer it describes to compare with. */
    private static boolean outsideTheDocument(ValidationReport report) {
        return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .allMatch(m -> m.getKey().equals("validation.request.path.missing")
                        || m.getKey().equals("validation.request.operation.notAllowed"));
    }

    private static String describe(Message message) {
        return "  - [" + message.getKey() + "] " + message.getMessage()
                + message.getAdditionalInfo().stream().map(info -> "\n      " + info).collect(Collectors.joining());
    }

    private static String documentAddress(FilterableRequestSpecification request) {
        URI uri = URI.create(request.getURI());
        return uri.getScheme() + "://" + uri.getAuthority() + "/q/openapi?format=json";
    }

    private static OpenApiInteractionValidator validator(String address) {
        try {
            HttpResponse<String> document = HTTP.send(HttpRequest.newBuilder(URI.create(address))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            if (document.statusCode() != 200) {
                throw new IllegalStateException(address + " answered " + document.statusCode());
            }
            return OpenApiInteractionValidator.createForInlineApiSpecification(document.body()).build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the OpenAPI document at " + address, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
