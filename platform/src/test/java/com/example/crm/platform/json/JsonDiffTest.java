package com.example.crm.platform.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class JsonDiffTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void lists_changed_leaves_by_dotted_path_with_their_new_values() throws Exception {
        Map<String, JsonNode> changes = JsonDiff.changes(
                JSON.readTree("{\"name\":\"华信\",\"address\":{\"city\":\"北京\",\"street\":\"x\"},\"tags\":[\"a\"],\"same\":1}"),
                JSON.readTree("{\"name\":\"华信科技\",\"address\":{\"city\":\"上海\"},\"tags\":[\"a\",\"b\"],\"same\":1,\"added\":true}"));

        assertThat(changes).containsOnlyKeys("name", "address.city", "address.street", "tags", "added");
        assertThat(changes.get("address.city").asText()).isEqualTo("上海");
        assertThat(changes.get("address.street")).isEqualTo(NullNode.getInstance());
        assertThat(changes.get("tags")).hasSize(2);
    }

    @Test
    void redacts_private_paths_and_everything_below_them() throws Exception {
        Map<String, JsonNode> changes = new TreeMap<>(JsonDiff.changes(JSON.readTree("{}"),
                JSON.readTree("{\"finance\":{\"bankAccount\":\"1\",\"creditRating\":\"A\"},\"rapport\":{\"hometown\":\"x\"},\"rapportish\":1}")));

        JsonDiff.redact(changes, Set.of("finance.bankAccount", "rapport"));

        assertThat(changes).containsOnlyKeys("finance.creditRating", "rapportish");
    }
}
