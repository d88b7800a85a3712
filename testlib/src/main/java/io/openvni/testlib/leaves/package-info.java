/**
 * Leaf-switch simulators for tests and benchmarks: real, strict NETCONF servers (Debian's yuma123
 * {@code netconfd}) loaded with the OpenConfig models, reached over SSH like hardware, and a small NETCONF client
 * to check what they hold.
 * <pre>
 * try (var leaves = NetconfdLeaves.launch(3)) {
 *     // give leaves.host(0), leaves.port(0), leaves.username(0), leaves.password(0) to the code under test...
 *     var client = leaves.client(0);
 *     assertTrue(client.editCommit(OpenConfigYang.jsonToXml(goldenJson)).ok());
 *     assertTrue(client.getConfig(NetconfTestClient.Datastore.RUNNING).data().contains("ovni-l2-10000"));
 *     leaves.stop(0);   // the leaf goes away like a rebooting switch; its committed config survives
 *     leaves.start(0);
 * }
 * </pre>
 * Needs root and the Debian packages {@code netconfd}, {@code openssh-server}, {@code python3-ncclient} (the test
 * client) and {@code libyang2-tools} (JSON to XML), and the OpenConfig set {@code ../shared/yang/openconfig-netconfd}
 * beside the repository (see {@link OpenConfigYang}). See {@link NetconfdLeaves} for the processes, the system user it
 * creates and the ports.
 */
package io.openvni.testlib.leaves;
