package io.github.xianjie.cli;

import io.github.xianjie.engine.Ruleset;
import io.github.xianjie.input.InputException;
import io.github.xianjie.params.ParameterSet;
import io.github.xianjie.server.XianjieServer;
import io.github.xianjie.service.CheckService;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code xianjie serve [--port 8080] [--host 127.0.0.1]}: the local web page and REST API for bureau staff.
 * Compiles the ruleset once, binds to the loopback address unless told otherwise, prints where it listens
 * and serves until stopped (Ctrl-C).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"启动本地网页与 REST API（默认只监听 127.0.0.1），在浏览器中上传项目表并查看检查报告。",
                "Start the local web page and REST API (loopback only by default): upload a project table, see the report."})
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8080", description = "端口（0 为任一空闲端口）(default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "监听地址；默认只接受本机访问 (default: ${DEFAULT-VALUE})")
    String host;

    @Mixin
    RulesetOptions rulesetOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new InputException("--port: " + port + " 不在 0–65535 之间 (port out of range)");
        }
        if (rulesetOptions.measuresYear != null) {
            throw new InputException("--measures-year: serve 按每次请求的 measuresYear 字段选择年度 (give measuresYear per request)");
        }
        Ruleset ruleset = rulesetOptions.ruleset();
        ParameterSet params = rulesetOptions.parameters(ruleset);
        CheckService service = new CheckService(rulesetOptions.engine(ruleset), params, rulesetOptions.profileName());
        XianjieServer server;
        try {
            server = XianjieServer.start(service, host, port);
        } catch (RuntimeException e) {
            throw new InputException("--host " + host + " --port " + port + ": 无法监听 (cannot listen): " + rootMessage(e));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        String shown = host.contains(":") ? "[" + host + "]" : host;
        var out = spec.commandLine().getOut();
        out.println("xianjie 网页已启动 (web page at): http://" + shown + ":" + server.port() + "/");
        out.println("规则集 (ruleset) " + ruleset.version() + "；按 Ctrl-C 停止 (press Ctrl-C to stop)");
        if (!isLoopback(host)) {
            spec.commandLine().getErr().println("注意：监听 " + host + "，网络上的其他计算机也能访问本页面，且没有登录验证"
                    + " (listening beyond this computer, without authentication)");
        }
        out.flush();
        stopped.await();
        return 0;
    }

    private static boolean isLoopback(String host) {
        try {
            return java.net.InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : " " + t.getMessage());
    }
}
