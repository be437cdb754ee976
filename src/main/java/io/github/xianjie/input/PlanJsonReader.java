package io.github.xianjie.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.github.xianjie.domain.CountyPlan;
import io.github.xianjie.domain.ManagementFee;
import io.github.xianjie.domain.Project;
import io.github.xianjie.engine.Money;
import java.math.BigDecimal;
import java.util.List;
import java.nio.file.Path;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads a county plan from JSON (the canonical input of plan-format.md) with exact decimals.
 * An unknown field is an error naming it, so a typo such as {@code prepaymnet} never silently
 * switches a rule off.
 */
public final class PlanJsonReader {
    // A project named …项目管理费 is the management fee (see feeProjects), as a table row of that name is.
    private static final ObjectMapper MAPPER = Json.mapper();

    private PlanJsonReader() {
    }

    /**
     * @param file a JSON file in UTF-8
     * @return the validated plan
     * @throws InputException naming the file, line, column and field path of the first problem
     */
    public static CountyPlan read(Path file) {
        return read(InputFiles.read(file, file.toString()), file.toString());
    }

    /**
     * @param bytes a plan as UTF-8 JSON, e.g. one line of a JSON Lines batch
     * @param file  where it came from, for messages (e.g. {@code plans.jsonl 第3行})
     * @return the validated plan
     * @throws InputException naming the place, line, column and field path of the first problem
     */
    public static CountyPlan read(byte[] bytes, String file) {
        CountyPlan plan;
        try {
            plan = MAPPER.readValue(TextDecoding.utf8Strict(bytes, file), CountyPlan.class);
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            JsonLocation l = e.getLocation();
            throw new InputException(file + (l == null ? "" : " 第" + l.getLineNr() + "行第" + l.getColumnNr() + "列")
                    + ": 超出输入限制：文字不超过 " + Limits.MAX_CELL_CHARS + " 字、数字不超过 " + (Limits.MAX_AMOUNT_DIGITS + 20)
                    + " 个字符 (input limit exceeded)");
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(Objects::toString).collect(Collectors.toCollection(TreeSet::new)).toString();
            throw new InputException(where(file, e) + "未知字段「" + e.getPropertyName() + "」(unknown field)；可用字段：" + known);
        } catch (InvalidFormatException e) {
            throw new InputException(where(file, e) + "值 '" + e.getValue() + "' 无效，应为" + expected(e.getTargetType()) + " (" + brief(e) + ")");
        } catch (MismatchedInputException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("No content to map")) {
                throw new InputException(file + ": 文件为空 (empty JSON)");
            }
            throw new InputException(where(file, e) + "类型不符，应为" + expected(e.getTargetType()) + " (wrong type)");
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
                throw new InputException(where(file, e) + "超出输入限制：文字不超过 " + Limits.MAX_CELL_CHARS + " 字 (input limit exceeded)");
            }
            String m = brief(e);
            throw new InputException(where(file, e) + (m.startsWith("Unexpected") || m.startsWith("Unrecognized")
                    || m.startsWith("Illegal") ? "JSON 格式错误：" + syntax(m) : m));
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new InputException(file + (l == null ? "" : " 第" + l.getLineNr() + "行第" + l.getColumnNr() + "列")
                    + ": JSON 格式错误：" + syntax(e.getOriginalMessage()));
        }
        if (plan == null) {
            throw new InputException(file + ": 文件为空 (empty JSON)");
        }
        Limits.projects(plan.projects == null ? 0 : plan.projects.size(), file);
        feeProjects(plan, file);
        PlanValidator.validate(plan, file);
        return plan;
    }

    /**
     * A JSON syntax error in Chinese, with Jackson's first words in English after it.
     *
     * @param jackson Jackson's original message
     * @return e.g. {@code 文件在此处意外结束（括号或引号未闭合，文件可能被截断）(unexpected end of input)}
     */
    static String syntax(String jackson) {
        String m = jackson == null ? "" : jackson;
        if (m.startsWith("Unexpected end-of-input")) {
            return "文件在此处意外结束（括号或引号未闭合，文件可能被截断）(unexpected end of input)";
        }
        if (m.startsWith("Unexpected character")) {
            java.util.regex.Matcher c = java.util.regex.Pattern.compile("\\('(.+?)' \\(code").matcher(m);
            return "此处不应出现字符" + (c.find() ? "「" + c.group(1) + "」" : "") + "（可能缺少逗号、冒号或引号，或多了一个逗号）(unexpected character)";
        }
        if (m.startsWith("Unrecognized token")) {
            java.util.regex.Matcher t = java.util.regex.Pattern.compile("token '(.+?)'").matcher(m);
            return "无法识别" + (t.find() ? "「" + t.group(1) + "」" : "此处的内容") + "（文字须加英文双引号，true/false/null 须小写）(unrecognized token)";
        }
        if (m.startsWith("Illegal unquoted character")) {
            return "字符串中有未转义的控制字符（如换行），请写作 \\n (unescaped control character)";
        }
        if (m.contains("Duplicate field")) {
            java.util.regex.Matcher d = java.util.regex.Pattern.compile("Duplicate field '(.+?)'").matcher(m);
            return "字段" + (d.find() ? "「" + d.group(1) + "」" : "") + "重复 (duplicate field)";
        }
        int nl = m.indexOf('\n');
        return "语法错误 (" + (nl < 0 ? m : m.substring(0, nl)) + ")";
    }

    /**
     * A project whose name contains 项目管理费 is the plan's management fee, in JSON as in a table
     * (新财规〔2021〕11号 第九条 caps the fee as a share of the county's funds, AF-01): its amount is added to
     * {@code managementFee} and it leaves the project list, so the same content gives the same AF-01 result
     * as JSON, CSV or XLSX. When {@code managementFee.amount} is also given the two must agree.
     *
     * @param plan the parsed plan, changed in place
     * @param file for messages
     * @throws InputException when a fee project has no amount or disagrees with managementFee.amount
     */
    static void feeProjects(CountyPlan plan, String file) {
        if (plan.projects == null) {
            return;
        }
        List<Project> fees = plan.projects.stream()
                .filter(p -> p != null && p.name != null && p.name.contains(TablePlanReader.FEE_WORD)).toList();
        if (fees.isEmpty()) {
            return;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Project p : fees) {
            if (p.amount == null) {
                throw new InputException(file + " 字段 projects[" + plan.projects.indexOf(p) + "].amount: 「" + p.name
                        + "」是项目管理费，缺少金额 (management-fee project without amount)");
            }
            sum = sum.add(p.amount);
        }
        sum = Money.plain(sum);
        ManagementFee given = plan.managementFee;
        if (given != null && given.amount() != null && given.amount().compareTo(sum) != 0) {
            throw new InputException(file + " 字段 managementFee.amount: " + Money.plain(given.amount()).toPlainString()
                    + " 万元与名为「…" + TablePlanReader.FEE_WORD + "」的项目合计 " + sum.toPlainString()
                    + " 万元不一致；项目管理费只写一处 (management fee given twice, differently)");
        }
        plan.managementFee = new ManagementFee(sum, given == null ? List.of() : given.uses());
        plan.projects = new java.util.ArrayList<>(plan.projects);
        plan.projects.removeAll(fees);
        System.err.println(file + ": " + fees.stream().map(p -> "「" + p.name + "」").collect(Collectors.joining("、"))
                + " 是项目管理费，计入 managementFee " + sum.toPlainString() + " 万元，不作为项目 (read as the management fee, as in a table)");
    }

    private static String where(String file, JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        JsonLocation l = e.getLocation();
        String pos = l == null ? "" : " 第" + l.getLineNr() + "行第" + l.getColumnNr() + "列";
        return file + pos + (path.length() == 0 ? "" : " 字段 " + path) + ": ";
    }

    /** The expected kind of value, in Chinese, for a target type. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "其他类型";
        }
        if (type == java.math.BigDecimal.class) {
            return "金额（数字或数字字符串，万元）";
        }
        if (type == java.time.LocalDate.class) {
            return "日期字符串 YYYY-MM-DD";
        }
        if (type == Integer.class || type == int.class) {
            return "整数";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true 或 false";
        }
        if (type == String.class) {
            return "文字";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "列表 [ … ]";
        }
        if (type.isEnum()) {
            return "以下之一：" + java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> c instanceof io.github.xianjie.domain.Coded k ? k.name() + "(" + k.label() + ")" : c.toString())
                    .collect(java.util.stream.Collectors.joining(", "));
        }
        return "对象 { … }";
    }

    private static String brief(JsonMappingException e) {
        String m = e.getOriginalMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
