package io.github.xianjie.engine;

import java.util.List;
import java.util.Map;

/**
 * One finding: the outcome of one catalogue rule for one subject, with its citation and evidence.
 *
 * @param ruleId    catalogue ID, e.g. {@code AF-01}
 * @param ruleName  the DRL rule that produced it
 * @param subject   project id / 序号, or {@code plan}
 * @param outcome   PASS, FAIL, UNDETERMINED or NOT_APPLICABLE
 * @param severity  ERROR or WARNING as the source words it; INFO for a justified WARNING
 * @param source    the article cited, e.g. {@code 新财规〔2021〕11号 第九条}
 * @param title     Chinese title of the rule
 * @param titleEn   English title
 * @param template   the rule's Chinese message template ({@code @msg}, else its title); {@code {key}}
 *                   placeholders are filled from the evidence when {@link #message()} is called
 * @param templateEn the English template ({@code @msgEn}, else {@code @titleEn})
 * @param evidence  named values (amounts in 万元, ratios as 4-decimal fractions) that decided it; insertion-ordered
 * @param missing   input fields whose absence made it UNDETERMINED
 */
public record Result(String ruleId, String ruleName, String subject, Outcome outcome, String severity,
                     String source, String title, String titleEn, String template, String templateEn,
                     Map<String, Object> evidence, List<String> missing) {

    /**
     * The Chinese message, formatted now from the template and the evidence (results keep no formatted
     * text, so a large plan's results hold no per-result strings until they are written).
     *
     * @return e.g. {@code 项目管理费 101 万元，超过 …}; with the justification and missing fields appended
     */
    public String message() {
        // codes in Chinese words (REGIONAL → 自治区衔接资金); the evidence keeps the codes
        String msg = Findings.fill(template, evidence, "、", "无", io.github.xianjie.domain.CodeLabels::zh);
        if (evidence.containsKey("justification")) {
            msg += "（已说明理由：「" + evidence.get("justification") + "」）";
        }
        if (evidence.get("batches") instanceof List<?> b) {
            msg += "（合并全年 " + b.size() + " 个批次：" + String.join("；", b.stream().map(String::valueOf).toList()) + "）";
        }
        if (evidence.containsKey("notLoaded") && !template.contains("{notLoaded}")) {
            msg += "（" + evidence.get("notLoaded") + "，适用办法原值）";
        }
        if (!missing.isEmpty()) {
            msg += "；缺少：" + io.github.xianjie.domain.ColumnNames.describe(missing, false);   // by table column
        }
        return msg;
    }

    /** @return the English message, formatted now (see {@link #message()}) */
    public String messageEn() {
        String msg = Findings.fill(templateEn, evidence, ", ", "none");
        if (evidence.containsKey("justification")) {
            msg += " (justified: \"" + evidence.get("justification") + "\")";
        }
        if (evidence.get("batches") instanceof List<?> b) {
            msg += " (the year merged from " + b.size() + " batches: " + String.join("; ", b.stream().map(String::valueOf).toList()) + ")";
        }
        if (evidence.containsKey("notLoaded") && !templateEn.contains("{notLoaded}")) {
            msg += " (notice not loaded: " + evidence.get("notLoaded") + "; the Measures' value applies)";
        }
        if (!missing.isEmpty()) {
            msg += "; missing: " + String.join(", ", missing);
        }
        return msg;
    }

    /** @return true when this is a failed rule of ERROR severity (drives exit code 1). */
    public boolean isError() {
        return outcome == Outcome.FAIL && "ERROR".equals(severity);
    }

    /** @param english true for English @return the message in that language */
    public String message(boolean english) {
        return english ? messageEn() : message();
    }

    /** @param english true for English @return the title in that language */
    public String title(boolean english) {
        return english ? titleEn : title;
    }
}
