package com.example.crm.segmentation;

import com.example.crm.platform.testing.EventContract;
import com.example.crm.platform.testing.Sql;
import com.example.crm.platform.testing.Tokens;
import com.example.crm.platform.testing.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Rule-based segments through the API: members, entered/left events, bad rules, roles. */
@QuarkusTest
class SegmentMembershipTest {

    static final EventContract EVENTS = EventContract.of("crm.segment.v1");

    @Inject
    DataSource db;

    static RequestSpecification as(String subject, String role) {
        return given().header("Authorization", Tokens.bearer(subject, role)).contentType(ContentType.JSON);
    }

    @BeforeEach
    void emptyProjection() {
        Projections.empty(db);
        Sql.update(db, "delete from segmentation.segment");
    }

    @Test
    void a_segment_lists_the_clients_its_rule_selects_and_announces_who_enters_and_leaves() {
        String zj = "00000000-0000-0000-0000-00000000f001";
        String zjSmall = "00000000-0000-0000-0000-00000000f002";
        String js = "00000000-0000-0000-0000-00000000f003";
        Projections.client(db, zj, "rep-f", "EXISTING", null);
        Projections.client(db, zjSmall, "rep-f", "EXISTING", null);
        Projections.client(db, js, "rep-f", "EXISTING", null);
        Sql.update(db, "update segmentation.client_profile set province = '浙江省', tags = '[\"重点\"]' where client_id = ?", UUID.fromString(zj));
        Sql.update(db, "update segmentation.client_profile set province = '浙江省' where client_id = ?", UUID.fromString(zjSmall));
        Sql.update(db, "update segmentation.client_profile set province = '江苏省', tags = '[\"重点\"]' where client_id = ?", UUID.fromString(js));
        String kafka = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        String id;
        try (TopicReader topic = TopicReader.fromEnd(kafka, "crm.segment.v1")) {
            id = as("m", "crm-manager").body("""
                    {"name":"浙江重点客户","rule":{"and":[{"field":"province","op":"eq","value":"浙江省"},
                      {"field":"tags","op":"contains","value":"重点"}]}}""")
                    .post("/api/v1/segments").then().statusCode(201).body("members", equalTo(1)).extract().path("id");
            as("m", "crm-manager").get("/api/v1/segments/" + id + "/members").then().body("items.clientId", contains(zj));

            Sql.update(db, "update segmentation.client_profile set tags = '[\"重点\"]' where client_id = ?", UUID.fromString(zjSmall));
            Sql.update(db, "update segmentation.client_profile set province = '上海市' where client_id = ?", UUID.fromString(zj));
            as("m", "crm-manager").post("/api/v1/segments/" + id + "/evaluation").then().statusCode(200)
                    .body("members", equalTo(1));
            List<JsonNode> events = topic.await(r -> r.value().contains("membership-changed"), 3, Duration.ofSeconds(30))
                    .stream().map(r -> EVENTS.assertValid(r.value())).toList();
            assertThat(events).extracting(e -> e.at("/data/clientId").asText() + " " + e.at("/data/change").asText())
                    .containsExactly(zj + " ENTERED", zjSmall + " ENTERED", zj + " LEFT");
        }
        as("m", "crm-manager").get("/api/v1/segments/" + id + "/members").then().body("items.clientId", contains(zjSmall));
    }

    @Test
    void bad_rules_are_400_with_the_node_named_and_only_managers_define_segments() {
        as("m", "crm-manager").body("{\"name\":\"坏规则\",\"rule\":{\"and\":[{\"field\":\"salary\",\"op\":\"eq\",\"value\":\"x\"}]}}")
                .post("/api/v1/segments").then().statusCode(400).body("errors.field", hasItem("rule.and[0].field"));
        as("m", "crm-manager").body("{\"name\":\"注入\",\"rule\":{\"field\":\"city\",\"op\":\"eq\",\"value\":\"x' or '1'='1\"}}")
                .post("/api/v1/segments").then().statusCode(201).body("members", equalTo(0));
        as("rep", "crm-sales").body("{\"name\":\"销售\",\"rule\":{\"field\":\"city\",\"op\":\"eq\",\"value\":\"x\"}}")
                .post("/api/v1/segments").then().statusCode(403);
        as("m", "crm-manager").body("{\"name\":\"注入\",\"rule\":{\"field\":\"city\",\"op\":\"eq\",\"value\":\"y\"}}")
                .post("/api/v1/segments").then().statusCode(409);
    }

    @Test
    void renaming_a_segment_to_another_segments_name_is_409_and_changes_nothing() {
        as("m", "crm-manager").body("{\"name\":\"华东\",\"rule\":{\"field\":\"city\",\"op\":\"eq\",\"value\":\"上海\"}}")
                .post("/api/v1/segments").then().statusCode(201);
        var created = as("m", "crm-manager").body("{\"name\":\"华南\",\"rule\":{\"field\":\"city\",\"op\":\"eq\",\"value\":\"广州\"}}")
                .post("/api/v1/segments").then().statusCode(201).extract();
        String id = created.path("id");
        String etag = created.header("ETag");
        as("m", "crm-manager").header("If-Match", etag)
                .body("{\"name\":\"华东\",\"rule\":{\"field\":\"city\",\"op\":\"eq\",\"value\":\"深圳\"}}")
                .put("/api/v1/segments/" + id).then().statusCode(409).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("华东"));
        as("m", "crm-manager").get("/api/v1/segments/" + id).then().statusCode(200)
                .body("name", equalTo("华南")).body("rule.value", equalTo("广州"));
        as("m", "crm-manager").header("If-Match", etag)
                .body("{\"name\":\"华南\",\"rule\":{\"field\":\"city\",\"op\":\"eq\",\"value\":\"深圳\"}}")
                .put("/api/v1/segments/" + id).then().statusCode(200).body("rule.value", equalTo("深圳"));
    }
}
