/**
 * Integration-test harness for the OpenVNI Karaf distribution.
 *
 * <p>Annotate a test class with {@link OpenVniController} and take what you need as test method (or constructor)
 * parameters:
 * <pre>
 * &#64;OpenVniController
 * class TenantIT {
 *     &#64;Test
 *     void createsTenant(RestconfClient restconf, KarafConsole console) {
 *         assertEquals(201, restconf.put("/rests/data/openvni-tenant:tenants/tenant=acme", json).status());
 *         assertTrue(console.run("feature:list -i").output().contains("odl-openvni"));
 *     }
 * }
 * </pre>
 * One controller is started for the whole test run (all classes share it) and stopped at the end; when a test
 * fails, the controller's logs are copied next to the failsafe reports and their tail is printed.
 */
package io.openvni.testlib.controller;
