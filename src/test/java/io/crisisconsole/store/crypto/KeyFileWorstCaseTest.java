package io.crisisconsole.store.crypto;

import io.crisisconsole.testsupport.WorstCases;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9.8 for the key file: refused over 64 KiB before reading; every hostile 64 KiB shape judged in time. */
class KeyFileWorstCaseTest {

    @TempDir
    Path tmp;

    @Test
    void everyHostileKeyFileIsJudgedInUnderASecond() {
        WorstCases.assertAllJudgedInTime(tmp, KeyFileWorstCases.cases(), KeyFileWorstCases.JUDGE);
    }
}
