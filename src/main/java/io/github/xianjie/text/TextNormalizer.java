package io.github.xianjie.text;

import com.hankcs.hanlp.HanLP;
import java.text.Normalizer;

/**
 * The matched form of a text: what keyword rows are compared with. Nobody should dodge the negative list
 * with an invisible character or a traditional character (新财规〔2021〕11号 第四条 is about what the money
 * is for, not how the name is typed).
 *
 * <p>Steps, in order: Unicode NFKC (full-width letters and digits, compatibility forms); traditional →
 * simplified Chinese with HanLP's converter ({@code HanLP.convertToSimplifiedChinese}); then every
 * whitespace character (ordinary space, U+3000, tabs, line breaks), every format character (Unicode
 * category Cf: U+200B, U+00AD, U+2060, U+202E, U+FEFF …) and every control character (Cc: NUL …) is removed.
 * The original text is kept for evidence; a stateless utility (HanLP's conversion tables are the library's own).
 */
public final class TextNormalizer {
    private TextNormalizer() {
    }

    /**
     * @param text a project name, heading, expense description or location; may be null
     * @return the matched form (never null; empty for null)
     */
    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = stripInvisible(Normalizer.normalize(text, Normalizer.Form.NFKC));
        if (hasHan(s)) {
            s = HanLP.convertToSimplifiedChinese(s);
        }
        return stripInvisible(s);
    }

    /**
     * @param text a text
     * @return true when its matched form differs from it (the evidence then says it was normalised)
     */
    public static boolean changes(String text) {
        return text != null && !normalize(text).equals(text);
    }

    private static String stripInvisible(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || type == Character.FORMAT
                    || type == Character.CONTROL || type == Character.UNASSIGNED && cp < 0x20) {
                return;
            }
            b.appendCodePoint(cp);
        });
        return b.toString();
    }

    private static boolean hasHan(String s) {
        return s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }
}
