package com.example.crm.client.transfer.api;

import com.example.crm.client.card.application.ClientInput;
import com.example.crm.client.card.domain.AcquisitionSource;
import com.example.crm.client.card.domain.Client;
import com.example.crm.client.card.domain.ClientKind;
import com.example.crm.client.card.domain.CreditRating;
import com.example.crm.client.card.domain.LifecycleStatus;
import com.example.crm.client.card.domain.RelationshipLevel;
import com.example.crm.platform.api.Problem;
import com.example.crm.platform.money.Money;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The CSV form of a card, for import and export. A file exported can be imported again: every row has the header's
 * columns (an empty cell for no value), and the columns that only an export carries (id, owner, segment, creation
 * time) are ignored on import. Tags are separated by {@code |}; dates are ISO (2026-11-23); money is an amount column
 * and a currency column. A cell a spreadsheet would evaluate as a formula is written with a leading {@code '} (OWASP,
 * "CSV Injection"), which the import removes again.
 */
public final class ClientCsv {

    public static final String MEDIA_TYPE = "text/csv";

    /** Columns an import reads (all optional but kind and legalName). */
    public static final List<String> COLUMNS = List.of("kind", "legalName", "shortName", "industry",
            "acquisitionSource", "unifiedSocialCreditCode", "legalRepresentative", "foundedOn", "organisationForm",
            "employees", "website", "phone", "email", "tags", "country", "province", "city", "district", "street",
            "postalCode", "creditRating", "creditLimitAmount", "creditLimitCurrency", "paymentTermsDays", "status",
            "relationshipLevel");

    /** Columns only an export writes. */
    public static final List<String> EXPORT_ONLY = List.of("id", "ownerId", "abcClass", "valueTier", "churnRisk",
            "createdAt");

    private ClientCsv() {
    }

    /** One data row read: the card it describes, or why it cannot be imported. */
    public record Row(long number, ClientInput input, List<Problem.FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /** The header's problems: unknown columns, or missing required ones. */
    public static List<String> headerProblems(String[] header) {
        List<String> problems = new ArrayList<>();
        List<String> names = Arrays.stream(header).map(String::trim).toList();
        for (String name : names) {
            if (!COLUMNS.contains(name) && !EXPORT_ONLY.contains(name)) {
                problems.add("unknown column " + name);
            }
        }
        for (String required : List.of("kind", "legalName")) {
            if (!names.contains(required)) {
                problems.add("missing column " + required);
            }
        }
        return problems;
    }

    /** Reads one data row (values in header order); Bean Validation runs afterwards on the input. */
    public static Row read(long number, String[] header, String[] values) {
        Map<String, String> cells = new HashMap<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < header.length && i < values.length; i++) {
            String value = values[i] == null ? "" : unquoted(values[i].trim());
            if (value.indexOf('\u0000') >= 0) {
                errors.add(new Problem.FieldError(header[i].trim(), "must not contain a NUL character (U+0000)"));
            } else if (!value.isEmpty()) {
                cells.put(header[i].trim(), value);
            }
        }
        if (values.length > header.length) {
            errors.add(new Problem.FieldError("row", "has " + values.length + " values for " + header.length + " columns"));
        }
        Cells c = new Cells(cells, errors);
        String amount = c.text("creditLimitAmount");
        String currency = c.text("creditLimitCurrency");
        if ((amount == null) != (currency == null)) {
            errors.add(new Problem.FieldError("creditLimitCurrency", "amount and currency go together"));
        }
        ClientInput.AddressDto address = new ClientInput.AddressDto(c.text("country"), c.text("province"),
                c.text("city"), c.text("district"), c.text("street"), c.text("postalCode"));
        ClientInput.FinanceInput finance = new ClientInput.FinanceInput(null, null,
                c.parse("creditRating", v -> CreditRating.valueOf(v)),
                amount == null || currency == null ? null : new Money(amount, currency),
                c.parse("paymentTermsDays", Integer::valueOf));
        ClientInput input = new ClientInput(
                c.parse("kind", ClientKind::valueOf), c.text("legalName"), c.text("shortName"), c.text("industry"),
                c.parse("acquisitionSource", AcquisitionSource::valueOf), c.text("unifiedSocialCreditCode"),
                c.text("legalRepresentative"), c.parse("foundedOn", ClientCsv::date), null,
                c.text("organisationForm"), c.parse("employees", Integer::valueOf), null, c.text("website"),
                c.text("phone"), c.text("email"),
                c.parse("tags", v -> Arrays.stream(v.split("\\|")).map(String::trim).filter(t -> !t.isEmpty()).toList()),
                null, isEmpty(address) ? null : address,
                finance.creditRating() == null && finance.creditLimit() == null && finance.paymentTermsDays() == null
                        ? null : finance,
                null, null, c.parse("status", LifecycleStatus::valueOf),
                c.parse("relationshipLevel", RelationshipLevel::valueOf));
        return new Row(number, input, errors);
    }

