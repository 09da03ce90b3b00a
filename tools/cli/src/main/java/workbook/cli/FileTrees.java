package workbook.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Folders as wholes: a fingerprint of their contents, copying and deleting them.
 */
final class FileTrees {

    /** SHA-256 over the relative paths and contents of every file under a folder, in path order. */
    static String fingerprint(Path folder) throws IOException {
        return fingerprint(List.of(folder));
    }

    static String fingerprint(List<Path> folders) throws IOException {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (Path folder : folders) {
                if (!Files.exists(folder)) {
                    continue;
                }
                List<Path> files;
                try (Stream<Path> all = Files.walk(folder)) {
                    files = all.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
                }
                for (Path file : files) {
                    sha.update(folder.relativize(file).toString().replace(File.separatorChar, '/')
                            .getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                    sha.update(Files.readString(file).replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                }
            }
            return "sha256:" + java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The .java files under {@code folder}, sorted; none when it does not exist. */
    static List<Path> javaFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** Copies a resources folder into a classes folder, as the resources plugin does (no filtering here). */
    static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Path copy = to.resolve(from.relativize(p).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(p, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Deletes everything in a folder and keeps the folder (a JVM may already have it on its class path). */
    static void emptyFolder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            try (Stream<Path> children = Files.list(folder)) {
                for (Path child : children.toList()) {
                    deleteTree(child);
                }
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
