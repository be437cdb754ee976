package io.github.xianjie.input;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one reading of a table's money unit, shared by the plan table reader and the audit readers
 * (allocation tables, payment ledgers): a unit row above the header ({@code 单位：万元}, {@code 单位：元})
 * and a unit in a header cell ({@code 支付金额（万元）}). Only 万元 and 元 are read; any other unit
 * (亿元, 千元, 百万元 …) is refused rather than guessed, and a unit row that disagrees with a header's unit is
 * refused naming both. Amounts are kept in 万元 (plan-format.md).
 */
public final class Units {
    private Units() {
    }

    /** {@code 单位：X} in a squeezed cell or line. */
    private static final Pattern NOTE = Pattern.compile("单位[:：]([^,，;；)）\\]】]*)");
    /** a header ending in a parenthesised unit: {@code 投资规模（万元）}, {@code 支付金额(亿元)}. */
    private static final Pattern HEADER = Pattern.compile("^(.+?)[(（\\[【]([^()（）]*元)[)）\\]】]$");

    /**
     * @param text a cell or a whole line above the header, as written
     * @return the unit word after {@code 单位：} (e.g. {@code 万元}, {@code 亿元}), or null when the text states none
     */
    public static String noteUnit(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = NOTE.matcher(squeeze(Normalizer.normalize(text, Normalizer.Form.NFKC)));
        return m.find() ? m.group(1) : null;
    }

    /**
     * @param header a header cell as written
     * @return the unit word in the header's closing parentheses (e.g. {@code 万元}), or null when it has none
     */
    public static String headerUnit(String header) {
        if (header == null) {
            return null;
        }
        Matcher m = HEADER.matcher(squeeze(Normalizer.normalize(header, Normalizer.Form.NFKC)));
        return m.matches() ? m.group(2) : null;
    }

    /**
     * @param unit a unit word
     * @return the decimal scale from that unit to 万元: 0 for 万元, 4 for 元, -1 for any unit not read
     */
    public static int scale(String unit) {
        return switch (unit) {
            case "万元" -> 0;
            case "元" -> 4;
            default -> -1;
        };
    }

    /**
     * @param unit a unit word as written
     * @return its scale (0 for 万元, 4 for 元)
     * @throws InputException (message without position; callers prefix file and row) for any other unit
     */
    public static int require(String unit) {
        int s = scale(unit);
        if (s < 0) {
            throw new InputException(unsupported(unit));
        }
        return s;
    }

    /** @param unit the unit word as written @return the message for a unit not read (Chinese first) */
    public static String unsupported(String unit) {
        return "不支持的单位「" + unit + "」，应为 万元 或 元 (unsupported unit)";
    }

    /**
     * @param noteRow  the row (1-based) of the unit row
     * @param noteUnit the unit row's unit
     * @param header   the header cell stating another unit
     * @return the message for a unit row that disagrees with a header's unit
     */
    public static String conflict(long noteRow, String noteUnit, String header) {
        return "单位冲突：第 " + noteRow + " 行「单位：" + noteUnit + "」与表头「" + header.strip()
                + "」不一致，请改正其一 (unit row and header state different units)";
    }

    /** @param scale 0 or 4 @return the multiplier from the table's amounts to 万元 (1 or 0.0001) */
    public static BigDecimal factor(int scale) {
        return BigDecimal.ONE.movePointLeft(scale);
    }

    private static String squeeze(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && cp != 0xFEFF)
                .forEach(sb::appendCodePoint);
        return sb.toString();
    }
}
