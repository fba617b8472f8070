package com.example.crm.client.transfer.api;

import com.example.crm.platform.testing.Sql;
import com.example.crm.platform.testing.Tokens;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import static com.example.crm.client.ClientFixtures.CLIENTS;
import static com.example.crm.client.ClientFixtures.as;
import static com.example.crm.client.ClientFixtures.company;
import static com.example.crm.client.ClientFixtures.randomCreditCode;
import static com.example.crm.client.ClientFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Streaming CSV import (per-row errors, no row cap) and export. */
@QuarkusTest
class ClientCsvImportExportTest {

    @Inject
    DataSource db;

    @TestHTTPResource("/api/v1/clients/import")
    URL importUrl;

    @Test
    void good_rows_are_imported_and_each_bad_row_is_reported_with_its_row_and_field() {
        String owner = "rep-import-" + UUID.randomUUID();
        String code = randomCreditCode();
        String file = "\uFEFFkind,legalName,unifiedSocialCreditCode,province,city,tags,creditLimitAmount,creditLimitCurrency,status\n"
                + "COMPANY,杭州西湖茶业有限公司," + code + ",浙江省,杭州市,茶叶|华东,80000.00,CNY,INTENDED\n"   // row 2: good
                + "ROBOT,机器人公司,,,,,,,\n"                                                              // row 3: bad kind
                + "COMPANY,,,,,,,,\n"                                                                    // row 4: no name
                + "COMPANY,校验码错误公司,911100001000132224,,,,,,\n"                                      // row 5: bad code
                + "COMPANY,重复代码公司," + code + ",,,,,,\n"                                              // row 6: code taken in file
                + "COMPANY,负额度公司,,,,,-1.00,CNY,\n"                                                    // row 7: negative limit
                + "INDIVIDUAL,\"张三, 个体户\",,广东省,深圳市,,,,\n"                                         // row 8: good, quoted comma
                + "COMPANY,已成交公司,,,,,,,EXISTING\n";                                                   // row 9: a rep's card starts before a deal

        JsonPath report = as(owner, "crm-sales").contentType("text/csv; charset=UTF-8").body(file)
                .post(CLIENTS + "/import").then().statusCode(200).extract().jsonPath();

        assertThat(report.getLong("rows")).isEqualTo(8);
        assertThat(report.getLong("imported")).isEqualTo(2);
        assertThat(report.getLong("failed")).isEqualTo(6);
        assertThat(report.getList("errors.row", Integer.class)).containsExactly(3, 4, 5, 7, 6, 9);
        assertThat(report.getList("errors.field", String.class)).containsExactly("kind", "legalName",
                "unifiedSocialCreditCode", "finance.creditLimit", "unifiedSocialCreditCode", "status");

        as(owner, "crm-sales").queryParam("ownerId", owner).get(CLIENTS).then()
                .body("items.legalName", org.hamcrest.Matchers.containsInAnyOrder("杭州西湖茶业有限公司", "张三, 个体户"))
                .body("items.find { it.legalName == '杭州西湖茶业有限公司' }.status", equalTo("INTENDED"))
                .body("items.find { it.legalName == '杭州西湖茶业有限公司' }.tags", org.hamcrest.Matchers.contains("茶叶", "华东"));
    }

    @Test
    void a_nul_character_or_a_year_beyond_9999_in_a_cell_fails_that_row_only_instead_of_the_import() {
        String owner = "rep-import-nul-" + UUID.randomUUID();
        StringBuilder file = new StringBuilder("kind,legalName,foundedOn\n");
        for (int i = 0; i < 600; i++) {                                           // rows 2..601: good, first batch
            file.append("COMPANY,导入公司").append(i).append(",\n");
        }
        file.append("COMPANY,带\u0000空字符公司,\n");                              // row 602: NUL
        file.append("COMPANY,远古公司,-999999999-01-01\n");                        // row 603: year out of range
        for (int i = 0; i < 100; i++) {                                           // rows 604..703: good
            file.append("COMPANY,后续公司").append(i).append(",\n");
        }
        JsonPath report = as(owner, "crm-sales").contentType("text/csv; charset=UTF-8").body(file.toString())
                .post(CLIENTS + "/import").then().statusCode(200).extract().jsonPath();
        assertThat(report.getLong("imported")).isEqualTo(700);
        assertThat(report.getList("errors.row", Integer.class)).containsExactly(602, 603);
        assertThat(report.getList("errors.field", String.class)).containsExactly("legalName", "foundedOn");
    }

