package io.github.xianjie.audit.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded generator of realistic payment ledgers with their plan, for tests and benchmarks: each project is paid
 * a prepayment of 20% after its approval and progress payments of about 75% of its amount to its own payee,
 * dated within its start and end. Projects P00000…P00011 carry one planted fault each (the first eleven) or a
 * clean recovery (P00011), at known vouchers ({@link Planted}).
 */
public final class LedgerGenerator {
    /** Projects carrying planted faults or the clean recovery. */
    public static final int PLANTED_PROJECTS = 12;

    private LedgerGenerator() {
    }

    /**
     * A planted fault.
     *
     * @param ruleId    the rule it must fail
     * @param projectId the project
     * @param vouchers  the vouchers a finding must name (empty when the finding is about sums)
     */
    public record Planted(String ruleId, String projectId, List<String> vouchers) {
    }

    /**
     * Writes {@code plans/plan.json} and {@code ledger.csv} under {@code dir}.
     *
     * @param dir             output folder (created)
     * @param seed            random seed
     * @param projects        number of projects (at least {@link #PLANTED_PROJECTS})
     * @param rowsPerProject  payments per project (at least 10)
     * @return the planted faults
     * @throws IOException when the files cannot be written
     */
    public static List<Planted> write(Path dir, long seed, int projects, int rowsPerProject) throws IOException {
        if (projects < PLANTED_PROJECTS || rowsPerProject < 10) {
            throw new IllegalArgumentException("projects >= " + PLANTED_PROJECTS + ", rowsPerProject >= 10");
        }
        Random rnd = new Random(seed);
        Files.createDirectories(dir.resolve("plans"));
        List<Planted> planted = new ArrayList<>();
        List<Map<String, Object>> plist = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        long[] voucher = {0};
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("ledger.csv"), StandardCharsets.UTF_8)) {
            w.write("测试县2024年衔接资金拨付明细（生成数据）\n单位：万元\n凭证号,项目编号,支付日期,支付金额,支付类型,收款人,收款账户类型,摘要\n");
            StringBuilder sb = new StringBuilder(256);
            for (int k = 0; k < projects; k++) {
                String id = String.format("P%05d", k);
                boolean plantedProject = k < PLANTED_PROJECTS;
                BigDecimal a = plantedProject ? new BigDecimal("1500.00")
                        : BigDecimal.valueOf(10000 + rnd.nextInt(190000), 2);
                boolean infra = plantedProject ? k == 1 : k % 2 == 0;
                LocalDate start = LocalDate.of(2024, 1, 1).plusDays(rnd.nextInt(60));
                LocalDate end = LocalDate.of(2024, 12, 31);
                LocalDate approved = k == 2 ? start.plusDays(10) : start;
                String payee = "塔城市第" + k + "建设工程有限公司";
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("id", id);
                p.put("name", "第" + k + "村道路硬化项目");
                p.put("amount", a.toPlainString());
                p.put("infrastructure", infra);
                p.put("contractAmount", a.toPlainString());
                p.put("payableAmount", a.toPlainString());
                p.put("prepaymentApprovedOn", approved.toString());
                p.put("startOn", start.toString());
                p.put("endOn", end.toString());
                p.put("payee", payee);
                plist.add(p);
                total = total.add(a);
                BigDecimal preShare = new BigDecimal(k == 0 ? "0.60" : k == 1 ? "0.35" : "0.20");
                BigDecimal progShare = new BigDecimal(k == 0 ? "0.35" : k == 1 ? "0.60" : k == 3 ? "0.95" : k == 5 ? "0.20" : plantedProject ? "0.70" : "0.75");
                LocalDate preOn = k == 2 ? start.plusDays(5) : approved.plusDays(1);
                String pre = row(w, sb, voucher, id, preOn, a.multiply(preShare).setScale(2, RoundingMode.HALF_UP),
                        "预付", payee, "企业");
                if (k == 0) planted.add(new Planted("PP-01", id, List.of()));
                if (k == 1) planted.add(new Planted("PP-02", id, List.of()));
                if (k == 2) planted.add(new Planted("PP-03", id, List.of(pre)));
                if (k == 3) planted.add(new Planted("PP-04", id, List.of()));
                if (k == 5) planted.add(new Planted("LG-02", id, List.of()));
                int n = rowsPerProject - 1;
                BigDecimal base = a.multiply(progShare).divide(BigDecimal.valueOf(n), 2, RoundingMode.DOWN);
                if (base.compareTo(new BigDecimal("44")) >= 0 && base.compareTo(new BigDecimal("51")) < 0) {
                    base = new BigDecimal("40.00");
                }
                long span = end.toEpochDay() - preOn.toEpochDay() - 5;
                LocalDate last = null;
                for (int i = 0; i < n; i++) {
                    LocalDate on = preOn.plusDays(1 + (span * i) / n);
                    BigDecimal amt = base.add(BigDecimal.valueOf((i % 7) - 3, 2));
                    String account = k == 4 && i == 3 ? "代管或过渡户" : "企业";
                    String to = k == 10 && i == 4 ? "乌苏市某商贸有限公司" : payee;
                    if (k == 9 && i == 2) {
                        on = start.minusDays(3);
                    }
                    if (k == 6 && i == n / 2) {
                        String rec = row(w, sb, voucher, id, on, new BigDecimal("1.00"), "收回", payee, "企业");
                        planted.add(new Planted("LG-03", id, List.of(rec)));
                        on = on.plusDays(1);
                    }
                    String v = row(w, sb, voucher, id, on, amt, "进度款", to, account);
                    if (k == 4 && i == 3) planted.add(new Planted("LG-01", id, List.of(v)));
                    if (k == 10 && i == 4) planted.add(new Planted("LG-14", id, List.of(v)));
                    if (k == 9 && i == 2) planted.add(new Planted("LG-13", id, List.of(v)));
                    if (k == 7 && i == 5) {
                        String dup = row(w, sb, voucher, id, on, amt, "进度款", to, account);
                        planted.add(new Planted("LG-11", id, List.of(dup)));
                    }
                    if (k == 8 && i == 6) {
                        String s1 = row(w, sb, voucher, id, on, new BigDecimal("48.00"), "进度款", to, account);
                        String s2 = row(w, sb, voucher, id, on.plusDays(3), new BigDecimal("47.50"), "进度款", to, account);
                        planted.add(new Planted("LG-12", id, List.of(s1, s2)));
                    }
                    last = on;
                }
                if (k == 11) {
                    row(w, sb, voucher, id, last.plusDays(2), new BigDecimal("0.50"), "收回", payee, "企业");
                }
            }
        }
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("county", "测试县");
        plan.put("prefecture", "塔城地区");
        plan.put("year", 2024);
        plan.put("fundSource", "CENTRAL");
        plan.put("allocation", Map.of("amount", total.toPlainString()));
        plan.put("managementFee", Map.of("amount", "0", "uses", List.of()));
        plan.put("projects", plist);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("plans/plan.json").toFile(), plan);
        return planted;
    }

    private static String row(BufferedWriter w, StringBuilder sb, long[] voucher, String id, LocalDate on, BigDecimal amount,
                              String type, String payee, String account) throws IOException {
        String v = String.format("PZ2024%08d", ++voucher[0]);
        sb.setLength(0);
        sb.append(v).append(',').append(id).append(',').append(on).append(',').append(amount.toPlainString()).append(',')
                .append(type).append(',').append(payee).append(',').append(account).append(',').append(type).append('\n');
        w.write(sb.toString());
        return v;
    }
}
