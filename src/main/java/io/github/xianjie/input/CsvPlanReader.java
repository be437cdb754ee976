package io.github.xianjie.input;

import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.input.TablePlanReader.Cell;
import io.github.xianjie.input.TablePlanReader.Row;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a county plan from a CSV project table (as county notices publish it) with Commons CSV
 * (RFC 4180: comma-separated, fields quoted with {@code "}); the table rules are those of
 * {@link TablePlanReader}. The encoding is decided strictly by {@link TextDecoding#utf8OrGb18030}:
 * UTF-8 with or without a BOM, else GB18030/GBK; malformed UTF-8 behind a BOM is an error, never mojibake.
 * Row numbers count every line of the file (blank lines too), so they are the rows a spreadsheet shows.
 */
public final class CsvPlanReader {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();

    private CsvPlanReader() {
    }

    /**
     * @param file  a {@code .csv} file in UTF-8 (BOM optional) or GB18030/GBK
     * @param facts plan-level facts (county, year and fund source are required)
     * @return the validated plan, amounts in 万元
     * @throws InputException naming file, row and column of the first problem
     */
    public static CountyPlan read(Path file, PlanFacts facts) {
        byte[] bytes = InputFiles.read(file, file.toString());
        String text = TextDecoding.utf8OrGb18030(bytes, file.toString());
        Limits.lines(text, file.toString());
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            for (CSVRecord rec : parser) {
                List<Cell> cells = new ArrayList<>(rec.size());
                for (String v : rec) {
                    cells.add(v == null || v.isEmpty() ? Cell.EMPTY : new Cell(v, false));
                }
                rows.add(new Row((int) rec.getRecordNumber(), cells));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new InputException(file + " 第" + (rows.size() + 1) + "行: CSV 格式错误（如引号未闭合）: " + e.getMessage()
                    + " (malformed CSV)");
        }
        return TablePlanReader.read(file, file + " ", rows, facts);
    }
}
