package com.example.crm.client.transfer.api;

import com.example.crm.client.card.application.ClientInput;
import com.example.crm.client.transfer.application.ClientImports;
import com.example.crm.platform.api.Problem;
import com.example.crm.platform.api.ProblemException;
import com.example.crm.platform.api.ProblemMappers;
import com.example.crm.platform.api.ProblemType;
import com.example.crm.platform.domain.DomainException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Streams a CSV file of cards into the database: rows are read one at a time, checked like an API create,
 * and written in batches, each batch in its own transaction (with its registered events and history). A bad
 * row is reported with its row number and field and never stops the good ones; memory stays bounded whatever
 * the file's size (one batch, and at most {@value #MAX_REPORTED_ERRORS} reported errors).
 */
@ApplicationScoped
public class ClientImport {

    static final int BATCH_SIZE = 500;
    static final int MAX_REPORTED_ERRORS = 1000;

    public record RowError(long row, String field, String message) {
    }

    /** What an import did; {@code row} numbers count the header as row 1, as a spreadsheet shows them. */
    public record Report(long rows, long imported, long failed, List<RowError> errors, boolean errorsTruncated) {
    }

    private final ClientImports imports;
    private final Validator validator;
    private final CsvMapper csv = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES);

    public ClientImport(ClientImports imports, Validator validator) {
        this.imports = imports;
        this.validator = validator;
    }

    /**
     * Imports into {@code poolId} (pool admins, managers, admins) or for {@code ownerId} (the caller unless a manager
     * or admin names another); not both.
     */
    public Report run(InputStream body, String ownerId, UUID poolId) {
        ClientImports.ImportTarget target = imports.target(ownerId, poolId);
        Tally tally = new Tally();
        try (Reader reader = new InputStreamReader(withoutByteOrderMark(body), StandardCharsets.UTF_8);
             MappingIterator<String[]> rows = csv.readerFor(String[].class).readValues(reader)) {
            if (!rows.hasNext()) {
                throw new DomainException.InvalidValue("file", "is empty; the first row must name the columns");
            }
            String[] header = rows.next();
            List<String> problems = ClientCsv.headerProblems(header);
            if (!problems.isEmpty()) {
                throw new ProblemException(ProblemType.VALIDATION, "the header row is not valid: " + String.join("; ", problems))
                        .with("columns", ClientCsv.COLUMNS);
            }
            List<ClientCsv.Row> batch = new ArrayList<>(BATCH_SIZE);
            long number = 1;
            while (rows.hasNext()) {
                number++;
                ClientCsv.Row row = validated(ClientCsv.read(number, header, rows.next()));
                tally.rows++;
                if (!row.valid()) {
                    tally.fail(row.number(), row.errors());
                    continue;
                }
                batch.add(row);
                if (batch.size() == BATCH_SIZE) {
                    write(batch, target, tally);
                }
            }
            write(batch, target, tally);
        } catch (IOException | RuntimeJsonMappingException e) {
            throw unreadable(e, tally);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof IOException) { // MappingIterator wraps read failures so
                throw unreadable(e, tally);
            }
            throw e;
        }
        return new Report(tally.rows, tally.imported, tally.failed, tally.errors, tally.truncated);
    }


    /** The file stops being CSV part-way: what was imported stays, the answer says how far it got. */
    private static ProblemException unreadable(Exception e, Tally tally) {
        return new ProblemException(ProblemType.BAD_REQUEST, "the CSV cannot be read after row " + (tally.rows + 1)
                + ": " + e.getMessage()).with("imported", tally.imported);
    }

    private void write(List<ClientCsv.Row> batch, ClientImports.ImportTarget target, Tally tally) {
        if (batch.isEmpty()) {
            return;
        }
        List<ClientImports.RejectedRow> rejected = imports.importBatch(
                batch.stream().map(row -> new ClientImports.ImportRow(row.number(), row.input())).toList(), target);
        tally.imported += batch.size() - rejected.size();
        rejected.forEach(r -> tally.fail(r.row(), List.of(new Problem.FieldError(r.field(), r.message()))));
        batch.clear();
    }

    private ClientCsv.Row validated(ClientCsv.Row row) {
        Set<ConstraintViolation<ClientInput>> violations = validator.validate(row.input());
        if (violations.isEmpty()) {
            return row;
        }
        List<Problem.FieldError> errors = new ArrayList<>(row.errors());
        Set<String> unreadable = new java.util.HashSet<>();
        row.errors().forEach(e -> unreadable.add(e.field()));
        violations.stream()
                .map(v -> new Problem.FieldError(ProblemMappers.fieldPath(v), v.getMessage()))
                .filter(e -> !unreadable.contains(e.field())) // a cell that could not be read is reported once
                .forEach(errors::add);
        return new ClientCsv.Row(row.number(), row.input(), errors);
    }

    private static InputStream withoutByteOrderMark(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
        buffered.mark(3);
        byte[] head = buffered.readNBytes(3);
        if (!(head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
            buffered.reset();
        }
        return buffered;
    }

    private static final class Tally {
        long rows;
        long imported;
        long failed;
        boolean truncated;
        final List<RowError> errors = new ArrayList<>();

        void fail(long row, List<Problem.FieldError> fieldErrors) {
            failed++;
            for (Problem.FieldError error : fieldErrors) {
                if (errors.size() < MAX_REPORTED_ERRORS) {
                    errors.add(new RowError(row, error.field(), error.message()));
                } else {
                    truncated = true;
                }
            }
        }
    }
}
