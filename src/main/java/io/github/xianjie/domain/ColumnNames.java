package io.github.xianjie.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Chinese column name of every field of the plan contract (docs/plan-format.md), as a notice table
 * heads it: a Chinese report names missing data by its column (村类别, 实施主体类型, 合同金额), not by
 * its JSON path ({@code projects[1].villageType}). The table reader accepts each of these names as a header
 * ({@code ColumnNamesTest} keeps the two in step).
 */
public final class ColumnNames {
    private ColumnNames() {
    }

    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        // project fields, in contract order
        put("id", "项目编号");
        put("seq", "序号");
        put("name", "项目名称");
        put("location", "建设地点");
        put("content", "建设内容");
        put("town", "乡镇");
        put("village", "村");
        put("amount", "投资规模");
        put("investment", "总投资");
        put("responsibleUnit", "责任单位");
        put("villageType", "村类别");
        put("category", "项目类别");
        put("industryChain", "产业类型");
        put("infrastructure", "是否基础建设类");
        put("contractAmount", "合同金额");
        put("payableAmount", "应付金额");
        put("prepayment", "预付金额");
        put("prepaymentApprovedOn", "预付审核日期");
        put("implementer", "实施主体");
        put("implementer.name", "实施主体");
        put("implementer.type", "实施主体类型");
        put("benefitLinkage", "利益联结机制");
        put("performanceTargets", "绩效目标");
        put("libraryEntry", "入库日期、项目库编号");
        put("libraryEntry.enteredOn", "入库日期");
        put("libraryEntry.libraryId", "项目库编号");
        put("publicNotice", "公示日期");
        put("publicNotice.noticedOn", "公示日期");
        put("budgetSubject", "支出科目");
        put("otherFunding", "其他资金来源");
        put("expenseItems", "支出明细");
        put("dueDiligence", "尽职调查单位、尽职调查日期");
        put("dueDiligence.by", "尽职调查单位");
        put("dueDiligence.on", "尽职调查日期");
        put("justification", "说明/理由");
        put("transportScope", "交通补助范围");
        put("duplicatesHrPost", "是否与人社公益性岗位重复");
        put("localMatching", "是否用于地方配套");
        put("filedByIntermediary", "是否中介机构代理申报");
        put("countyPlanProject", "县级乡村振兴规划项目");
        put("task", "任务/资金类别");
        put("startOn", "开工日期");
        put("endOn", "完工日期");
        put("payee", "收款人");
        // plan fields (the --plan-meta side file or the options of a table)
        put("county", "县（市）");
        put("prefecture", "地州");
        put("year", "年度");
        put("fundSource", "资金来源");
        put("stage", "阶段");
        put("allocation", "到县资金");
        put("allocation.amount", "到县资金");
        put("allocation.documentNo", "资金下达文号");
        put("allocation.issuedOn", "资金下达文件日期");
        put("allocation.budgetSubject", "资金下达支出科目");
        put("managementFee", "项目管理费");
        put("managementFee.amount", "项目管理费");
        put("managementFee.uses", "项目管理费用途");
        put("allocation.tasks", "分配表任务列");
        put("previousIndustryShare", "上年产业发展资金占比");
    }

    private static void put(String path, String name) {
        NAMES.put(path, name);
    }

    private static final Pattern IN_PROJECTS = Pattern.compile("^projects\\[([^\\]]*)]\\.(.+)$");

    /**
     * @param path a contract field path, e.g. {@code villageType} or {@code allocation.amount}
     * @return its Chinese column name, or null when the contract has no such field
     */
    public static String of(String path) {
        return NAMES.get(path);
    }

    private static final Pattern ITEM = Pattern.compile("^([A-Za-z]+)\\[(\\d+)]\\.([A-Za-z]+)$");

    private static final Map<String, String> ITEM_FIELDS = Map.of("description", "说明", "economicClass", "经济分类",
            "content", "支持内容", "source", "来源", "amount", "金额");

    /**
     * @param path a field path as the classifier names the text it read: {@code name}, {@code location},
     *             {@code expenseItems[0].description}
     * @return its Chinese column name ({@code 项目名称}, {@code 建设地点}, {@code 支出明细第1项说明}), or the path
     *         itself when the contract has no such field
     */
    public static String column(String path) {
        String n = NAMES.get(path);
        if (n != null) {
            return n;
        }
        Matcher m = path == null ? null : ITEM.matcher(path);
        if (m != null && m.matches() && NAMES.containsKey(m.group(1))) {
            return NAMES.get(m.group(1)) + "第" + (Integer.parseInt(m.group(2)) + 1) + "项"
                    + ITEM_FIELDS.getOrDefault(m.group(3), m.group(3));
        }
        return path;
    }

    /** @return every contract path with its Chinese column name, in contract order */
    public static Map<String, String> all() {
        return java.util.Collections.unmodifiableMap(NAMES);
    }

    /**
     * Names missing fields for a reader: in Chinese by column ({@code 村类别（项目 C-1、C-2）}), in English
     * by path as given.
     *
     * @param paths   field paths as rules report them, e.g. {@code projects[C-1,C-2].villageType}, {@code prepayment}
     * @param english true for English (paths unchanged)
     * @return the names joined by 、 (Chinese) or ", " (English)
     */
    public static String describe(List<String> paths, boolean english) {
        if (english) {
            return String.join(", ", paths);
        }
        List<String> out = new ArrayList<>();
        for (String p : paths) {
            Matcher m = IN_PROJECTS.matcher(p);
            if (m.matches()) {
                String n = column(m.group(2));
                out.add(m.group(1).isEmpty() ? n + "（各项目）" : n + "（项目 " + m.group(1).replace(",", "、") + "）");
            } else {
                out.add(column(p));
            }
        }
        return String.join("、", out);
    }
}
