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
        description = {"衔接资金合规检查 — compliance checker for rural-revitalization linkage funds (衔接资金)."})
public final class XianjieCommand implements Runnable {
    /**
     * The subcommands by name, in the order help lists them. Registered here rather than in {@code @Command} so that a
     * run of one subcommand builds picocli's model of that one only (reflection over every command's options was
     * about a sixth of a cold check's CPU, BENCHMARKS.md).
     */
    private static final java.util.Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private static java.util.Map<String, Class<?>> subcommands() {
        java.util.Map<String, Class<?>> m = new java.util.LinkedHashMap<>();
        m.put("check", CheckCommand.class);
        m.put("rules", RulesCommand.class);
        m.put("diff", DiffCommand.class);
        m.put("bench", BenchCommand.class);
        m.put("audit", AuditCommand.class);
        m.put("serve", ServeCommand.class);
        m.put("help", CommandLine.HelpCommand.class);
        return java.util.Collections.unmodifiableMap(m);
    }

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
        return commandLine(out, err, null);
    }

    /**
     * As {@link #commandLine(PrintStream, PrintStream)}, with only the subcommand the arguments name when they start
     * with one other than {@code help} (picocli's model of the other commands is then never built); with every
     * subcommand otherwise ({@code --help}, {@code help}, an unknown or missing subcommand), so help and suggestions
     * are unchanged.
     *
     * @param out  standard output
     * @param err  standard error
     * @param argv the arguments about to be executed, or null for every subcommand
     * @return the configured command line
     */
    public static CommandLine commandLine(PrintStream out, PrintStream err, String[] argv) {
        CommandLine cl = new CommandLine(new XianjieCommand());
        String only = argv != null && argv.length > 0 && !argv[0].equals("help") && SUBCOMMANDS.containsKey(argv[0]) ? argv[0] : null;
        for (java.util.Map.Entry<String, Class<?>> s : SUBCOMMANDS.entrySet()) {
            if (only == null || only.equals(s.getKey())) {
                cl.addSubcommand(s.getKey(), s.getValue());
            }
        }
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cl.setExitCodeExceptionMapper(t -> isUserError(t) ? EXIT_INVALID : EXIT_INTERNAL);
        CommandLine diff = cl.getSubcommands().get("diff");
        if (diff != null && diff.getCommandSpec().findOption("--measures-year") != null) {
            // diff names its two years with --from/--to; it does not offer an option it would ignore
            diff.getCommandSpec().remove(diff.getCommandSpec().findOption("--measures-year"));
        }
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("用法错误 (usage error): " + usage(ex));
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

    private static final java.util.regex.Pattern INVALID_VALUE =
            java.util.regex.Pattern.compile("Invalid value for (?:option|positional parameter at index \\d+) \\(?'?(.+?)'?\\)?: '(.*)' is not an? (\\w+)");

    /**
     * A usage error in Chinese first, picocli's English after it: an unknown option or subcommand with
     * picocli's suggestion ("未知选项 --foramt，是否想用 --format？"), a missing parameter, a value of the
     * wrong type.
     *
     * @param ex picocli's parameter exception
     * @return the message
     */
    static String usage(CommandLine.ParameterException ex) {
        String english = ex.getMessage();
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String arg = u.getUnmatched().get(0);
            java.util.List<String> suggestions = u.getSuggestions();
            boolean option = arg.startsWith("-");
            boolean subcommand = !option && u.getCommandLine().getSubcommands().size() > 0
                    && u.getCommandLine().getCommandSpec().positionalParameters().isEmpty();
            String what = option ? "未知选项 " : subcommand ? "未知子命令 " : "多余的参数 ";
            String hint = suggestions.isEmpty() ? "" : "，是否想用 " + String.join(" 或 ", suggestions.subList(0, Math.min(3, suggestions.size()))) + "？";
            if (arg.equals("--measures-year") && u.getCommandLine().getCommandName().equals("diff")) {
                hint = "，diff 用 --from YEAR --to YEAR 指定比较的两个年度";
            }
            return what + arg + hint + " (" + english + ")";
        }
        if (ex instanceof CommandLine.MissingParameterException m) {
            return "缺少必需的参数 " + m.getMissing().stream().map(a -> a.isOption() ? ((CommandLine.Model.OptionSpec) a).longestName()
                    : a.paramLabel()).collect(java.util.stream.Collectors.joining("、")) + " (" + english + ")";
        }
        java.util.regex.Matcher v = english == null ? null : INVALID_VALUE.matcher(english);
        if (v != null && v.find()) {
            String type = switch (v.group(3)) {
                case "int", "Integer", "long" -> "整数";
                case "Path", "File" -> "文件路径";
                default -> v.group(3);
            };
            return v.group(1) + " 的值 '" + v.group(2) + "' 无效，应为" + type + " (" + english + ")";
        }
        if (ex instanceof CommandLine.OverwrittenOptionException) {
            return "选项重复给出 (" + english + ")";
        }
        return english;
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
            CommandLine cl = commandLine(out, err, args);
            io.github.xianjie.engine.StartupTrace.mark("picocli model");
            return cl.execute(args);
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
        io.github.xianjie.engine.StartupTrace.mark("JVM start to main");
        int code = run(args, out, err);
        out.flush();
        io.github.xianjie.engine.StartupTrace.mark("exit");
        if (out.checkError()) {
            err.println("错误 (error): 无法写入标准输出 (cannot write to standard output)");
            code = Math.max(code, EXIT_INVALID);
        }
        System.exit(code);
    }
}
