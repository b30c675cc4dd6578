package org.jdpx.device.levelzero;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What the binding tests do when the Level Zero loader is absent. They check our bindings against
 * the real loader, so without it there is nothing to check: on a developer machine they are
 * skipped with that reason, but under CI (where run-tests.sh installs libze1) a missing loader is
 * a failure, so a broken install step cannot hide behind a skip.
 */
final class LoaderPresence {

    private LoaderPresence() {
    }

    static void missing(Exception why) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail("libze_loader.so.1 is missing under CI; run-tests.sh should have installed libze1: " + why);
        }
        Assumptions.abort("libze_loader.so.1 is not installed (run-tests.sh installs libze1 as root), "
                + "so the bindings cannot be checked against it: " + why.getMessage());
    }
}
