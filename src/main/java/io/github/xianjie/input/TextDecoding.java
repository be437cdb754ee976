package io.github.xianjie.input;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict text decoding: UTF-8 (a BOM is stripped) is decoded with errors reported, never replaced;
 * GB18030 (a superset of GBK) is the fallback where a format allows it.
 */
public final class TextDecoding {
    private TextDecoding() {
    }

    /**
     * @param bytes file content
     * @param file  file name for messages
     * @return the text without a BOM
     * @throws InputException when the bytes are not valid UTF-8
     */
    public static String utf8Strict(byte[] bytes, String file) {
        try {
            return decode(bytes, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new InputException(file + ": 不是有效的 UTF-8 编码 (not valid UTF-8)");
        }
    }

    /**
     * Decodes UTF-8 when the bytes are valid UTF-8, else GB18030 when they are valid GB18030.
     *
     * @param bytes file content
     * @param file  file name for messages
     * @return the text without a BOM
     * @throws InputException when the bytes are neither
     */
    public static String utf8OrGb18030(byte[] bytes, String file) {
        try {
            return decode(bytes, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            boolean hasBom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
            if (hasBom) {
                throw new InputException(file + ": 带 UTF-8 BOM 但内容不是有效的 UTF-8 (malformed UTF-8)");
            }
            try {
                return decode(bytes, Charset.forName("GB18030"));
            } catch (CharacterCodingException e2) {
                throw new InputException(file + ": 既不是有效的 UTF-8 也不是 GB18030/GBK 编码");
            }
        }
    }

    private static String decode(byte[] bytes, Charset cs) throws CharacterCodingException {
        CharsetDecoder d = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String s = d.decode(ByteBuffer.wrap(bytes)).toString();
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
