package io.github.xianjie.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder replaced by the ledger audit. */
@Command(name = "ledger", description = "审计拨付台账 (audit a payment ledger)")
public final class AuditLedgerCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
