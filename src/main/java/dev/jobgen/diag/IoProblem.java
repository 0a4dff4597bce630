package dev.jobgen.diag;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;

/**
 * What went wrong with a file, in words: NIO's exceptions often carry nothing but the path as
 * their message ("cannot write to out: /srv/out" says neither what nor why).
 */
public final class IoProblem {
    private IoProblem() {}

    public static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "") + ": " + what(f);
        }
        if (e.getMessage() == null || e.getMessage().isBlank()) {
            // no message at all: the kind of failure is all there is to say, and the cause may say more
            String kind = words(e.getClass());
            return e.getCause() != null && e.getCause().getMessage() != null ? kind + ": " + e.getCause().getMessage() : kind;
        }
        return e.getMessage();
    }

    /** The exception's name in words: {@code ClosedChannelException} says "closed channel". */
    private static String words(Class<?> type) {
        return type.getSimpleName().replaceFirst("Exception$", "").replaceAll("(?<=[a-z])(?=[A-Z])", " ")
                .toLowerCase(java.util.Locale.ROOT);
    }

    private static String what(FileSystemException f) {
        if (f instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (f instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (f instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (f instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (f instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        if (f instanceof FileSystemLoopException) {
            return "symbolic links form a loop";
        }
        if (f instanceof NotLinkException) {
            return "not a symbolic link";
        }
        if (f.getReason() != null && !f.getReason().isBlank()) {
            return f.getReason();
        }
        // thrown with no reason: a subclass's name still says what, the base class's says nothing
        return f.getClass() == FileSystemException.class ? "failed, and the system gave no reason" : words(f.getClass());
    }
}
