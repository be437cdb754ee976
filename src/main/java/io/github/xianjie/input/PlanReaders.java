package io.github.xianjie.input;

import io.github.xianjie.domain.CountyPlan;
import java.nio.file.Path;
import java.util.Locale;

/** Chooses the reader by file extension: {@code .json}, {@code .csv}, {@code .xlsx}/{@code .xlsm}. */
public final class PlanReaders {
    private PlanReaders() {
    }

    /**
     * @param file a plan file: {@code .json}, or a {@code .csv}/{@code .xlsx} table (which then fails for lack of
     *             county, year and fund source — use {@link #read(Path, PlanFacts)})
     * @return the validated plan
     * @throws InputException for an unsupported extension or invalid content
     */
    public static CountyPlan read(Path file) {
        return read(file, PlanFacts.NONE);
    }

    /**
     * @param file  a plan file: {@code .json} (a whole plan), {@code .csv} or {@code .xlsx} (a project table)
     * @param facts plan-level facts for a table; must be {@link PlanFacts#NONE} for JSON, which carries its own
     * @return the validated plan, amounts in 万元
     * @throws InputException for an unsupported extension, facts given with a JSON plan, or invalid content
     */
    public static CountyPlan read(Path file, PlanFacts facts) {
        if (java.nio.file.Files.isDirectory(file)) {
            // only here, where one plan file is read: a command that takes a folder of plans handles it before
            throw new InputException(file + ": 是文件夹，此处需要一个计划文件（.json、.csv 或 .xlsx）；一个文件夹的多份计划用 check --batch 检查 (a folder, not a plan file; use --batch for a folder of plans)");
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            if (!facts.isEmpty()) {
                throw new InputException(file + ": --county、--prefecture、--year、--fund、--allocation、--document-no、"
                        + "--plan-meta、--sheet 只用于 CSV/XLSX 表格；JSON 计划自带这些信息 (table options do not apply to a JSON plan)");
            }
            return PlanJsonReader.read(file);
        }
        if (name.endsWith(".csv")) {
            if (facts.sheet() != null) {
                throw new InputException(file + ": --sheet 只用于 XLSX 工作簿 (--sheet applies to .xlsx only)");
            }
            return CsvPlanReader.read(file, facts);
        }
        if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
            return XlsxPlanReader.read(file, facts);
        }
        if (name.endsWith(".xls")) {
            throw new InputException(file + ": 不支持旧版 .xls，请在 Excel/WPS 中另存为 .xlsx (legacy .xls is not supported; save as .xlsx)");
        }
        throw new InputException(file + ": 不支持的文件类型，应为 .json、.csv 或 .xlsx (unsupported file type)");
    }
}
