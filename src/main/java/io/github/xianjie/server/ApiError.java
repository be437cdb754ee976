package io.github.xianjie.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The error body of every failed API call: {@code {error, file, row, column, message}}, where {@code error}
 * is a short code ({@code bad-input}, {@code unsupported-media-type}, {@code too-large}, {@code timeout},
 * {@code not-found}, {@code internal}), {@code file} the uploaded file's name, {@code row} the table row
 * (or JSON line) of the problem, {@code column} the table column, JSON field or form field it names, and
 * {@code message} the reader's own Chinese-first message (the same text the CLI prints). Never a stack trace.
 */
final class ApiError extends RuntimeException {
    private static final Pattern ROW = Pattern.compile("第 ?(\\d+) ?行");
    private static final Pattern HEADER = Pattern.compile("第 ?\\d+ ?行「([^」]+)」");
    private static final Pattern JSON_COLUMN = Pattern.compile("第\\d+行第(\\d+)列");
    private static final Pattern FIELD = Pattern.compile("字段 ([A-Za-z][\\w.\\[\\],-]*)");
    private static final Pattern OPTION = Pattern.compile("^--([A-Za-z][A-Za-z-]*)");

    final int status;
    final String code;
    final String file;

    ApiError(int status, String code, String file, String message) {
        super(message);
        this.status = status;
        this.code = code;
        this.file = file;
    }

    /**
     * @param code    the short error code
     * @param file    the uploaded file's name, or null
     * @param message the message (file, row and column are read from it when it names them)
     * @return the ordered error body
     */
    static Map<String, Object> body(String code, String file, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", code);
        m.put("file", file);
        // row and column come from what follows the file's name: a file called 第9行「x」.csv names neither
        String after = file != null && message.startsWith(file) ? message.substring(file.length()) : message;
        Matcher row = ROW.matcher(after);
        m.put("row", row.find() ? Integer.valueOf(row.group(1)) : null);
        m.put("column", column(after));
        m.put("message", message);
        return m;
    }

    private static String column(String message) {
        Matcher m = HEADER.matcher(message);
        if (m.find()) {
            return m.group(1);
        }
        m = JSON_COLUMN.matcher(message);
        if (m.find()) {
            return m.group(1);
        }
        m = FIELD.matcher(message);
        if (m.find()) {
            return m.group(1);
        }
        m = OPTION.matcher(message);
        if (m.find()) {
            return m.group(1);
        }
        return null;
    }
}
