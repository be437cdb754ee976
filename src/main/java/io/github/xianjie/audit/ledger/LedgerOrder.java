package io.github.xianjie.audit.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Puts collected ledger evidence (groups, pairs) in a fixed order for reports. Ordering and summing only. */
public final class LedgerOrder {
    private LedgerOrder() {
    }

    private static List<PaymentGroup> groups(Collection<?> c) {
        List<PaymentGroup> l = new ArrayList<>();
        c.forEach(o -> l.add((PaymentGroup) o));
        l.sort(java.util.Comparator.comparing(PaymentGroup::projectId).thenComparing(PaymentGroup::payee).thenComparing(PaymentGroup::accountType));
        return l;
    }

    /** @param c groups @return "payee (ACCOUNT) n 笔" texts */
    public static List<String> accounts(Collection<?> c) {
        List<String> out = new ArrayList<>();
        groups(c).forEach(g -> out.add(g.payee() + "（" + accountLabel(g.accountType()) + "）" + g.count() + " 笔 " + g.amount().toPlainString() + " 万元"));
        return out;
    }

    /**
     * @param code an account type code (ENTERPRISE … IMPLEMENTER_OWN)
     * @return its Chinese label as the ledger's 收款账户类型 column writes it (e.g. HOLDING → 代管或过渡户), or the code
     */
    public static String accountLabel(String code) {
        return switch (code) {
            case "ENTERPRISE" -> "企业";
            case "COOPERATIVE" -> "合作社";
            case "VILLAGE_COLLECTIVE" -> "村集体";
            case "INDIVIDUAL" -> "个人";
            case "FISCAL" -> "财政";
            case "HOLDING" -> "代管或过渡户";
            case "IMPLEMENTER_OWN" -> "实施单位本单位";
            default -> code;
        };
    }

    /** @param c groups @return distinct payees, sorted */
    public static List<String> payees(Collection<?> c) {
        TreeSet<String> s = new TreeSet<>();
        groups(c).forEach(g -> s.add(g.payee()));
        return new ArrayList<>(s);
    }

    /** @param c groups @return their total, 万元 */
    public static BigDecimal amount(Collection<?> c) {
        BigDecimal s = BigDecimal.ZERO;
        for (PaymentGroup g : groups(c)) {
            s = s.add(g.amount());
        }
        return s;
    }

    /** @param c groups @return their vouchers, sorted */
    public static List<String> vouchers(Collection<?> c) {
        TreeSet<String> s = new TreeSet<>();
        groups(c).forEach(g -> s.addAll(g.vouchers()));
        return new ArrayList<>(s);
    }

    /** @param c groups @return the distinct project ids, sorted */
    public static List<String> projectIds(Collection<?> c) {
        TreeSet<String> s = new TreeSet<>();
        groups(c).forEach(g -> s.add(g.projectId()));
        return new ArrayList<>(s);
    }

    /** @param c groups @param id a project id @return vouchers of that id, sorted */
    public static List<String> vouchersOf(Collection<?> c, String id) {
        return vouchers(groups(c).stream().filter(g -> g.projectId().equals(id)).toList());
    }

    /** @param c groups @param id a project id @return total of that id, 万元 */
    public static BigDecimal amountOf(Collection<?> c, String id) {
        return amount(groups(c).stream().filter(g -> g.projectId().equals(id)).toList());
    }

    /** @param c split pairs @return the vouchers of all pairs, sorted */
    public static List<String> pairVouchers(Collection<?> c) {
        TreeSet<String> s = new TreeSet<>();
        for (Object o : c) {
            Derived.SplitPair p = (Derived.SplitPair) o;
            s.add(p.first().voucherNo());
            s.add(p.second().voucherNo());
        }
        return new ArrayList<>(s);
    }
}
