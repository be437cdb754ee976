package io.github.xianjie.params;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.xianjie.domain.FundSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * All parameters of a ruleset: every {@code *.yaml} under {@code parameters/}, named by path
 * ({@code parameters/management-fee/cap.yaml} → {@code management-fee.cap}). A profile folder
 * laid out the same way replaces whole parameter files of the same name.
 */
public final class ParameterSet {
    private static final List<String> UNITS = List.of("fraction", "万元", "years", "days", "flag", "code");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));
    private final Map<String, ParameterDefinition> definitions;

    private ParameterSet(Map<String, ParameterDefinition> definitions) {
        this.definitions = definitions;
    }

    /**
     * Reads every parameter file under {@code root/parameters}.
     *
     * @param root the ruleset (or profile) folder
     * @return the parameters, sorted by name
     * @throws ParameterException naming the file and key of a malformed value
     */
    public static ParameterSet load(Path root) {
        Path dir = root.resolve("parameters");
        Map<String, ParameterDefinition> defs = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return new ParameterSet(defs);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                String rel = dir.relativize(f).toString().replace('\\', '/');
                String name = rel.substring(0, rel.length() - ".yaml".length()).replace('/', '.');
                defs.put(name, parse(name, f.toString(), Files.readString(f, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new ParameterException(dir + ": " + e.getMessage());
        }
        return new ParameterSet(defs);
    }

    /**
     * Layers a profile on top: its files replace same-named ones; new names are added.
     *
     * @param profile the overriding parameters
     * @return a new set
     */
    public ParameterSet overlay(ParameterSet profile) {
        Map<String, ParameterDefinition> merged = new TreeMap<>(definitions);
        merged.putAll(profile.definitions);
        return new ParameterSet(merged);
    }

    /**
     * Reads a jurisdiction profile and checks it against the base: it must have a {@code parameters/}
     * folder of {@code .yaml} files, each replacing a parameter the base has (a misnamed file would
     * otherwise be ignored silently).
     *
     * @param dir  the profile folder
     * @param base the base parameters
     * @return the profile's parameters
     * @throws ParameterException naming the file that does not fit
     */
    public static ParameterSet loadProfile(Path dir, ParameterSet base) {
        Path params = dir.resolve("parameters");
        if (!Files.isDirectory(params)) {
            throw new ParameterException(dir + ": 地方配置目录中没有 parameters/ 子目录 (profile has no parameters/ folder)");
        }
        try (Stream<Path> files = Files.walk(params)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                if (!f.toString().endsWith(".yaml")) {
                    throw new ParameterException(f + ": 参数文件应以 .yaml 结尾 (parameter files end in .yaml)");
                }
            }
        } catch (IOException e) {
            throw new ParameterException(params + ": " + e.getMessage());
        }
        ParameterSet loaded = load(dir);
        if (loaded.definitions.isEmpty()) {
            throw new ParameterException(params + ": 没有参数文件 (no parameter files)");
        }
        ParameterSet profile = loaded.citingProfile(dir.getFileName() == null ? dir.toString() : dir.getFileName().toString());
        for (ParameterDefinition d : profile.definitions.values()) {
            if (base.get(d.name()) == null) {
                throw new ParameterException(d.file() + ": 基础规则集中没有参数「" + d.name() + "」，可覆盖的参数："
                        + String.join(", ", base.definitions.keySet()) + " (unknown parameter)");
            }
            if (!d.unit().equals(base.get(d.name()).unit())) {
                throw new ParameterException(d.file() + ": unit '" + d.unit() + "' 与基础参数的 '" + base.get(d.name()).unit() + "' 不同");
            }
        }
        return profile;
    }

    /** What a profile's parameter reference starts with (a finding under the profile cites it: #8 item 11). */
    public static final String PROFILE_PREFIX = "地方配置 ";

    /**
     * The same definitions, each reference (the parameter's and every dated value's) prefixed with
     * {@code 地方配置 <name>：}, so that a finding whose parameter a profile replaced cites the profile.
     */
    private ParameterSet citingProfile(String name) {
        String prefix = PROFILE_PREFIX + name + "：";
        java.util.Map<String, ParameterDefinition> out = new java.util.TreeMap<>();
        for (ParameterDefinition d : definitions.values()) {
            java.util.Map<FundSource, java.util.NavigableMap<java.time.LocalDate, ParameterDefinition.DatedValue>> byFund = new java.util.HashMap<>();
            d.byFund().forEach((fund, values) -> {
                java.util.NavigableMap<java.time.LocalDate, ParameterDefinition.DatedValue> copy = new java.util.TreeMap<>();
                values.forEach((date, v) -> copy.put(date, new ParameterDefinition.DatedValue(v.value(), v.severity(),
                        v.reference() == null ? null : prefix + v.reference(), v.until())));
                byFund.put(fund, copy);
            });
            String joined = prefix + String.join("；", d.reference());
            out.put(d.name(), new ParameterDefinition(d.name(), d.description(), d.descriptionEn(), d.unit(),
                    java.util.List.of(joined), d.file(), byFund));
        }
        return new ParameterSet(out);
    }

    /** @return every definition, sorted by name. */
    public Collection<ParameterDefinition> definitions() {
        return definitions.values();
    }

    /** @return the definition with this name, or null. */
    public ParameterDefinition get(String name) {
        return definitions.get(name);
    }

    /**
     * The parameters in force for a plan.
     *
     * @param asOf reference date
     * @param fund fund source
     * @return one fact per parameter in force, sorted by name
     */
    public List<Parameter> resolve(LocalDate asOf, FundSource fund) {
        List<Parameter> out = new ArrayList<>();
        for (ParameterDefinition d : definitions.values()) {
            d.resolve(asOf, fund).ifPresent(out::add);
        }
        return out;
    }

    /**
     * The parameters whose notice-sourced value ended before {@code asOf} and for which no later notice is loaded.
     *
     * @param asOf reference date
     * @param fund fund source
     * @return one fact per such parameter, sorted by name (rules cite the note when no value is in force)
     */
    public List<NotLoadedNotice> notLoaded(LocalDate asOf, FundSource fund) {
        List<NotLoadedNotice> out = new ArrayList<>();
        for (ParameterDefinition d : definitions.values()) {
            d.lapsed(asOf, fund).ifPresent(n -> out.add(new NotLoadedNotice(d.name(), asOf.getYear(), n)));
        }
        return out;
    }

    static ParameterDefinition parse(String name, String file, String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new ParameterException(file + ": 不是有效的 YAML: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ParameterException(file + ": 应为一个映射 (description, unit, reference, values)");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!List.of("description", "description_en", "unit", "reference", "values", "note").contains(k)) {
                throw new ParameterException(file + ": 未知键 '" + k + "'");
            }
        }
        String unit = text(root, "unit", file, true);
        if (!UNITS.contains(unit)) {
            throw new ParameterException(file + ": unit '" + unit + "' 无效，可用：" + String.join(", ", UNITS));
        }
        List<String> refs = new ArrayList<>();
        JsonNode r = root.get("reference");
        if (r == null) {
            throw new ParameterException(file + ": 缺少 reference（出处）");
        }
        if (r.isArray()) {
            r.forEach(n -> refs.add(n.asText()));
        } else {
            refs.add(r.asText());
        }
        JsonNode values = root.get("values");
        if (values == null || !values.isObject() || values.isEmpty()) {
            throw new ParameterException(file + ": 缺少 values（按生效日期的取值）");
        }
        Map<FundSource, NavigableMap<LocalDate, ParameterDefinition.DatedValue>> byFund = new HashMap<>();
        String first = values.fieldNames().next();
        if (isFund(first)) {
            for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!isFund(e.getKey())) {
                    throw new ParameterException(file + ": values 下混用了资金来源和日期: '" + e.getKey() + "'");
                }
                byFund.put(FundSource.valueOf(e.getKey()), dated(e.getValue(), file + " values." + e.getKey()));
            }
        } else {
            byFund.put(null, dated(values, file + " values"));
        }
        for (Map.Entry<FundSource, NavigableMap<LocalDate, ParameterDefinition.DatedValue>> f : byFund.entrySet()) {
            for (Map.Entry<LocalDate, ParameterDefinition.DatedValue> d : f.getValue().entrySet()) {
                BigDecimal v = d.getValue().value();
                String implausible = v == null ? null : io.github.xianjie.input.Limits.parameter(unit, v);
                if (implausible != null) {
                    throw new ParameterException(file + " values." + (f.getKey() == null ? "" : f.getKey() + ".") + d.getKey()
                            + ".value: 单位 " + unit + " 的值不合理：" + implausible);
                }
                boolean ok = v == null || switch (unit) {
                    case "fraction" -> v.signum() >= 0 && v.compareTo(BigDecimal.ONE) <= 0;
                    case "flag" -> v.compareTo(BigDecimal.ZERO) == 0 || v.compareTo(BigDecimal.ONE) == 0;
                    default -> v.signum() >= 0;
                };
                if (!ok) {
                    throw new ParameterException(file + " values." + (f.getKey() == null ? "" : f.getKey() + ".") + d.getKey()
                            + ": 值 " + v.toPlainString() + " 超出单位 " + unit + " 的范围"
                            + (unit.equals("fraction") ? "（比例应在 0 到 1 之间，如 0.01 表示 1%）" : unit.equals("flag") ? "（应为 0 或 1）" : "（不能为负）"));
                }
            }
        }
        return new ParameterDefinition(name, text(root, "description", file, true),
                text(root, "description_en", file, false), unit, List.copyOf(refs), file, byFund);
    }

    private static boolean isFund(String key) {
        return key.equals("CENTRAL") || key.equals("REGIONAL");
    }

    private static NavigableMap<LocalDate, ParameterDefinition.DatedValue> dated(JsonNode node, String where) {
        NavigableMap<LocalDate, ParameterDefinition.DatedValue> out = new TreeMap<>();
        if (!node.isObject()) {
            throw new ParameterException(where + ": 应为 日期: {value: …} 的映射");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            LocalDate date;
            try {
                date = LocalDate.parse(e.getKey());
            } catch (DateTimeParseException ex) {
                throw new ParameterException(where + ": '" + e.getKey() + "' 不是 YYYY-MM-DD 日期");
            }
            JsonNode v = e.getValue();
            BigDecimal value = null;
            String severity = null;
            String ref = null;
            LocalDate until = null;
            if (v != null && !v.isNull()) {
                if (!v.isObject()) {
                    throw new ParameterException(where + "." + e.getKey() + ": 应为 {value: …, severity: …, reference: …}");
                }
                for (Iterator<String> keys = v.fieldNames(); keys.hasNext(); ) {
                    String k = keys.next();
                    if (!List.of("value", "severity", "reference", "until").contains(k)) {
                        throw new ParameterException(where + "." + e.getKey() + ": 未知键 '" + k + "'（可用：value, severity, reference, until）");
                    }
                }
                if (!v.has("value")) {
                    throw new ParameterException(where + "." + e.getKey() + ": 缺少 value（要废止请写 value: null）");
                }
                JsonNode val = v.get("value");
                if (val != null && !val.isNull()) {
                    try {
                        value = new BigDecimal(val.asText());
                    } catch (NumberFormatException ex) {
                        throw new ParameterException(where + "." + e.getKey() + ".value: '" + val.asText() + "' 不是数值");
                    }
                }
                if (v.hasNonNull("severity")) {
                    severity = v.get("severity").asText();
                    if (!severity.equals("ERROR") && !severity.equals("WARNING")) {
                        throw new ParameterException(where + "." + e.getKey() + ".severity: 应为 ERROR 或 WARNING");
                    }
                }
                ref = v.hasNonNull("reference") ? v.get("reference").asText() : null;
                if (v.hasNonNull("until")) {
                    try {
                        until = LocalDate.parse(v.get("until").asText());
                    } catch (DateTimeParseException ex) {
                        throw new ParameterException(where + "." + e.getKey() + ".until: '" + v.get("until").asText() + "' 不是 YYYY-MM-DD 日期");
                    }
                    if (until.isBefore(date)) {
                        throw new ParameterException(where + "." + e.getKey() + ".until: " + until + " 早于生效日期 " + date);
                    }
                }
            }
            out.put(date, new ParameterDefinition.DatedValue(value, severity, ref, until));
        }
        return out;
    }

    private static String text(JsonNode root, String key, String file, boolean required) {
        JsonNode n = root.get(key);
        if (n == null || n.isNull()) {
            if (required) {
                throw new ParameterException(file + ": 缺少 " + key);
            }
            return null;
        }
        return n.asText();
    }

    /** @return a name → definition view, for listing. */
    public Map<String, ParameterDefinition> asMap() {
        return new LinkedHashMap<>(definitions);
    }

    /** @return an empty set. */
    public static ParameterSet empty() {
        return new ParameterSet(new TreeMap<>());
    }
}
