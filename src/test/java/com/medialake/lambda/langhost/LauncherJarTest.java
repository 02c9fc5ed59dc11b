package com.medialake.lambda.langhost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/preview and bin/pulumi as a user runs them, on the packaged jar, in a copy of the project. */
class LauncherJarTest {
    @TempDir
    Path project;

    private ShellRun run(Map<String, String> env, String... command) throws Exception {
        return ShellRun.run(project, env, command);
    }

    private void copyProject() throws Exception {
        Files.createDirectories(project.resolve("target"));
        Files.copy(LanguageHost.JAR, project.resolve("target/medialake-lambda.jar"));
        try (var files = Files.walk(Path.of("bin"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.createDirectories(project.resolve(f).getParent());
                Files.copy(f, project.resolve(f), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        try (var files = Files.walk(Path.of("handlers"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.createDirectories(project.resolve(f).getParent());
                Files.copy(f, project.resolve(f));
            }
        }
        try (var files = Files.list(Path.of("."))) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches("Pulumi(\\..+)?\\.yaml")).toList()) {
                Files.copy(f, project.resolve(f.getFileName()));
            }
        }
    }

    @Test
    void aDamagedClassDataArchiveIsDroppedAndThePreviewRunsWithoutIt() throws Exception {
        copyProject();
        // The first preview records the archive; truncated, and still newer than the jar, the JVM aborts on it
        // before the program starts (status 134).
        assertEquals(0, run(Map.of(), "bash", "bin/preview", "us-east-1").status());
        Path archive = project.resolve("target/medialake-lambda.jsa");
        assertTrue(Files.size(archive) > 200_000, "recorded");
        archive.toFile().setWritable(true);
        byte[] head = new byte[200_000];
        try (var in = Files.newInputStream(archive)) {
            assertEquals(head.length, in.readNBytes(head, 0, head.length));
        }
        Files.write(archive, head);
        archive.toFile().setLastModified(System.currentTimeMillis() + 60_000);
        var run = run(Map.of(), "bash", "bin/preview", "us-east-1");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("Offline preview of medialake-lambda/us-east-1"), "out [" + run.out() + "] err [" + run.err() + "]");
        assertEquals("", run.err());
        assertFalse(Files.exists(archive), "the damaged archive is removed");
        try (var left = Files.list(project)) {
            assertTrue(left.noneMatch(f -> f.getFileName().toString().startsWith("hs_err")), "no crash report left");
        }
    }

    @Test
    void binPulumiWithoutThePulumiCliSaysWhatToDo() throws Exception {
        copyProject();
        var run = run(Map.of("PATH", "/usr/bin:/bin"), "bash", "bin/pulumi", "preview");
        assertEquals(1, run.status());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("error: the Pulumi CLI is not installed here (no pulumi on the PATH): install it"),
                run.err());
        assertTrue(run.err().contains("bin/preview us-east-1"), run.err());
    }

    @Test
    void aReadOnlyTargetWithoutAHomeRunsWithoutAnArchive() throws Exception {
        copyProject();
        // target/ the user cannot write and no HOME: no archive anywhere, and no "HOME: unbound variable".
        // As root nothing is read-only, so the preview runs as nobody (runuser); otherwise target/ is made so.
        try (var files = Files.walk(project)) {
            for (Path f : files.toList()) {
                Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString(
                        Files.isDirectory(f) || f.toString().contains("/bin/") ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root && !Files.isExecutable(Path.of("/usr/sbin/runuser"))) {
            return;
        }
        if (!root) {
            project.resolve("target").toFile().setWritable(false);
        }
        var command = new java.util.ArrayList<String>(root ? List.of("/usr/sbin/runuser", "-u", "nobody", "--") : List.of());
        command.addAll(List.of("env", "-u", "HOME", "-u", "XDG_CACHE_HOME", "bash", "bin/preview", "us-east-1"));
        var run = run(Map.of(), command.toArray(String[]::new));
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("Offline preview of medialake-lambda/us-east-1"), run.out());
        assertEquals("", run.err());
        assertFalse(Files.exists(project.resolve("target/medialake-lambda.jsa")));
    }
}
