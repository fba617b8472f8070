package com.example.crm.client.transfer.api;

import com.example.crm.client.card.api.ClientFilterParams;
import com.example.crm.client.transfer.application.ClientExports;
import com.example.crm.platform.api.QueryParams;
import com.example.crm.platform.security.Roles;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

@Path("/api/v1/clients")
@Tag(name = "Clients", description = "The customer profile card")
public class ClientCsvResource {

    private static final int EXPORT_PAGE = 1000;

    private final ClientExports exports;
    private final ClientImport imports;
    private final CsvMapper csv = new CsvMapper();

    public ClientCsvResource(ClientExports exports, ClientImport imports) {
        this.exports = exports;
        this.imports = imports;
    }

    @POST
    @Path("import")
    @Consumes({ClientCsv.MEDIA_TYPE, "application/csv"})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES})
    @Operation(summary = "Import cards from CSV (UTF-8, header row, any number of rows)",
            description = "Streams the file; each row is checked like a create and written in batches. Bad rows are "
                    + "reported with row number, field and reason; good rows are imported. Owner: the caller, or "
                    + "ownerId (managers and admins), or none: straight into the pool poolId (its admins, managers, "
                    + "admins). Rows beyond the owner's ownership cap are refused.")
    public ClientImport.Report importCsv(@QueryParam("ownerId") String ownerId, @QueryParam("poolId") String poolId,
                                         InputStream body) {
        return imports.run(body, QueryParams.text("ownerId", ownerId, 100), QueryParams.uuidValue("poolId", poolId));
    }

    @GET
    @Path("export")
    @Produces(ClientCsv.MEDIA_TYPE)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALES, Roles.SERVICE, Roles.INTEGRATION, Roles.AUDITOR})
    @Operation(summary = "Export the clients matching the list filters as CSV (UTF-8 with BOM, streamed)",
            description = "Only the clients the caller sees (their data scope, teams and pools). Bank details are not "
                    + "exported. The file can be imported again.")
    @APIResponse(responseCode = "200", description = "the cards, UTF-8 with a byte-order mark, import columns first",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Response exportCsv(@BeanParam ClientFilterParams filters) {
        var filter = filters.toFilter();
        var scope = exports.readScopeOfCaller();
        StreamingOutput body = output -> {
            Writer writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
            writer.write('\uFEFF'); // spreadsheet programs read the UTF-8 Chinese text correctly with a BOM
            try (SequenceWriter rows = csv.writer().writeValues(writer)) {
                rows.write(ClientCsv.exportHeader());
                exports.forEachPage(filter, scope, EXPORT_PAGE, page -> page.forEach(client -> {
                    try {
                        rows.write(ClientCsv.exportRow(client));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            }
        };
        return Response.ok(body, ClientCsv.MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"clients.csv\"").build();
    }
}
