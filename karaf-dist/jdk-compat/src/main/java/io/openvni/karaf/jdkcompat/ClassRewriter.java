package io.openvni.karaf.jdkcompat;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * A transformer that rewrites the classes it {@link #wants} with an ASM visitor, and never breaks class loading:
 * a class it cannot rewrite loads as it was. Rewrites keep every descriptor, so frames need no recomputing.
 */
abstract class ClassRewriter implements ClassFileTransformer {
    @Override
    @SuppressFBWarnings(value = "PZLA_PREFER_ZERO_LENGTH_ARRAYS",
        justification = "ClassFileTransformer's contract: null means 'leave the class as it is'")
    @SuppressWarnings({
        "checkstyle:IllegalCatch", // whatever goes wrong, class loading must go on with the original class
        "checkstyle:RegexpSinglelineJava" // no logging framework on the bootstrap class path or in the client
    })
    public final byte[] transform(final ClassLoader loader, final String className,
            final Class<?> classBeingRedefined, final ProtectionDomain protectionDomain,
            final byte[] classfileBuffer) {
        if (className == null || !wants(className, classfileBuffer)) {
            return null;
        }
        try {
            return rewrite(classfileBuffer);
        } catch (RuntimeException e) {
            System.err.println("openvni-jdk-compat: cannot rewrite " + className + ": " + e);
            return null;
        }
    }

    /**
     * Rewrite one class file.
     *
     * @param classfile the class file bytes
     * @return the rewritten class file, or {@code null} if nothing needed rewriting
     */
    @SuppressFBWarnings(value = "PZLA_PREFER_ZERO_LENGTH_ARRAYS", justification = "null as in transform()")
    final byte[] rewrite(final byte[] classfile) {
        final var reader = new ClassReader(classfile);
        final var writer = new ClassWriter(reader, 0);
        final Rewriting visitor = visitor(writer);
        reader.accept(visitor, 0);
        return visitor.changed ? writer.toByteArray() : null;
    }

    /**
     * Whether to look at this class at all (cheap: it runs for every class the JVM loads).
     *
     * @param className the internal name
     * @param classfile its class file bytes
     * @return true to rewrite it
     */
    abstract boolean wants(String className, byte[] classfile);

    /**
     * The visitor that rewrites, in front of the writer.
     *
     * @param next the class writer
     * @return the visitor, which says whether it changed anything
     */
    abstract Rewriting visitor(ClassVisitor next);

    /** A class visitor that notes whether it changed the class. */
    abstract static class Rewriting extends ClassVisitor {
        boolean changed;

        Rewriting(final ClassVisitor next) {
            super(Opcodes.ASM9, next);
        }
    }
}
