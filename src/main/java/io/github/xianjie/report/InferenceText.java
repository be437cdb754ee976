package io.github.xianjie.report;

import io.github.xianjie.domain.CodeLabels;
import io.github.xianjie.domain.ColumnNames;
import io.github.xianjie.domain.Inference;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an inferred value reads in a report (text report and workpaper alike): in Chinese by table column and in words
 * ({@code 项目类别 = 产业发展  ← 项目名称 含 辣椒（词表行 K046）}), in English by field path and code
 * ({@code category = INDUSTRY  ← name contains 辣椒 (catalogue row K046)}).
 */
public final class InferenceText {
    private InferenceText() {
    }

    /** Inferred fields that are not columns of the plan contract. */
    private static final Map<String, String> NOT_COLUMNS = Map.of("locationType", "地点类型");

    private static final Map<String, String> LOCATION_TYPES = Map.of("URBAN", "城市建成区");

    private static final Pattern BASIS = Pattern.compile("^([A-Za-z.]+)(.*)$");

    /**
     * @param i       the inference
     * @param english true for English
     * @return e.g. {@code 项目类别 = 产业发展  ← 项目名称 含 辣椒（词表行 K046）}
     */
    public static String describe(Inference i, boolean english) {
        String words = String.join(english ? ", " : "、", i.matched());
        if (english) {
            return i.field() + " = " + i.value() + "  ← " + i.basis() + " contains " + words + " (catalogue row " + i.catalogueRow() + ")";
        }
        String row = i.catalogueRow() != null && i.catalogueRow().matches("K\\d+") ? "（词表行 " + i.catalogueRow() + "）" : "";
        if ("category".equals(i.basis())) {       // derived from the category, not read in a text
            return column(i.field()) + " = " + value(i.field(), i.value()) + "  ← " + column("category") + " 为 "
                    + String.join("、", i.matched().stream().map(m -> String.valueOf(CodeLabels.zh("category", m))).toList());
        }
        return column(i.field()) + " = " + value(i.field(), i.value()) + "  ← " + basis(i.basis()) + " 含 " + words + row;
    }

    /** @return the table column of a field, e.g. 项目类别 for {@code category}, 实施主体类型 for {@code implementer.type} */
    static String column(String field) {
        String c = ColumnNames.of(field);
        return c != null ? c : NOT_COLUMNS.getOrDefault(field, field);
    }

    /** The basis as the classifier names it: a field, then optional detail ({@code name（已规范化：…）}, {@code sectionHeading「…」}). */
    private static String basis(String basis) {
        if (basis == null) {
            return "";
        }
        if (basis.startsWith("sectionHeading")) {
            return "分节标题" + basis.substring("sectionHeading".length());
        }
        Matcher m = BASIS.matcher(basis);
        return m.matches() ? column(m.group(1)) + m.group(2) : basis;
    }

    private static String value(String field, String value) {
        return switch (field) {
            case "infrastructure" -> "true".equals(value) ? "是（基础建设类）" : "否";
            case "implementer.type" -> String.valueOf(CodeLabels.zh("implementerType", value));
            case "locationType" -> LOCATION_TYPES.getOrDefault(value, value);
            default -> String.valueOf(CodeLabels.zh(field, value));
        };
    }
}
