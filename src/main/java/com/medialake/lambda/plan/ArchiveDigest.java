package com.medialake.lambda.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A digest of a function's code (a folder's files, or an archive's assets: names and contents, in name
 * order), so the plan shows when a function's code changed: the change that makes the provider publish a new
 * version.
 */
public final class ArchiveDigest {
    private ArchiveDigest() {
    }

    /** "sha256:..." of the folder's files by their path in it, or "missing" when there is no such folder. */
    public static String of(Path folder) {
        if (!Files.isDirectory(folder)) {
            return "missing";
        }
        try (var files = Files.walk(folder)) {
            var byName = new java.util.TreeMap<String, Path>();
            files.filter(Files::isRegularFile)
                    .forEach(f -> byName.put(folder.relativize(f).toString().replace('\\', '/'), f));
            return of(byName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "sha256:..." of an archive's files by name (names and contents, in name order); "missing" if one is. */
    public static String of(java.util.SortedMap<String, Path> files) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            for (var file : files.entrySet()) {
                if (!Files.isRegularFile(file.getValue())) {
                    return "missing";
                }
                digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(file.getValue()));
                digest.update((byte) 0);
            }
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
