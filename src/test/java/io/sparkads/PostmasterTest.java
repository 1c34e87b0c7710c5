package io.sparkads;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which process a data folder's postmaster.pid names, and when that file is stale. */
class PostmasterTest {
    @TempDir Path folder;

    @Test
    void aFolderWithoutAPidFileHasNoPostmaster() {
        assertThat(Postmaster.of(folder)).isEmpty();
    }

    @Test
    void aPidFileNamingAProcessThatIsGoneIsRemoved() throws Exception {
        // given the pid of a process that has exited
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        writePidFile(exited.pid());

        // when / then
        assertThat(Postmaster.of(folder)).isEmpty();
        assertThat(folder.resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void aPidFileNamingALiveProcessThatIsNotThisFoldersPostgresIsRemovedAndTheProcessLeftAlone()
            throws Exception {
        // given a pid recycled by another process (this JVM), e.g. after a reboot
        writePidFile(ProcessHandle.current().pid());

        // when / then: nothing is signalled, the stale file goes
        assertThat(Postmaster.of(folder)).isEmpty();
        assertThat(folder.resolve("postmaster.pid")).doesNotExist();
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    private void writePidFile(long pid) throws Exception {
        Files.writeString(
                folder.resolve("postmaster.pid"),
                pid + "\n" + folder + "\n1700000000\n5432\n/tmp\nlocalhost\n");
    }
}
