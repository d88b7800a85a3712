package io.openvni.karaf.jdkcompat;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites, in the Karaf client ({@code bin/client}, {@code org.apache.karaf.client.Main}), the stdin watch of an
 * exec session to read through {@link ExecStdin#read}, so that a command given on the command line runs to its end
 * when stdin is not a terminal. The watch is the method taking only the {@code ChannelExec}; its
 * {@code InputStream.read()} call becomes {@code ExecStdin.read(InputStream)}, same operand stack.
 */
public final class ClientExecRewriter implements ClassFileTransformer {
    static final String CLIENT_MAIN = "org/apache/karaf/client/Main";
    static final String WATCH_DESCRIPTOR = "(Lorg/apache/sshd/client/channel/ChannelExec;)V";
    static final String EXEC_STDIN = "io/openvni/karaf/jdkcompat/ExecStdin";
    private static final String INPUT_STREAM = "java/io/InputStream";

    /**
     * Create the transformer.
     */
    public ClientExecRewriter() {
        // nothing to set up
    }

    @Override
    @SuppressFBWarnings(value = "PZLA_PREFER_ZERO_LENGTH_ARRAYS",
        justification = "ClassFileTransformer's contract: null means 'leave the class as it is'")
    @SuppressWarnings({
        "checkstyle:IllegalCatch", // whatever goes wrong, class loading must go on with the original class
        "checkstyle:RegexpSinglelineJava" // the client has no logging set up
    })
    public byte[] transform(final ClassLoader loader, final String className, final Class<?> classBeingRedefined,
            final ProtectionDomain protectionDomain, final byte[] classfileBuffer) {
        if (!CLIENT_MAIN.equals(className)) {
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
     * Rewrite the client's main class.
     *
     * @param classfile the class file bytes
     * @return the rewritten class file, or {@code null} if it has no such watch
     */
    @SuppressFBWarnings(value = "PZLA_PREFER_ZERO_LENGTH_ARRAYS", justification = "null as in transform()")
    static byte[] rewrite(final byte[] classfile) {
        final var reader = new ClassReader(classfile);
        final var writer = new ClassWriter(reader, 0);
        final var visitor = new WatchVisitor(writer);
        reader.accept(visitor, 0);
        return visitor.changed ? writer.toByteArray() : null;
    }

    private static final class WatchVisitor extends ClassVisitor {
        boolean changed;

        WatchVisitor(final ClassVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public MethodVisitor visitMethod(final int access, final String name, final String descriptor,
                final String signature, final String[] exceptions) {
            final MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
            if (!WATCH_DESCRIPTOR.equals(descriptor) || (access & Opcodes.ACC_STATIC) == 0) {
                return next;
            }
            return new MethodVisitor(Opcodes.ASM9, next) {
                @Override
                public void visitMethodInsn(final int opcode, final String owner, final String method,
                        final String desc, final boolean isInterface) {
                    if (opcode == Opcodes.INVOKEVIRTUAL && INPUT_STREAM.equals(owner) && "read".equals(method)
                            && "()I".equals(desc)) {
                        changed = true;
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, EXEC_STDIN, "read", "(Ljava/io/InputStream;)I",
                            false);
                    } else {
                        super.visitMethodInsn(opcode, owner, method, desc, isInterface);
                    }
                }
            };
        }
    }
}
