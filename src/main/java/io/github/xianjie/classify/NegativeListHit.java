package io.github.xianjie.classify;

import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

/**
 * A Drools fact: a project's text matched a negative-list row of the keyword catalogue.
 *
 * @param subject  the project subject
 * @param target   the catalogue target: {@code NL-01} … {@code NL-15}, {@code NL-05-EXCEPTION} or {@code NL-09-REVIEW}
 * @param field    the input field that matched, e.g. {@code name} or {@code expenseItems[1].description}
 * @param text     that field's text
 * @param matched  the include words found in it
 * @param row      the catalogue row id, e.g. {@code K031}
 * @param source   the article the row cites
 * @param normalised the matched form of the text when it differs from the original (NFKC, traditional →
 *                 simplified, invisible characters removed — see {@code text/TextNormalizer}), else null
 */
public record NegativeListHit(String subject, String target, String field, String text,
                              List<String> matched, String row, String source, String normalised) {

    /** A hit on a text that needed no normalisation. */
    public NegativeListHit(String subject, String target, String field, String text, List<String> matched,
                           String row, String source) {
        this(subject, target, field, text, matched, row, source, null);
    }

    /** @return the project subject (for DRL). */
    public String getSubject() {
        return subject;
    }

    /** @return the target rule ID (for DRL). */
    public String getTarget() {
        return target;
    }

    /** @return the hit as report evidence: field, text, matched words, catalogue row. */
    public Map<String, Object> evidence() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("field", field);
        m.put("text", text);
        m.put("matched", matched);
        m.put("catalogueRow", row);
        if (normalised != null) {
            m.put("normalised", true);
            m.put("matchedForm", normalised);
        }
        return m;
    }

    /** @return a short description in Chinese: {@code name「…」含「办公楼」(K012)}. */
    public String describe() {
        return field + " 含「" + String.join("」「", matched) + "」(" + row + ")"
                + (normalised == null ? "" : "（原文已规范化为「" + normalised + "」）");
    }
}
