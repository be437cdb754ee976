package io.github.xianjie.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/** Writes a {@link Report} as the JSON contract: 2-space indent, LF line ends, UTF-8, stable order. */
public final class JsonReportWriter {
    private static final ObjectWriter WRITER;

    static {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
        WRITER = new ObjectMapper().writer(pp);
    }

    private JsonReportWriter() {
    }

    /**
     * @param report the report
     * @return its JSON text, ending with a newline
     */
    public static String write(Report report) {
        return pretty(report.toTree());
    }

    /**
     * @param tree maps, lists and scalars
     * @return the tree as JSON in the report's style, ending with a newline
     */
    public static String pretty(Object tree) {
        try {
            return WRITER.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
