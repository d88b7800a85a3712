package io.openvni.karaf.jdkcompat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

class ClientExecRewriterTest {
    @Test
    void karafsClientReadsItsExecStdinThroughExecStdin() {
        // the real org.apache.karaf.client.Main of Karaf 4.4, as bin/client loads it
        final byte[] original = classBytes(ClientExecRewriter.CLIENT_MAIN);
        assertEquals(List.of("java/io/InputStream.read"), calls(original, true));

        final byte[] rewritten = new ClientExecRewriter().rewrite(original);
        assertNotNull(rewritten, "no exec stdin watch found in Karaf's client");
        assertEquals(List.of(ClientExecRewriter.EXEC_STDIN + ".read"), calls(rewritten, true));
        // everything outside the watch stays as it was
        assertEquals(calls(original, false), calls(rewritten, false));
    }

    @Test
    void leavesOtherClassesAlone() {
        final var rewriter = new ClientExecRewriter();
        assertNull(rewriter.transform(null, "org/apache/karaf/client/ClientConfig", null, null,
            classBytes("org/apache/karaf/client/ClientConfig")));
        assertNull(rewriter.transform(null, "java/io/InputStream", null, null, classBytes("java/io/InputStream")));
    }

    /** The stdin reads in the exec watch (or the method calls everywhere else). */
    private static List<String> calls(final byte[] classfile, final boolean inWatch) {
        final var calls = new ArrayList<String>();
        new ClassReader(classfile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(final int access, final String name, final String descriptor,
                    final String signature, final String[] exceptions) {
                final boolean watch = ClientExecRewriter.WATCH_DESCRIPTOR.equals(descriptor);
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(final int opcode, final String owner, final String method,
                            final String desc, final boolean isInterface) {
                        final String call = owner + "." + method;
                        if (watch == inWatch && (!inWatch || method.equals("read"))) {
                            calls.add(call);
                        }
                    }
                };
            }
        }, 0);
        return calls;
    }

    private static byte[] classBytes(final String internalName) {
        final String resource = "/" + internalName + ".class";
        try (InputStream in = ClientExecRewriterTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
