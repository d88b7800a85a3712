/**
 * Keeps Karaf 4.4's JAAS code working on JDK 24 and newer, where the Security Manager is gone for good.
 *
 * <p>Karaf finds "who is running this command" with {@code Subject.getSubject(AccessController.getContext())} and
 * runs shell sessions under a user with {@code AccessController.doPrivileged(action, subjectContext)}. Since JDK 24
 * the first always throws {@link java.lang.UnsupportedOperationException} and the second no longer carries the
 * Subject, so SSH and local console sessions die right after login. {@link SubjectCompatAgent} is a java agent that
 * rewrites those calls, at class-load time, to {@link CurrentSubject}, which implements them with
 * {@code Subject.current()} and {@code Subject.callAs()}. On older JDKs it stays out of the way.
 *
 * <p>On every JDK the agent also keeps {@code bin/client "command"} working when stdin is not a terminal
 * ({@link ClientExecRewriter}, {@link ExecStdin}).
 */
package io.openvni.karaf.jdkcompat;
