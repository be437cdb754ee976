package io.github.xianjie.classify;

import java.util.List;

/**
 * A Drools fact: the words the screening read in a project's name, for a project whose purpose it could not
 * recognise (NL-99 需人工复核 lists them so that a reviewer sees what was looked at).
 *
 * @param subject the project subject
 * @param text    the name as given
 * @param words   its words in order, place names in ［brackets］
 */
public record NameWords(String subject, String text, List<String> words) {
    /** @return the project subject (for DRL) */
    public String getSubject() {
        return subject;
    }

    /** @return the words (for DRL and evidence) */
    public List<String> getWords() {
        return words;
    }
}
