package io.github.xianjie.cli;

import io.github.xianjie.classify.CatalogueException;
import io.github.xianjie.engine.RulesetException;
import io.github.xianjie.input.InputException;
import io.github.xianjie.params.ParameterException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code xianjie} command line. Exit codes: 0 no ERROR-severity rule failed; 1 one did;
 * 2 unreadable or invalid input, ruleset or usage; 3 internal error.
 */
@Command(name = "xianjie", mixinStandardHelpOptions = true, version = "xianjie 0.1.0",
        description = {"衔接资金合规检查 — compliance checker for rural-revitalization linkage funds (衔接资金)."},
        subcommands = {CheckCommand.class, RulesCommand.class, DiffCommand.class, BenchCommand.class, AuditCommand.class, CommandLine.HelpCommand.class})
public final class XianjieCommand implements Runnable {
    /** Exit code when input, ruleset or usage is invalid. */
    public static final int EXIT_INVALID = 2;
    /** Exit code of an unexpected internal error. */
    public static final int EXIT_INTERNAL = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "请指定子命令，例如 check (missing subcommand)");
    }

    /**
     * Builds the command line with the project's error handling: known input errors print one
     * message naming file, row and field (exit 2); nothing prints a stack trace.
     *
     * @param out standard output
     * @param err standard error
     * @return the configured command line
     */
    public static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new XianjieCommand());
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cl.setExitCodeExceptionMapper(t -> isUserError(t) ? EXIT_INVALID : EXIT_INTERNAL);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("用法错误 (usage error): " + ex.getMessage());
            c.getErr().println("用 --help 查看用法 (see --help): " + c.getCommandSpec().qualifiedName() + " --help");
            return EXIT_INVALID;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            if (isUserError(ex)) {
                e.println("错误 (error): " + ex.getMessage());
                return EXIT_INVALID;
            }
            e.println(internalError(ex));
            return EXIT_INTERNAL;
        });
        return cl;
    }

    /**
     * Runs the command line and turns anything it throws — an {@link OutOfMemoryError} or {@link StackOverflowError}
     * too, which picocli does not catch — into one line on {@code err} and exit 3; never a stack trace.
     *
     * @param args command-line arguments
     * @param out  standard output
     * @param err  standard error
     * @return the exit code: 0, 1, 2 or 3
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            return commandLine(out, err).execute(args);
        } catch (OutOfMemoryError e) {
            err.println("内部错误 (internal error): 内存不足，输入可能过大；可用 JAVA_OPTS=-Xmx… 增加内存 (out of memory)");
            return EXIT_INTERNAL;
        } catch (Throwable t) {
            err.println(internalError(t));
            return EXIT_INTERNAL;
        }
    }

    /** One line for an unexpected error: its type, its first message line and where it arose. */
    static String internalError(Throwable ex) {
        if (ex instanceof OutOfMemoryError) {
            return "内部错误 (internal error): 内存不足，输入可能过大；可用 JAVA_OPTS=-Xmx… 增加内存 (out of memory)";
        }
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
        if (msg.length() > 300) {
            msg = msg.substring(0, 300) + "…";
        }
        StackTraceElement[] st = root.getStackTrace();
        String at = st.length == 0 ? "" : " at " + st[0].getClassName() + "." + st[0].getMethodName() + ":" + st[0].getLineNumber();
        return "内部错误 (internal error): " + root.getClass().getName() + (msg.isEmpty() ? "" : ": " + msg) + at
                + " — 请报告此问题 (please report)";
    }

    private static boolean isUserError(Throwable t) {
        return t instanceof CommandLine.ParameterException || t instanceof InputException || t instanceof RulesetException || t instanceof ParameterException
                || t instanceof CatalogueException;
    }

    /**
     * Entry point.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = run(args, out, err);
        out.flush();
        if (out.checkError()) {
            err.println("错误 (error): 无法写入标准输出 (cannot write to standard output)");
            code = Math.max(code, EXIT_INVALID);
        }
        System.exit(code);
    }
}
