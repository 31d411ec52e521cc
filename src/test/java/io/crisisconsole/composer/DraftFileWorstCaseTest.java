package io.crisisconsole.composer;

import io.crisisconsole.testsupport.WorstCases;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9.8 for draft files: every generated 1 MiB YAML and JSON draft is judged in under a second. */
class DraftFileWorstCaseTest {

    @TempDir
    Path tmp;

    @Test
    void everyOneMebibyteDraftIsJudgedInUnderASecond() {
        WorstCases.assertAllJudgedInTime(tmp, DraftFileWorstCases.cases(), DraftFileWorstCases.JUDGE);
    }
}
