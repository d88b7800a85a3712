package io.openvni.console;

import io.openvni.southbound.reconcile.DriftReport;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code openvni:check-drift [device]}: reads devices now and shows what differs from what was applied.
 */
@Service
@Command(scope = "openvni", name = "check-drift",
    description = "Reads devices now and shows drift from the applied configuration (healed unless auto-heal is off)")
public final class CheckDriftCommand extends DeviceSelectionAction {
    @Option(name = "--timeout", description = "Seconds to wait for the checks (default 60)")
    private int timeout = 60;

    @Override
    public Object execute() throws Exception {
        final var checks = fabric().checkDrift(device());
        if (checks.isEmpty()) {
            throw ConsoleViews.notReconciled(device());
        }
        CompletableFuture.allOf(checks.values().toArray(CompletableFuture[]::new))
            .completeOnTimeout(null, timeout, TimeUnit.SECONDS).exceptionally(failure -> null).get();
        final var out = new StringBuilder();
        checks.forEach((name, check) -> out.append(line(name, check)));
        session().getConsole().print(out);
        return null;
    }

    private static String line(final String name, final CompletableFuture<DriftReport> check) {
        if (!check.isDone()) {
            return name + ": still checking\n";
        }
        try {
            final var report = check.join();
            final var state = report.status().state().yangName();
            if (!report.drifted()) {
                return name + ": no drift (" + state + ")\n";
            }
            return name + ": drifted" + (report.healed() ? ", healed" : "") + " (" + state + ")\n  "
                + report.drift().replace("\n", "\n  ") + "\n";
        } catch (CompletionException e) {
            return name + ": " + e.getCause().getMessage() + "\n";
        }
    }
}
