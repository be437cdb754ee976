package io.github.xianjie.classify;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the CSV data files of a ruleset (keyword catalogue, word lists): UTF-8, a header row with the
 * required columns, cells trimmed. Problems name the file and become the caller's exception type.
 */
public final class RuleCsv {
    private RuleCsv() {
    }

    /**
     * @param reader   the file's text
     * @param file     the file, for messages
     * @param required column names the header must have
     * @param error    makes the caller's exception from a Chinese message
     * @return the records after the header, in file order
     * @throws RuntimeException made by {@code error} for a missing column or malformed CSV
     */
    public static List<CSVRecord> records(Reader reader, String file, List<String> required,
                                          Function<String, RuntimeException> error) {
        CSVFormat fmt = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (CSVParser p = fmt.parse(reader)) {
            for (String h : required) {
                if (!p.getHeaderMap().containsKey(h)) {
                    throw error.apply(file + ": 表头缺少列「" + h + "」(missing column " + h + ")");
                }
            }
            List<CSVRecord> records = p.getRecords();
            for (CSVRecord r : records) {
                if (!r.isConsistent()) {
                    throw error.apply(file + " 第" + (r.getRecordNumber() + 1) + "行: 列数与表头不符 (wrong number of cells)");
                }
            }
            return records;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw error.apply(file + ": CSV 格式错误 (malformed CSV): " + e.getMessage());
        }
    }
}
