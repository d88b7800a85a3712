package io.openvni.karaf.jdkcompat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.security.PrivilegedAction;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.concurrent.atomic.AtomicReference;
import javax.security.auth.Subject;
import org.junit.jupiter.api.Test;

class CurrentSubjectTest {
    private final Subject alice = new Subject();
    private final Subject bob = new Subject();

    @Test
    void noSubjectOutsideDoAs() {
        assertNull(CurrentSubject.getSubject(null));
    }

    @Test
    void doAsBindsTheSubjectAndRestoresTheOuterOne() {
        final Subject[] seen = CurrentSubject.doAs(alice, (PrivilegedAction<Subject[]>) () -> new Subject[] {
            CurrentSubject.getSubject(null),
            CurrentSubject.doAs(bob, (PrivilegedAction<Subject>) () -> CurrentSubject.getSubject(null)),
            CurrentSubject.getSubject(null),
        });
        assertSame(alice, seen[0]);
        assertSame(bob, seen[1]);
        assertSame(alice, seen[2]);
        assertNull(CurrentSubject.getSubject(null));
    }

    @Test
    void threadsStartedInsideDoAsInheritTheSubject() throws Exception {
        final var inChild = new AtomicReference<Subject>();
        CurrentSubject.doAs(alice, (PrivilegedExceptionAction<Void>) () -> {
            final var child = new Thread(() -> inChild.set(CurrentSubject.getSubject(null)));
            child.start();
            child.join();
            return null;
        });
        assertSame(alice, inChild.get());
    }

    @Test
    void nullSubjectHidesTheOuterOne() {
        final Subject seen = CurrentSubject.doAs(alice, (PrivilegedAction<Subject>) () ->
            CurrentSubject.doAs(null, (PrivilegedAction<Subject>) () -> CurrentSubject.getSubject(null)));
        assertNull(seen);
    }

    @Test
    void exceptionsKeepTheirDoAsShape() {
        final var unchecked = new IllegalArgumentException("bad");
        assertSame(unchecked, assertThrows(IllegalArgumentException.class,
            () -> CurrentSubject.doAs(alice, (PrivilegedAction<Void>) () -> {
                throw unchecked;
            })));

        final var checked = new IOException("io");
        final var wrapped = assertThrows(PrivilegedActionException.class,
            () -> CurrentSubject.doAs(alice, (PrivilegedExceptionAction<Void>) () -> {
                throw checked;
            }));
        assertSame(checked, wrapped.getException());
        assertNull(CurrentSubject.getSubject(null));
    }

    @Test
    void returnsTheActionResult() throws PrivilegedActionException {
        assertEquals("ok", CurrentSubject.doAs(alice, (PrivilegedExceptionAction<String>) () -> "ok"));
    }
}
