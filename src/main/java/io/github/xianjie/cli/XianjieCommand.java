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
            e.println("内部错误 (internal error): " + ex + " — 请报告此问题 (please report)");
            return EXIT_INTERNAL;
        });
        return cl;
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
        System.exit(commandLine(out, err).execute(args));
    }
}
