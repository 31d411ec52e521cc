package io.crisisconsole.store;

import io.crisisconsole.testsupport.WorstCases;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9.8 for the backup manifest and settings.json: every generated shape is judged in under a second. */
class SmallFileWorstCaseTest {

    @TempDir
    Path tmp;

    @Test
    void everyHostileManifestIsJudgedInUnderASecond() {
        WorstCases.assertAllJudgedInTime(tmp, SmallFileWorstCases.manifestCases(), SmallFileWorstCases.MANIFEST);
    }

    @Test
    void everyHostileSettingsFileIsJudgedInUnderASecond() {
        WorstCases.assertAllJudgedInTime(tmp, SmallFileWorstCases.settingsCases(), SmallFileWorstCases.SETTINGS);
    }
}
