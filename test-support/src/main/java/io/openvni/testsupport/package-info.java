/**
 * What a test run needs to be read honestly: {@link io.openvni.testsupport.SkippedTestsListener} writes down the
 * tests that did not run (a package, root or a lab was missing) so that scripts/test.sh can say how many and why.
 */
package io.openvni.testsupport;
