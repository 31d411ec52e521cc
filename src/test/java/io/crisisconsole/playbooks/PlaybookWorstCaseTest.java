package io.crisisconsole.playbooks;

import io.crisisconsole.testsupport.WorstCases;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9.8: a playbook with 40,000 unknown keys took 30 s (the unknown-key pass was quadratic).
 * Every generated 1 MiB shape is judged, accepted or refused at its line, in under a second.
 */
class PlaybookWorstCaseTest {

    @TempDir
    Path tmp;

    @Test
    void everyOneMebibyteShapeIsJudgedInUnderASecond() {
        WorstCases.assertAllJudgedInTime(tmp, PlaybookWorstCases.cases(), PlaybookWorstCases.JUDGE);
    }
}
