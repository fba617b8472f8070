package com.example.crm.client.transfer.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Cells a spreadsheet would evaluate are exported with a leading quote, and the import gives back the very value. */
class ClientCsvCellsTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\")", "+86 138 0000 0000", "-1+2", "@SUM(A1)", "\tcmd", "\rcmd",
            "'=already quoted", "''=twice"})
    void a_cell_a_spreadsheet_would_evaluate_is_exported_with_a_leading_quote_and_imported_as_it_was(String value) {
        String cell = ClientCsv.neutralised(value);
        assertThat(cell).isEqualTo("'" + value);
        assertThat(ClientCsv.unquoted(cell)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"杭州西湖茶业有限公司", "'quoted name", "a=b", "", "'"})
    void a_plain_cell_is_exported_and_imported_unchanged(String value) {
        assertThat(ClientCsv.neutralised(value)).isEqualTo(value);
        assertThat(ClientCsv.unquoted(value)).isEqualTo(value);
    }
}