    /** The export header: the import columns, then the export-only ones. */
    public static String[] exportHeader() {
        List<String> header = new ArrayList<>(COLUMNS);
        header.addAll(EXPORT_ONLY);
        return header.toArray(String[]::new);
    }

    /** One card as export cells, in {@link #exportHeader()} order: an empty cell for no value, formulas neutralised. */
    public static String[] exportRow(Client c) {
        String[] cells = exportValues(c);
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cells[i] == null ? "" : neutralised(cells[i]);
        }
        return cells;
    }

    /**
     * A cell as a spreadsheet must show it: a value beginning with {@code = + - @}, a tab or a carriage return would be
     * evaluated as a formula, so it gets a leading {@code '}; so does a value that already begins with {@code '}
     * before such a character, so that {@link #unquoted} gives every value back exactly.
     */
    static String neutralised(String value) {
        return evaluable(value) ? "'" + value : value;
    }

    /** The value {@link #neutralised} was given. */
    static String unquoted(String cell) {
        return cell.startsWith("'") && evaluable(cell.substring(1)) ? cell.substring(1) : cell;
    }

    private static boolean evaluable(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                || first == '\'' && evaluable(value.substring(1));
    }

    private static String[] exportValues(Client c) {
        var address = c.address;
        var finance = c.finance;
        Money limit = finance == null || finance.creditLimit == null ? null : finance.creditLimit.toMoney();
        return new String[]{
                str(c.kind), c.legalName, c.shortName, c.industry, str(c.acquisitionSource), c.unifiedSocialCreditCode,
                c.legalRepresentative, str(c.foundedOn), c.organisationForm, str(c.employees), c.website, c.phone,
                c.email, c.tags == null ? null : String.join("|", c.tags),
                address == null ? null : address.country, address == null ? null : address.province,
                address == null ? null : address.city, address == null ? null : address.district,
                address == null ? null : address.street, address == null ? null : address.postalCode,
                finance == null ? null : str(finance.creditRating), limit == null ? null : limit.amount(),
                limit == null ? null : limit.currency(), finance == null ? null : str(finance.paymentTermsDays),
                str(c.status), str(c.relationshipLevel),
                str(c.id), c.ownerId, str(c.abcClass), str(c.valueTier), str(c.churnRisk), str(c.createdAt)};
    }

    /** A day of the years 1 to 9999 (what the database and the calendar hold). */
    private static LocalDate date(String value) {
        LocalDate day = LocalDate.parse(value);
        if (day.getYear() < 1 || day.getYear() > 9999) {
            throw new IllegalArgumentException("year out of range");
        }
        return day;
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }

    private static boolean isEmpty(ClientInput.AddressDto a) {
        return a.country() == null && a.province() == null && a.city() == null && a.district() == null
                && a.street() == null && a.postalCode() == null;
    }

    /** The non-empty cells of a row, read with per-column errors. */
    private record Cells(Map<String, String> values, List<Problem.FieldError> errors) {
        String text(String column) {
            return values.get(column);
        }

        <T> T parse(String column, Function<String, T> parser) {
            String value = values.get(column);
            if (value == null) {
                return null;
            }
            try {
                return parser.apply(value);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                errors.add(new Problem.FieldError(column, "cannot read \"" + value + "\""));
                return null;
            }
        }
    }
}
