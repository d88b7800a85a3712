package io.openvni.karaf.jdkcompat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites, in any class outside the JDK, the static calls {@code Subject.getSubject}, {@code Subject.doAs} and
 * {@code Subject.doAsPrivileged} to {@link CurrentSubject}, and replaces the bodies of Karaf's
 * {@code JaasHelper.doAs} (a copy of it is embedded in many Karaf bundles) with a call to
 * {@link CurrentSubject#doAs}. Descriptors stay the same, so the operand stack and frames are untouched.
 *
 * <p>Public because the agent class is defined by the application class loader and this one, once the agent jar
 * is on the bootstrap class path, by the bootstrap class loader: different runtime packages.
 */
public final class SubjectCallRewriter extends ClassRewriter {
    static final String SUBJECT = "javax/security/auth/Subject";
    static final String CURRENT_SUBJECT = "io/openvni/karaf/jdkcompat/CurrentSubject";
    static final String KARAF_JAAS_HELPER = "org/apache/karaf/util/jaas/JaasHelper";

    private static final String DO_AS = "doAs";
    private static final Set<String> REWRITTEN_SUBJECT_METHODS = Set.of("getSubject", DO_AS, "doAsPrivileged");
    private static final Set<String> JAAS_HELPER_DO_AS = Set.of(
        "(Ljavax/security/auth/Subject;Ljava/security/PrivilegedAction;)Ljava/lang/Object;",
        "(Ljavax/security/auth/Subject;Ljava/security/PrivilegedExceptionAction;)Ljava/lang/Object;");
    private static final byte[] SUBJECT_BYTES = SUBJECT.getBytes(StandardCharsets.UTF_8);

    /**
     * Create the transformer.
     */
    public SubjectCallRewriter() {
        // nothing to set up
    }

    @Override
    boolean wants(final String className, final byte[] classfile) {
        return !isJdkOrOwn(className) && contains(classfile, SUBJECT_BYTES);
    }

    @Override
    Rewriting visitor(final ClassVisitor next) {
        return new RewritingClassVisitor(next);
    }

    private static boolean isJdkOrOwn(final String className) {
        return className.startsWith("java/") || className.startsWith("javax/") || className.startsWith("jdk/")
            || className.startsWith("sun/") || className.startsWith("com/sun/")
            || className.startsWith("io/openvni/karaf/jdkcompat/");
    }

    private static boolean contains(final byte[] haystack, final byte[] needle) {
        outer:
        for (int i = 0, last = haystack.length - needle.length; i <= last; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static final class RewritingClassVisitor extends Rewriting {
        private boolean jaasHelper;

        RewritingClassVisitor(final ClassVisitor next) {
            super(next);
        }

        @Override
        public void visit(final int version, final int access, final String name, final String signature,
                final String superName, final String[] interfaces) {
            jaasHelper = KARAF_JAAS_HELPER.equals(name);
            super.visit(version, access, name, signature, superName, interfaces);
        }

        @Override
        public MethodVisitor visitMethod(final int access, final String name, final String descriptor,
                final String signature, final String[] exceptions) {
            final MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
            if (jaasHelper && DO_AS.equals(name) && (access & Opcodes.ACC_STATIC) != 0
                    && JAAS_HELPER_DO_AS.contains(descriptor)) {
                // JaasHelper.doAs(subject, action) { return CurrentSubject.doAs(subject, action); }
                next.visitCode();
                next.visitVarInsn(Opcodes.ALOAD, 0);
                next.visitVarInsn(Opcodes.ALOAD, 1);
                next.visitMethodInsn(Opcodes.INVOKESTATIC, CURRENT_SUBJECT, DO_AS, descriptor, false);
                next.visitInsn(Opcodes.ARETURN);
                next.visitMaxs(2, 2);
                next.visitEnd();
                changed = true;
                // drop the original body
                return null;
            }
            return new MethodVisitor(Opcodes.ASM9, next) {
                @Override
                public void visitMethodInsn(final int opcode, final String owner, final String method,
                        final String desc, final boolean isInterface) {
                    if (opcode == Opcodes.INVOKESTATIC && SUBJECT.equals(owner)
                            && REWRITTEN_SUBJECT_METHODS.contains(method)) {
                        changed = true;
                        super.visitMethodInsn(opcode, CURRENT_SUBJECT, method, desc, false);
                    } else {
                        super.visitMethodInsn(opcode, owner, method, desc, isInterface);
                    }
                }
            };
        }
    }
}
