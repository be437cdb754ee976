package io.github.xianjie.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.github.xianjie.domain.CountyPlan;
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
            throw new InputException(where(file, e) + brief(e));
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new InputException(file + (l == null ? "" : " 第" + l.getLineNr() + "行第" + l.getColumnNr() + "列")
                    + ": JSON 格式错误: " + e.getOriginalMessage());
        }
        if (plan == null) {
            throw new InputException(file + ": 文件为空 (empty JSON)");
        }
        Limits.projects(plan.projects == null ? 0 : plan.projects.size(), file);
        PlanValidator.validate(plan, file);
        return plan;
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
