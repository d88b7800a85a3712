/**
 * Real-device fixtures for OpenVNI's tests, shared by every module (see this module's pom): {@link
 * io.openvni.testlib.NamespaceHost}, {@link io.openvni.testlib.FrrRouter}, {@link io.openvni.testlib.HostLink},
 * {@link io.openvni.testlib.PrivateSshd}, and {@link io.openvni.testlib.Commands} to run bounded commands here.
 */
@NonNullByDefault
package io.openvni.testlib;

import org.eclipse.jdt.annotation.NonNullByDefault;
