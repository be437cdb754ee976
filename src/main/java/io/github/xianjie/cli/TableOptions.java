package io.github.xianjie.cli;

import io.github.xianjie.input.PlanFacts;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Plan-level facts for a CSV/XLSX project table (a JSON plan carries its own): options or a side file. */
public final class TableOptions {
    @Option(names = "--county", paramLabel = "NAME", description = "表格输入：县（市），如 乌苏市")
    String county;

    @Option(names = "--prefecture", paramLabel = "NAME", description = "表格输入：地州，如 塔城地区")
    String prefecture;

    @Option(names = "--year", paramLabel = "YEAR", description = "表格输入：计划年度，如 2024")
    Integer year;

    @Option(names = "--fund", paramLabel = "SOURCE", description = "表格输入：资金来源 CENTRAL/中央 或 REGIONAL/自治区")
    String fund;

    @Option(names = "--allocation", paramLabel = "万元", description = "表格输入：到县资金（万元，与表格单位无关），如 3460")
    String allocation;

    @Option(names = "--document-no", paramLabel = "NO", description = "表格输入：资金下达文号，如 乌财振〔2023〕9号")
    String documentNo;

    @Option(names = "--issued-on", paramLabel = "DATE", description = "表格输入：资金下达文件日期 YYYY-MM-DD（PM-13 的起算日）")
    String issuedOn;

    @Option(names = "--plan-meta", paramLabel = "FILE",
            description = "表格输入：计划信息 JSON（不含 projects 的计划 JSON）；上面的选项覆盖其中的值")
    Path planMeta;

    @Option(names = "--sheet", paramLabel = "NAME", description = "XLSX 输入：要读取的工作表（默认：唯一含「项目名称」表头的工作表）")
    String sheet;

    @Option(names = "--amount-column", paramLabel = "COLUMN",
            description = "表格输入：哪一列是本次检查的资金金额（表中有两列可能是时，如 资金规模 与 其中少数民族发展资金）")
    String amountColumn;

    /**
     * @return the facts given
     * @throws io.github.xianjie.input.InputException naming the option whose value is invalid
     */
    PlanFacts facts() {
        return PlanFacts.fromOptions(county, prefecture, year, fund, allocation, documentNo, planMeta, sheet, issuedOn).withAmountColumn(amountColumn);
    }
}