    @Test
    void a_header_with_unknown_columns_is_refused_before_any_row_is_written() {
        as("rep-import-x", "crm-sales").contentType("text/csv").body("kind,legalName,discount\nCOMPANY,某公司,10\n")
                .post(CLIENTS + "/import").then().statusCode(400).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("unknown column discount"));
        as("rep-import-x", "crm-sales").queryParam("ownerId", "rep-import-x").get(CLIENTS).then().body("items.size()", equalTo(0));
    }

    @Test
    void a_sales_rep_cannot_import_for_another_owner() {
        as("rep-import-y", "crm-sales").contentType("text/csv").queryParam("ownerId", "rep-other")
                .body("kind,legalName\nCOMPANY,某公司\n").post(CLIENTS + "/import").then().statusCode(403);
    }

    @Test
    void imports_100000_rows_streamed_with_per_row_errors_for_the_bad_rows_only() throws Exception {
        String owner = "rep-bulk-" + UUID.randomUUID();
        int rows = 100_000;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(importUrl + "?ownerId=" + owner))
                .header("Authorization", Tokens.bearer("manager-import", "crm-manager"))
                .header("Content-Type", "text/csv; charset=UTF-8")
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> generatedCsv(rows))).build();
        long heapBefore = usedHeap();
        long started = System.nanoTime();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonPath report = JsonPath.from(response.body());
        assertThat(report.getLong("rows")).isEqualTo(rows);
        assertThat(report.getLong("failed")).isEqualTo(rows / 1000);
        assertThat(report.getLong("imported")).isEqualTo(rows - rows / 1000);
        assertThat(report.getList("errors.row", Integer.class)).first().isEqualTo(1001);
        assertThat(report.getList("errors.field", String.class)).containsOnly("kind");
        assertThat(Sql.count(db, "select count(*) from client where owner_id = ?", owner)).isEqualTo(rows - rows / 1000);
        System.out.printf("CSV import: %d rows in %.1f s (%.0f rows/s); used heap %d MB before, %d MB after%n",
                rows, seconds, rows / seconds, heapBefore >> 20, usedHeap() >> 20);
    }

    @Test
    void export_streams_the_filtered_cards_as_utf8_csv_with_the_import_columns() {
        String owner = "rep-export-" + UUID.randomUUID();
        register(owner, company("导出一号有限公司"));
        register(owner, company("导出二号有限公司"));

        byte[] file = as(owner, "crm-sales").queryParam("ownerId", owner).get(CLIENTS + "/export")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .extract().asByteArray();
        String text = new String(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFkind,legalName,");
        List<String[]> rows = rows(text);
        assertThat(rows).hasSize(3);
        assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(ClientCsv.exportHeader().length));
        assertThat(text).contains("导出一号有限公司").contains("导出二号有限公司").contains(owner)
                .doesNotContain("6222");
    }

    @Test
    void an_exported_file_imported_again_gives_the_same_cards_and_no_cell_is_a_spreadsheet_formula() throws Exception {
        String owner = "rep-roundtrip-" + UUID.randomUUID();
        var formula = company("往返一号有限公司");
        formula.put("shortName", "=HYPERLINK(\"http://evil.example\",\"点击\")");
        formula.put("website", "https://tea.example.cn");
        formula.put("email", "buyer@tea.example.cn");
        formula.put("employees", 120);
        var sparse = new HashMap<String, Object>(Map.of("kind", "INDIVIDUAL", "legalName", "往返二号个体户"));
        List<String> ids = List.of(register(owner, formula), register(owner, sparse));
        String first = export(owner);
        List<String[]> exported = rows(first);
        int shortName = ClientCsv.COLUMNS.indexOf("shortName");
        int phone = ClientCsv.COLUMNS.indexOf("phone");
        assertThat(exported).allSatisfy(row -> assertThat(row).hasSize(ClientCsv.exportHeader().length));
        assertThat(exported.stream().skip(1).map(row -> row[shortName]))
                .contains("'=HYPERLINK(\"http://evil.example\",\"点击\")");
        assertThat(exported.stream().skip(1).map(row -> row[phone])).anyMatch(cell -> cell.startsWith("'+86 "));

        try (var connection = db.getConnection(); var delete = connection.prepareStatement(
                "delete from client where id = any(?)")) {
            delete.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            assertThat(delete.executeUpdate()).isEqualTo(2);
        }
        as(owner, "crm-sales").contentType("text/csv; charset=UTF-8").body(first.getBytes(StandardCharsets.UTF_8))
                .post(CLIENTS + "/import").then().statusCode(200).body("imported", equalTo(2)).body("failed", equalTo(0));

        assertThat(importColumns(rows(export(owner)))).isEqualTo(importColumns(exported));
    }

    private static String export(String owner) {
        return new String(as(owner, "crm-sales").queryParam("ownerId", owner).get(CLIENTS + "/export")
                .then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
    }

    /** The file's rows as a spreadsheet reads them (quoted cells may hold commas and line breaks). */
    private static List<String[]> rows(String text) {
        try (var reader = new CsvMapper()
                .enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerFor(String[].class).<String[]>readValues(text.replace("\uFEFF", ""))) {
            return reader.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The data rows' import columns, by legal name: what an import reads back. */
    private static List<List<String>> importColumns(List<String[]> rows) {
        return rows.stream().skip(1).map(row -> List.of(row).subList(0, ClientCsv.COLUMNS.size()))
                .sorted(Comparator.comparing(row -> row.get(1))).toList();
    }

    /** A CSV produced while it is sent: 1 in 1000 rows has an unknown kind. */
    private static InputStream generatedCsv(int rows) {
        int chunk = 1000;
        Enumeration<InputStream> parts = new Enumeration<>() {
            int next = -1;

            @Override
            public boolean hasMoreElements() {
                return next * chunk < rows;
            }

            @Override
            public InputStream nextElement() {
                StringBuilder text = new StringBuilder();
                if (next < 0) {
                    text.append("kind,legalName,province,city,tags\n");
                } else {
                    for (int i = next * chunk; i < Math.min(rows, (next + 1) * chunk); i++) {
                        text.append(i % 1000 == 999 ? "ROBOT" : "COMPANY").append(",批量导入测试公司").append(i)
                                .append(",江苏省,南京市,导入\n");
                    }
                }
                next++;
                return new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8));
            }
        };
        return new SequenceInputStream(parts);
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
