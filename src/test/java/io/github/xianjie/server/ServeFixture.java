package io.github.xianjie.server;

import io.github.xianjie.engine.RuleEngine;
import io.github.xianjie.support.Engines;
import io.github.xianjie.service.CheckService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What the server tests share: one {@link CheckService} over the checkout's {@code rules/} (the engine is
 * compiled once per test JVM), a server on an ephemeral loopback port per test class, and an HTTP client
 * that sends multipart uploads as a browser or curl would.
 */
final class ServeFixture {
    private static volatile CheckService service;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private ServeFixture() {
    }

    /** @return the check service over the suite's shared engine ({@code rules/}) */
    static CheckService service() {
        if (service == null) {
            synchronized (ServeFixture.class) {
                if (service == null) {
                    RuleEngine engine = Engines.engine();
                    service = new CheckService(engine, engine.ruleset().parameters(), null);
                }
            }
        }
        return service;
    }

    /** @return a running server on 127.0.0.1 and a free port; close it after the tests */
    static XianjieServer start() {
        return XianjieServer.start(service(), "127.0.0.1", 0);
    }

    /** A multipart/form-data body: one file part {@code plan} and text fields. */
    static final class Multipart {
        final String boundary = "----xianjie" + UUID.randomUUID();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        Multipart field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
            return this;
        }

        Multipart file(String name, String filename, byte[] content) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.writeBytes(content);
            write("\r\n");
            return this;
        }

        byte[] bytes() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(body.toByteArray());
            all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return all.toByteArray();
        }

        private void write(String s) {
            body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    static Map<String, String> facts(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static HttpResponse<byte[]> post(int port, String path, Multipart m) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "multipart/form-data; boundary=" + m.boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(m.bytes())).build();
        return HTTP.send(req, HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<byte[]> post(int port, String path, String contentType, byte[] body) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HTTP.send(req, HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<byte[]> get(int port, String path) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).GET().build();
        return HTTP.send(req, HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }
}
