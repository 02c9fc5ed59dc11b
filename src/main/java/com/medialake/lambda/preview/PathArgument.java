package com.medialake.lambda.preview;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * A file argument as the shell hands it over: never empty ({@code --config-file=} names the option), a name the
 * JVM can represent in this locale (under LC_ALL=C it cannot hold non-ASCII names: said so, with the fix), and
 * readable whatever it is: a file, or a pipe such as {@code <(git show main:plan.json)}, which is /dev/fd/N.
 */
public final class PathArgument implements CommandLine.ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
        if (value.isEmpty()) {
            throw new CommandLine.TypeConversionException("an empty path; give a file's path");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' cannot be a file name in this locale ("
                    + System.getProperty("sun.jnu.encoding") + " holds no such characters); run in a UTF-8 locale,"
                    + " for example LC_ALL=C.UTF-8");
        }
    }

    /** The first of the files that cannot be read, if any: what a command names before it reads any. */
    public static java.util.Optional<Path> firstUnreadable(java.util.List<Path> files) {
        return files.stream().filter(f -> !readable(f)).findFirst();
    }

    /** A file that can be read: a regular file or a pipe, not a directory. */
    public static boolean readable(Path path) {
        return Files.exists(path) && !Files.isDirectory(path) && Files.isReadable(path);
    }

    /**
     * The stack file a command reads, {@code configFile} or Pulumi.STACK.yaml, or why it cannot: a stack name the
     * Pulumi CLI refuses (checked before any file is read), or no such file.
     */
    public static Path stackFile(String stack, Path configFile) {
        var badName = com.medialake.lambda.config.StackFile.stackNameProblem(stack);
        if (badName.isPresent()) {
            throw new IllegalArgumentException(badName.get());
        }
        Path file = configFile != null ? configFile : Path.of(com.medialake.lambda.config.StackFile.fileName(stack));
        if (!readable(file)) {
            throw new IllegalArgumentException("no stack file " + file);
        }
        return file;
    }
}
