package io.github.xianjie.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.github.xianjie.engine.Result;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes a {@link Report} as the JSON contract: 2-space indent, LF line ends, UTF-8, stable order. The
 * results are streamed one at a time through a Jackson {@link JsonGenerator}, each message formatted as
 * it is written, so a report of a million results never exists as one tree or one string.
 */
public final class JsonReportWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DefaultPrettyPrinter PRETTY =
            new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
    private static final ObjectWriter WRITER = MAPPER.writer(PRETTY);

    private JsonReportWriter() {
    }

    /**
     * Streams the report to a stream (not closed), ending with a newline.
     *
     * @param report the report
     * @param out    where to write UTF-8 JSON
     * @throws IOException when the stream fails
     */
    public static void write(Report report, OutputStream out) throws IOException {
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setPrettyPrinter(PRETTY.createInstance());
            g.writeStartObject();
            for (Map.Entry<String, Object> e : report.header().entrySet()) {
                g.writeFieldName(e.getKey());
                g.writeObject(e.getValue());
            }
            g.writeFieldName("results");
            g.writeStartArray();
            for (Result r : report.evaluation().results()) {
                g.writeObject(Report.result(r));
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
        out.flush();
    }

    /**
     * @param report the report
     * @return its JSON text, ending with a newline
     */
    public static String write(Report report) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            write(report, buf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buf.toString(StandardCharsets.UTF_8);
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
