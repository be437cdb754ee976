package io.github.xianjie.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code xianjie audit}: the auditor's tests — {@code allocation} (allocation tables, budget cross-check,
 * factor method, dates: AL-01…AL-06) and {@code ledger} (payment ledgers, streamed: PP-01…PP-04, LG-*).
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"审计模式：资金分配表与拨付台账的测试。", "Audit mode: tests of allocation tables and payment ledgers."},
        subcommands = {AuditAllocationCommand.class, AuditLedgerCommand.class, AuditBenchCommand.class})
public final class AuditCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "请指定 allocation 或 ledger (missing subcommand)");
    }
}
