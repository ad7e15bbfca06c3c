package dev.kiln.qemu;

import dev.kiln.qemu.RunResult.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IsaDebugExitTest {
    @ParameterizedTest
    @CsvSource({"33, SUCCESS, 0", "35, FAILURE, 1", "39, FAILURE, 3", "255, FAILURE, 111"})
    void oddCodesFrom33CarryTheGuestStatus(int exitCode, Outcome outcome, int status) {
        assertEquals(outcome, IsaDebugExit.outcome(exitCode));
        assertEquals(OptionalInt.of(status), IsaDebugExit.guestStatus(exitCode));
    }

    @Test
    void plainExitZeroIsAResetNotASuccess() {
        assertEquals(Outcome.RESET, IsaDebugExit.outcome(0));
        assertEquals(OptionalInt.empty(), IsaDebugExit.guestStatus(0));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 31, 32, 34, 254, -1})
    void otherCodesAreQemuErrors(int exitCode) {
        assertEquals(Outcome.QEMU_ERROR, IsaDebugExit.outcome(exitCode));
        assertEquals(OptionalInt.empty(), IsaDebugExit.guestStatus(exitCode));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 42, 111})
    void theKernelsExitValueRoundTrips(int status) {
        int qemuExitCode = ((IsaDebugExit.STATUS_BASE + status) << 1) | 1;   // what isa-debug-exit does with the value

        assertEquals(OptionalInt.of(status), IsaDebugExit.guestStatus(qemuExitCode));
    }
}
