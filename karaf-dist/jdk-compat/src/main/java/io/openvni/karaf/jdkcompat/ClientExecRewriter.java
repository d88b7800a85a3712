package io.openvni.karaf.jdkcompat;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites, in the Karaf client ({@code bin/client}, {@code org.apache.karaf.client.Main}), the stdin watch of an
 * exec session to read through {@link ExecStdin#read}, so that a command given on the command line runs to its end
 * when stdin is not a terminal. The watch is the method taking only the {@code ChannelExec}; its
 * {@code InputStream.read()} call becomes {@code ExecStdin.read(InputStream)}, same operand stack.
 */
public final class ClientExecRewriter extends ClassRewriter {
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
    boolean wants(final String className, final byte[] classfile) {
        return CLIENT_MAIN.equals(className);
    }

    @Override
    Rewriting visitor(final ClassVisitor next) {
        return new WatchVisitor(next);
    }

    private static final class WatchVisitor extends Rewriting {
        WatchVisitor(final ClassVisitor next) {
            super(next);
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
